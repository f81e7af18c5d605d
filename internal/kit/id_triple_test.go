package kit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

type tripleKey = Triple[string, int64, string]

func word(what string) func(string) (any, error) {
	return func(raw string) (any, error) {
		if raw == "" {
			return nil, errors.New(what + " is empty")
		}
		return raw, nil
	}
}

var externalID = TripleOf[string, int64, string](
	Part{Attr: "entity_type", Parse: word("an entity type")},
	Part{Attr: "entity_id", Int: true, Parse: partOf("entity")},
	Part{Attr: "system_name", Parse: word("a system name")},
	"company/7/peachtree", "", func(vendor string, k tripleKey) string {
		return fmt.Sprintf("%s external id of %s %d in system %q", vendor, k.First, k.Second, k.Third)
	})

func TestTripleImportIDs(t *testing.T) {
	want := tripleKey{"company", 7, "peachtree"}
	cases := []struct{ raw, err string }{
		{"company/7/peachtree", ""},
		{" company / 7 / peachtree ", ""},
		{"company/7", `the import ID of an external id is "<entity_type>/<entity_id>/<system_name>", such as "company/7/peachtree"; got "company/7"`},
		{"company/7/peachtree/x", `the import ID of an external id is "<entity_type>/<entity_id>/<system_name>", such as "company/7/peachtree"; got "company/7/peachtree/x"`},
		{"company/x/peachtree", `in import ID "company/x/peachtree" ("<entity_type>/<entity_id>/<system_name>"): a Vendor entity id is a positive whole number, got "x"`},
		{"company/7/", `in import ID "company/7/" ("<entity_type>/<entity_id>/<system_name>"): a system name is empty`},
	}
	for _, c := range cases {
		values, err := externalID.ParseImport("external id", c.raw)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.raw, err)
		case c.err == "" && externalID.Key(values) != want:
			t.Errorf("%q: key %v, want %v", c.raw, externalID.Key(values), want)
		case c.err != "" && (err == nil || err.Error() != c.err):
			t.Errorf("%q: error %v, want %q", c.raw, err, c.err)
		}
	}
	if got := externalID.Format(want); got != "company/7/peachtree" {
		t.Errorf("Format = %q", got)
	}
	if got := (Type[struct{}, tripleKey]{Vendor: Vendor[struct{}]{Name: "Vendor"}, ID: externalID}).Object(want); got != `Vendor external id of company 7 in system "peachtree"` {
		t.Errorf("Object = %q", got)
	}
}

// The three parts go to their attributes on import (the number as a
// number), and come back from the state as the key.
func TestTripleImportAndState(t *testing.T) {
	ctx := context.Background()
	sch := schema.Schema{Attributes: map[string]schema.Attribute{
		"id":          schema.StringAttribute{Computed: true},
		"entity_type": schema.StringAttribute{Required: true},
		"entity_id":   schema.Int64Attribute{Required: true},
		"system_name": schema.StringAttribute{Required: true},
	}}
	typ := sch.Type().TerraformType(ctx)
	st := tfsdk.State{Schema: sch, Raw: tftypes.NewValue(typ, nil)}
	values, err := externalID.ParseImport("external id", "location/4294967297/timberline")
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.Diagnostics
	externalID.setImported(ctx, values, &st, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	key, ok := externalID.FromState(ctx, "external id", st, &diags)
	if !ok || key != (tripleKey{"location", 4294967297, "timberline"}) {
		t.Fatalf("key %v, %v, %v", key, ok, diags)
	}
	var n int64
	if diags.Append(st.GetAttribute(ctx, path.Root("entity_id"), &n)...); n != 4294967297 {
		t.Errorf("entity_id = %d", n)
	}

	// An entity id missing from the state says how to re-import.
	st.Raw = tftypes.NewValue(typ, map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, nil), "entity_type": tftypes.NewValue(tftypes.String, "location"),
		"entity_id": tftypes.NewValue(tftypes.Number, nil), "system_name": tftypes.NewValue(tftypes.String, "timberline"),
	})
	diags = nil
	if _, ok := externalID.FromState(ctx, "external id", st, &diags); ok || !strings.Contains(diags.Errors()[0].Detail(), `re-import it with "<entity_type>/<entity_id>/<system_name>"`) {
		t.Errorf("missing entity id: %v %v", ok, diags)
	}
}
