package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Positive refuses numbers that are not greater than 0 (the framework's
// validators bound numbers inclusively only). what names the value in the
// error summary: "quantity" gives "Invalid quantity".
func Positive(what string) validator.Float64 { return positive{what: what} }

type positive struct{ what string }

func (positive) Description(context.Context) string { return "value must be greater than 0" }

func (v positive) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v positive) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if x := req.ConfigValue.ValueFloat64(); x <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+v.what,
			fmt.Sprintf("Attribute %s must be greater than 0, got: %g", req.Path, x))
	}
}
