package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var regionKind = objectKind[api.Region]{name: "region", id: func(r api.Region) int64 { return r.ID }, get: (*api.Client).GetRegion}

// NewRegionDataSource is the fieldservice_servicetrade_region data source.
func NewRegionDataSource() datasource.DataSource {
	d := lookupSource[regionModel, api.Region]("region", "region",
		"Looks up one ServiceTrade region by `id` or by exact `name`. Fails when no region, or more than one, has that name.",
		[]sourceKey[api.Region]{{attr: "name", description: "Exact, case-sensitive name of the region.", of: func(r api.Region) string { return r.Name }}},
		map[string]schema.Attribute{
			"uri":   kit.ReadOnlyString("Absolute API URI of the region."),
			"color": kit.ReadOnlyString("HTML color of the region, or null."),
			"points": kit.ReadOnlyObjects("Boundary points of the region, in order.", map[string]schema.Attribute{
				"lat": kit.ReadOnlyFloat64("Latitude in decimal degrees."),
				"lon": kit.ReadOnlyFloat64("Longitude in decimal degrees."),
			}),
			"office_ids": kit.ReadOnlySet(types.Int64Type, "Ids of the offices the region is assigned to."),
		})
	d.Spec = amongNamed[regionModel](regionKind, func(c *api.Client, ctx context.Context, name string) ([]api.Region, error) {
		return c.ListRegions(ctx, api.RegionFilter{Name: name})
	})
	// List entries carry no offices: a region found by name is read by
	// id.
	d.Refetch = regionKind.readAgain
	d.SetDiags = func(m *regionModel, r *api.Region) diag.Diagnostics {
		return m.fromAPI(r, types.SetValueMust(types.Int64Type, nil))
	}
	return d
}
