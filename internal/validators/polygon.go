package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// OpenPolygon refuses a boundary (a list of objects with "lat" and "lon")
// whose last point repeats the first: ServiceTrade closes a region's
// polygon itself and stores the points as given (its examples never repeat
// the first point), so a closing point would become a duplicate vertex.
func OpenPolygon() validator.List { return notClosed{} }

type notClosed struct{}

func (notClosed) Description(context.Context) string {
	return "the last point must not repeat the first: the polygon is closed implicitly"
}

func (v notClosed) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (notClosed) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	points := req.ConfigValue.Elements()
	if len(points) < 2 {
		return
	}
	first, ok1 := latLon(points[0])
	last, ok2 := latLon(points[len(points)-1])
	if ok1 && ok2 && first == last {
		resp.Diagnostics.AddAttributeError(req.Path, "Boundary repeats its first point",
			fmt.Sprintf("Attribute %s must not end with its first point (%g, %g): ServiceTrade closes the polygon itself. Remove the last point.",
				req.Path, first[0], first[1]))
	}
}

// latLon reads a known point of the boundary.
func latLon(v attr.Value) ([2]float64, bool) {
	obj, ok := v.(types.Object)
	if !ok || obj.IsNull() || obj.IsUnknown() {
		return [2]float64{}, false
	}
	lat, ok1 := obj.Attributes()["lat"].(types.Float64)
	lon, ok2 := obj.Attributes()["lon"].(types.Float64)
	if !ok1 || !ok2 || lat.IsNull() || lat.IsUnknown() || lon.IsNull() || lon.IsUnknown() {
		return [2]float64{}, false
	}
	return [2]float64{lat.ValueFloat64(), lon.ValueFloat64()}, true
}
