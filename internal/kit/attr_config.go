package kit

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The attributes a configuration sets, in the shapes that recur across
// resources. Each takes its description as written (the schema shows it
// word for word) and the validators of the documented constraints.

// RequiredString is a string the configuration must give.
func RequiredString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Required: true, Description: description, Validators: validators}
}

// OptionalString is a string the configuration may leave out (null).
func OptionalString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Description: description, Validators: validators}
}

// DefaultString is a string the configuration may leave out, which then
// takes its default (and is known at plan time).
func DefaultString(def, description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(def), Description: description, Validators: validators}
}

// CreateOnly is a string attribute that the API takes only at creation:
// changing it forces replacement.
func CreateOnly(a schema.StringAttribute) schema.StringAttribute {
	a.PlanModifiers = append(slices.Clip(a.PlanModifiers), stringplanmodifier.RequiresReplace())
	return a
}

// OptionalID is the id of another object that the configuration may leave
// out (null): a positive whole number.
func OptionalID(description string) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Description: description, Validators: []validator.Int64{int64validator.AtLeast(1)}}
}

// ParentID is the id of the object this one belongs to and is reached
// through (a contract's rule): required, and, since the parent is part of
// the object's address, changing it forces replacement.
func ParentID(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		Required:      true,
		Description:   description,
		Validators:    []validator.Int64{int64validator.AtLeast(1)},
		PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
	}
}

// KeptBool is a boolean the configuration may leave out: the API's default
// then applies at creation, and the current value is kept afterwards
// (removing it from the configuration changes nothing).
func KeptBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{
		Optional:      true,
		Computed:      true,
		Description:   description,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
	}
}
