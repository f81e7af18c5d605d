package kit

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
)

func TestKeyDescriptionsNameTheKeysToGiveOneOf(t *testing.T) {
	two := Vendor[struct{}]{}.DataSource("webhook", "id", "hook_url")
	if got, want := two.Key("Numeric id of the webhook.").Description, "Numeric id of the webhook. Give exactly one of `id` and `hook_url`."; got != want {
		t.Errorf("two keys: %q, want %q", got, want)
	}
	three := Vendor[struct{}]{}.DataSource("employee", "employee_number", "username", "email_address")
	if got, want := three.KeyInt64("Employee number to look up.").Description,
		"Employee number to look up. Give exactly one of `employee_number`, `username` and `email_address`."; got != want {
		t.Errorf("three keys: %q, want %q", got, want)
	}
	key := three.Key("Username to look up.", stringvalidator.LengthAtLeast(1))
	if !key.Optional || !key.Computed || key.Required || len(key.Validators) != 1 {
		t.Errorf("a key is optional and computed, with its validators: %+v", key)
	}
}

func TestGiveOneOfRefusesFewerThanTwoKeys(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a single key made a sentence")
		}
	}()
	_ = Vendor[struct{}]{}.DataSource("contract", "id").Type.GiveOneOf()
}
