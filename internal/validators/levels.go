package validators

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringSetOf accepts a set of strings each one of allowed, or exactly the
// set vendorDefault: a vendor's own default that holds a value it does not
// take otherwise (ServiceTrade reports `items_by_type` in a contract's
// default quote detail levels, though it refuses that value for quotes).
// An import, and the configuration Terraform generates from it, hold that
// default, which must then plan without error.
func StringSetOf(allowed, vendorDefault []string) validator.Set {
	return stringSetOf{each: setvalidator.ValueStringsAre(stringvalidator.OneOf(allowed...)), vendorDefault: vendorDefault}
}

// stringSetOf runs each, the usual check of every value, on any set but
// vendorDefault.
type stringSetOf struct {
	each          validator.Set
	vendorDefault []string
}

func (v stringSetOf) Description(ctx context.Context) string {
	return fmt.Sprintf("%s, unless the set is exactly the vendor's default [%s]", v.each.Description(ctx), quoted(v.vendorDefault))
}

func (v stringSetOf) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v stringSetOf) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	var got []string
	for _, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsUnknown() {
			v.each.ValidateSet(ctx, req, resp)
			return
		}
		got = append(got, s.ValueString())
	}
	if !SameSet(got, v.vendorDefault) {
		v.each.ValidateSet(ctx, req, resp)
	}
}

// SameSet reports whether a and b hold the same strings, in any order: the
// equality of two values of a set of strings.
func SameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, s := range a {
		if !slices.Contains(b, s) {
			return false
		}
	}
	return true
}

func quoted(values []string) string {
	q := make([]string, len(values))
	for i, s := range values {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
