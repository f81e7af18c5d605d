package kit

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func positive(kind string) func(string) (int64, error) {
	return func(raw string) (int64, error) {
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("a Vendor %s id is a positive whole number, got %q", kind, raw)
		}
		return n, nil
	}
}

func partOf(kind string) func(string) (any, error) {
	parse := positive(kind)
	return func(raw string) (any, error) { return parse(raw) }
}

var ruleID = ChildOf(Part{Attr: "contract_id", Parse: partOf("contract")}, Part{Label: "rule_id", Parse: partOf("rule")},
	"7/5", "rules live in their contract", nil)

func TestCompositeImportIDs(t *testing.T) {
	cases := []struct{ raw, want string }{
		{"7/5", ""},
		{" 7 / 5 ", ""},
		{"5", `the import ID of a rule is "<contract_id>/<rule_id>", such as "7/5" (rules live in their contract); got "5"`},
		{"7/5/1", `the import ID of a rule is "<contract_id>/<rule_id>", such as "7/5" (rules live in their contract); got "7/5/1"`},
		{"x/5", `in import ID "x/5" ("<contract_id>/<rule_id>"): a Vendor contract id is a positive whole number, got "x"`},
		{"7/0", `in import ID "7/0" ("<contract_id>/<rule_id>"): a Vendor rule id is a positive whole number, got "0"`},
		{"/5", `in import ID "/5" ("<contract_id>/<rule_id>"): a Vendor contract id is a positive whole number, got ""`},
	}
	for _, c := range cases {
		values, err := ruleID.ParseImport("rule", c.raw)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v", c.raw, err)
		case c.want == "" && ruleID.Key(values) != (Child{Parent: 7, ID: 5}):
			t.Errorf("%q: key %v, want 7/5", c.raw, ruleID.Key(values))
		case c.want != "" && (err == nil || err.Error() != c.want):
			t.Errorf("%q: error %v, want %q", c.raw, err, c.want)
		}
	}
	if got := ruleID.Format(Child{Parent: 7, ID: 5}); got != "7/5" {
		t.Errorf("Format = %q, want 7/5", got)
	}
}

func TestPlainImportID(t *testing.T) {
	id := Plain(positive("thing"), func(n int64) string { return strconv.FormatInt(n, 10) })
	if _, err := id.ParseImport("thing", "north"); err == nil || err.Error() != `a Vendor thing id is a positive whole number, got "north"` {
		t.Errorf("error %v", err)
	}
	if v, err := id.ParseImport("thing", " 42 "); err != nil || id.Key(v) != 42 {
		t.Errorf("%v, %v; want 42", v, err)
	}
}

// state is a resource state with a string id and a number parent.
func state(t *testing.T, id tftypes.Value, parent tftypes.Value) tfsdk.State {
	t.Helper()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"id":          schema.StringAttribute{Computed: true},
		"contract_id": schema.Int64Attribute{Required: true},
		"note":        schema.StringAttribute{Optional: true},
	}}
	typ := s.Type().TerraformType(context.Background())
	return tfsdk.State{Schema: s, Raw: tftypes.NewValue(typ, map[string]tftypes.Value{
		"id": id, "contract_id": parent, "note": tftypes.NewValue(tftypes.String, nil),
	})}
}

func TestKeyFromState(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	key, ok := ruleID.FromState(ctx, "rule", state(t, tftypes.NewValue(tftypes.String, "5"), tftypes.NewValue(tftypes.Number, 7)), &diags)
	if !ok || key != (Child{Parent: 7, ID: 5}) || diags.HasError() {
		t.Fatalf("key %v, %v, %v", key, ok, diags)
	}
	for name, s := range map[string]tfsdk.State{
		"parent missing": state(t, tftypes.NewValue(tftypes.String, "5"), tftypes.NewValue(tftypes.Number, nil)),
		"id invalid":     state(t, tftypes.NewValue(tftypes.String, "five"), tftypes.NewValue(tftypes.Number, 7)),
	} {
		var diags diag.Diagnostics
		if _, ok := ruleID.FromState(ctx, "rule", s, &diags); ok || !diags.HasError() {
			t.Errorf("%s: accepted", name)
			continue
		}
		if got := diags.Errors()[0].Summary(); got != "Invalid rule id in state" {
			t.Errorf("%s: summary %q", name, got)
		}
		if name == "parent missing" && !strings.Contains(diags.Errors()[0].Detail(), `re-import it with "<contract_id>/<rule_id>"`) {
			t.Errorf("%s: detail %q does not say how to re-import", name, diags.Errors()[0].Detail())
		}
	}
}
