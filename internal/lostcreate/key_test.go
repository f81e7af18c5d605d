package lostcreate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
)

// What the refusal of a taken key says of a create_before_destroy
// replacement that keeps the key, which Terraform does not let the provider
// tell from a duplicate: where the resource has an attribute that skips
// the check (the API accepts duplicates), to set it; where the API keeps
// the key unique, that such a replacement cannot work at all.
func TestTheRefusalSaysHowToReplaceWithCreateBeforeDestroy(t *testing.T) {
	existing := naturalkey.Entry{ID: "42", Key: "x"}

	t.Run("attribute that allows a duplicate", func(t *testing.T) {
		f := &fixture{answers: []error{nil}}
		var calls int
		l := keyed(f, &naturalkey.Index{}, listing(&calls, existing))
		l.Key.AllowDuplicate = "allow_duplicate"
		_, _, diags, _ := create(t, context.Background(), f, l)
		d := only(t, diags, diag.SeverityError).Detail()
		mustMatch(t, d,
			`If this create replaces that thing with create_before_destroy and keeps its name, set allow_duplicate = true on this resource: `+
				`Terraform does not tell the provider which object a new one replaces, so without it the new thing cannot be told from a duplicate `+
				`\(both exist until the old one is deleted\)\. Or replace it without create_before_destroy\.$`)
		if strings.Contains(d, "cannot work") {
			t.Errorf("says a replacement cannot work where allow_duplicate makes it work: %s", d)
		}
	})

	t.Run("key the API keeps unique", func(t *testing.T) {
		f := &fixture{answers: []error{nil}}
		var calls int
		l := keyed(f, &naturalkey.Index{}, listing(&calls, existing))
		l.Unique = true
		l.Key.Instead = "give this resource another name (Vendor cannot delete things)"
		_, _, diags, _ := create(t, context.Background(), f, l)
		d := only(t, diags, diag.SeverityError).Detail()
		mustMatch(t, d,
			`give this resource another name \(Vendor cannot delete things\)\. `+
				`A replacement that keeps the name cannot work with create_before_destroy: Vendor itself refuses a second thing with the same name, `+
				`so the new one cannot be created while the old one exists\.$`)
		if strings.Contains(d, "allow_duplicate") {
			t.Errorf("names allow_duplicate for a key the API keeps unique: %s", d)
		}
	})

	t.Run("key the API keeps unique its own way", func(t *testing.T) {
		f := &fixture{answers: []error{nil}}
		var calls int
		l := keyed(f, &naturalkey.Index{}, listing(&calls, existing))
		l.Unique = true
		l.Key.Second = "hands back the existing thing for a second create of the same name"
		_, _, diags, _ := create(t, context.Background(), f, l)
		mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
			`A replacement that keeps the name cannot work with create_before_destroy: `+
				`Vendor itself hands back the existing thing for a second create of the same name, `+
				`so the new one cannot be created while the old one exists\.$`)
	})
}
