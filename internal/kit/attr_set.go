package kit

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IDSet is a set of ids of other objects (positive whole numbers) that
// the configuration may leave out (null).
func IDSet(description string) schema.SetAttribute {
	return schema.SetAttribute{
		Optional:    true,
		ElementType: types.Int64Type,
		Description: description,
		Validators:  []validator.Set{setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
	}
}

// KeptStringSet is a set of strings, each one of allowed, that the
// configuration may leave out: the API's own value then applies and is
// kept as found, and removing the attribute later leaves the last value in
// place.
func KeptStringSet(description string, allowed ...string) schema.SetAttribute {
	return schema.SetAttribute{
		Optional:      true,
		Computed:      true,
		ElementType:   types.StringType,
		Description:   description,
		Validators:    []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(allowed...))},
		PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
	}
}
