package kit

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
)

func TestAttributeBuilders(t *testing.T) {
	name := RequiredString("Name.", stringvalidator.LengthAtLeast(1))
	if !name.Required || name.Optional || name.Description != "Name." || len(name.Validators) != 1 || len(name.PlanModifiers) != 0 {
		t.Errorf("RequiredString = %+v", name)
	}
	replaced := CreateOnly(name)
	if len(replaced.PlanModifiers) != 1 || len(name.PlanModifiers) != 0 {
		t.Errorf("CreateOnly: %d plan modifiers, the original %d; want 1 and 0", len(replaced.PlanModifiers), len(name.PlanModifiers))
	}
	if got := replaced.PlanModifiers[0].Description(context.Background()); got == "" {
		t.Error("CreateOnly's plan modifier says nothing")
	}
	if typ := CreateOnly(DefaultString("standard", "Type.")); !typ.Optional || !typ.Computed || typ.Default == nil || len(typ.PlanModifiers) != 1 {
		t.Errorf("CreateOnly(DefaultString) = %+v", typ)
	}
	if id := OptionalID("Id."); !id.Optional || len(id.Validators) != 1 {
		t.Errorf("OptionalID = %+v", id)
	}
	if parent := ParentID("Parent."); !parent.Required || len(parent.Validators) != 1 || len(parent.PlanModifiers) != 1 {
		t.Errorf("ParentID = %+v", parent)
	}
	if b := KeptBool("Kept."); !b.Optional || !b.Computed || len(b.PlanModifiers) != 1 {
		t.Errorf("KeptBool = %+v", b)
	}
	if s := IDSet("Ids."); !s.Optional || s.Computed || len(s.Validators) != 1 {
		t.Errorf("IDSet = %+v", s)
	}
	if s := KeptStringSet("Levels.", "a", "b"); !s.Optional || !s.Computed || len(s.Validators) != 1 || len(s.PlanModifiers) != 1 {
		t.Errorf("KeptStringSet = %+v", s)
	}
	if n, f := ComputedInt64("Created."), ComputedFloat64("Total."); !n.Computed || n.Optional || len(n.PlanModifiers) != 1 || !f.Computed || len(f.PlanModifiers) != 1 {
		t.Errorf("ComputedInt64 = %+v, ComputedFloat64 = %+v", n, f)
	}
}

func TestNumberID(t *testing.T) {
	id := Number("a Vendor employee number", "12")
	if v, err := id.ParseImport("employee", " 42 "); err != nil || id.Key(v) != 42 || id.Format(42) != "42" {
		t.Errorf("%v, %v; want 42", v, err)
	}
	for _, raw := range []string{"0", "-3", "x", ""} {
		_, err := id.ParseImport("employee", raw)
		if want := "a Vendor employee number is a positive whole number such as 12, got \"" + raw + "\""; err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %q", raw, err, want)
		}
	}
}

func TestOf(t *testing.T) {
	one, two := func() int { return 1 }, func() int { return 2 }
	if got := Of(one, two); len(got) != 2 || got[0]() != 1 || got[1]() != 2 {
		t.Errorf("Of = %v", got)
	}
}
