package kit

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IDAttribute is every resource's id: set by the create, then kept from
// state in every plan.
func IDAttribute(description string) schema.StringAttribute {
	return ComputedString(description)
}

// ComputedString is a string the API sets at creation and never changes
// (an id, a URI): known from state in every plan but the create's.
func ComputedString(description string) schema.StringAttribute {
	return schema.StringAttribute{
		Computed:      true,
		Description:   description,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// ComputedBool is a boolean only the API sets, which may change (a
// webhook's confirmation): known from state in every plan but the
// create's, so that a change shows at the next refresh, never as a plan.
func ComputedBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{
		Computed:      true,
		Description:   description,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
	}
}

// ComputedInt64 is a number only the API sets (a creation time): known
// from state in every plan but the create's.
func ComputedInt64(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		Computed:      true,
		Description:   description,
		PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
	}
}

// ComputedFloat64 is a number only the API sets, which may change (a
// total): known from state in every plan but the create's, so that a
// change shows at the next refresh, never as a plan.
func ComputedFloat64(description string) schema.Float64Attribute {
	return schema.Float64Attribute{
		Computed:      true,
		Description:   description,
		PlanModifiers: []planmodifier.Float64{float64planmodifier.UseStateForUnknown()},
	}
}

// Duplicate describes, for AllowDuplicate, a type whose natural key the
// API does not keep unique.
type Duplicate struct {
	// Vendor as users know it: "ServiceTrade".
	Vendor string
	// Noun is the object in the resource's words, Kind in the API's:
	// "template", "quote template".
	Noun, Kind string
	// Attr holds the key: "hook_url".
	Attr string
	// When follows "with create_before_destroy and the same `<attr>`":
	// the usual ways of such a replacement.
	When string
	// Risk is what a second object with the key does: "a second webhook to
	// the same URL receives every event twice"; During follows "until the
	// old one is deleted".
	Risk, During string
}

// AllowDuplicate is the allow_duplicate attribute of such a type, which
// lists it among its ProviderSide attributes.
func AllowDuplicate(d Duplicate) schema.BoolAttribute {
	return OptionalBool(false,
		"Whether to create the "+d.Noun+" even when another "+d.Kind+" with the same `"+d.Attr+"` exists. "+
			"Defaults to `false`: the create is refused, with the way to import the existing "+d.Noun+", so that a second apply after a create whose answer was lost "+
			"cannot make a duplicate behind your back. Set it to `true` to replace the "+d.Noun+" with `create_before_destroy` and the same `"+d.Attr+"`"+d.When+": "+
			"Terraform does not tell the provider which object a new one replaces, so otherwise the new "+d.Noun+" "+
			"cannot be told from a duplicate and the replacement is refused. The risk: "+d.Risk+", "+
			"for as long as both exist (during such a replacement, until the old one is deleted"+d.During+"; for good, if the other one is not the one being replaced). "+
			"Provider-side only: changing it updates the state in place without calling "+d.Vendor+".")
}

// Attribute is a provider-side attribute and its default (Type.ProviderSide).
type Attribute struct {
	Name    string
	Default attr.Value
}

// AllowDuplicateDefault is allow_duplicate, false unless set.
var AllowDuplicateDefault = Attribute{"allow_duplicate", types.BoolValue(false)}

// Defaults is Type.ProviderSide of attributes.
func Defaults(attributes ...Attribute) map[string]attr.Value {
	if len(attributes) == 0 {
		return nil
	}
	m := make(map[string]attr.Value, len(attributes))
	for _, a := range attributes {
		m[a.Name] = a.Default
	}
	return m
}

// OptionalBool is a boolean the configuration may leave out, which then
// takes its default (and is known at plan time).
func OptionalBool(def bool, description string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(def), Description: description}
}
