package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestStringSetOf(t *testing.T) {
	v := StringSetOf([]string{"public", "items", "by_type"}, []string{"public", "items_by_type", "type_detail"})
	set := func(values ...string) types.Set {
		elems := make([]attr.Value, len(values))
		for i, s := range values {
			elems[i] = types.StringValue(s)
		}
		return types.SetValueMust(types.StringType, elems)
	}
	for _, c := range []struct {
		value types.Set
		ok    bool
	}{
		{set("public", "items"), true},
		{set("type_detail", "items_by_type", "public"), true}, // the vendor's default, in any order
		{set("items_by_type"), false},                         // only as part of the default
		{set("public", "items_by_type"), false},
		{set("public", "items_by_type", "type_detail", "items"), false},
		{set("nope"), false},
		{types.SetNull(types.StringType), true},
		{types.SetUnknown(types.StringType), true},
	} {
		var resp validator.SetResponse
		v.ValidateSet(context.Background(), validator.SetRequest{Path: path.Root("levels"), ConfigValue: c.value}, &resp)
		if got := !resp.Diagnostics.HasError(); got != c.ok {
			t.Errorf("%s: valid = %v, want %v (%v)", c.value, got, c.ok, resp.Diagnostics)
		}
	}
}
