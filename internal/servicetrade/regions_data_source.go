package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewRegionsDataSource is the fieldservice_servicetrade_regions data source.
func NewRegionsDataSource() datasource.DataSource {
	return &kit.List[*api.Client, regionsModel, api.Region, regionModel]{
		DataBase: vendor.DataSource("regions"),
		Description: "Lists the ServiceTrade regions of the account, including those Terraform did not create, optionally filtered by name: " +
			"use it with `for_each` in `import` blocks to adopt an existing account. Each region is read individually for its offices " +
			"(the API's list omits them), so this makes one request per region.",
		Filters: nameFilter("regions"),
		Items:   "The matching regions, in ServiceTrade's order.",
		Element: map[string]schema.Attribute{
			"id":    kit.ReadOnlyString("Numeric id of the region (the import id of `fieldservice_servicetrade_region`)."),
			"uri":   kit.ReadOnlyString("Absolute API URI of the region."),
			"name":  kit.ReadOnlyString("Name of the region."),
			"color": kit.ReadOnlyString("HTML color of the region, or null."),
			"points": kit.ReadOnlyObjects("Boundary points of the region, in order.", map[string]schema.Attribute{
				"lat": kit.ReadOnlyFloat64("Latitude in decimal degrees."),
				"lon": kit.ReadOnlyFloat64("Longitude in decimal degrees."),
			}),
			"office_ids": kit.ReadOnlySet(types.Int64Type, "Ids of the offices the region is assigned to (empty for none)."),
		},
		List: func(ctx context.Context, client *api.Client, cfg *regionsModel) ([]api.Region, error) {
			return client.ListRegions(ctx, api.RegionFilter{Name: cfg.Name.ValueString()})
		},
		// List entries carry "offices": [] even when the region has
		// offices; only the single GET has them.
		Refetch: func(ctx context.Context, client *api.Client, listed *api.Region, diags *diag.Diagnostics) *api.Region {
			region, err := client.GetRegion(ctx, listed.ID)
			if api.IsNotFound(err) {
				return nil // deleted between the list and the read
			}
			if err != nil {
				diags.AddError(fmt.Sprintf("Reading ServiceTrade region %d failed", listed.ID), err.Error())
				return nil
			}
			return region
		},
		Of: func(m *regionsModel) *[]regionModel { return &m.Regions },
		SetDiags: func(r *regionModel, region *api.Region) diag.Diagnostics {
			return r.fromAPI(region, types.SetValueMust(types.Int64Type, nil))
		},
	}
}

type regionsModel struct {
	Name    types.String  `tfsdk:"name"`
	Regions []regionModel `tfsdk:"regions"`
}

// nameFilter is the name filter of the ServiceTrade lists that have one:
// "regions" keeps only regions whose name contains the text.
func nameFilter(plural string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Optional: true,
			Description: "Keep only " + plural + " whose name contains this text, case-insensitively (ServiceTrade's own `name` filter). " +
				"Omit for all " + plural + ".",
		},
	}
}
