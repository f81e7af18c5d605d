package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewRegionsDataSource is the fieldservice_servicetrade_regions data source.
func NewRegionsDataSource() datasource.DataSource {
	return &regionsDataSource{dataBase: vendor.DataSource("regions")}
}

type regionsDataSource struct{ dataBase }

// regionsModel is the data source's state. The list is a slice of the
// element model, so that its type is the one the schema declares.
type regionsModel struct {
	Name    types.String  `tfsdk:"name"`
	Regions []regionModel `tfsdk:"regions"`
}

func (d *regionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the ServiceTrade regions of the account, including those Terraform did not create, optionally filtered by name: " +
			"use it with `for_each` in `import` blocks to adopt an existing account. Each region is read individually for its offices " +
			"(the API's list omits them), so this makes one request per region.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Optional:    true,
				Description: "Keep only regions whose name contains this text, case-insensitively (ServiceTrade's own `name` filter). Omit for all regions.",
			},
			"regions": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The matching regions, in ServiceTrade's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":    schema.StringAttribute{Computed: true, Description: "Numeric id of the region (the import id of `fieldservice_servicetrade_region`)."},
					"uri":   schema.StringAttribute{Computed: true, Description: "Absolute API URI of the region."},
					"name":  schema.StringAttribute{Computed: true, Description: "Name of the region."},
					"color": schema.StringAttribute{Computed: true, Description: "HTML color of the region, or null."},
					"points": schema.ListNestedAttribute{
						Computed:    true,
						Description: "Boundary points of the region, in order.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"lat": schema.Float64Attribute{Computed: true, Description: "Latitude in decimal degrees."},
							"lon": schema.Float64Attribute{Computed: true, Description: "Longitude in decimal degrees."},
						}},
					},
					"office_ids": schema.SetAttribute{Computed: true, ElementType: types.Int64Type, Description: "Ids of the offices the region is assigned to (empty for none)."},
				}},
			},
		},
	}
}

func (d *regionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m regionsModel
	d.ReadWith(ctx, req, resp, &m, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) bool {
		list, err := client.ListRegions(ctx, api.RegionFilter{Name: m.Name.ValueString()})
		if err != nil {
			diags.AddError("Listing ServiceTrade regions failed", err.Error())
			return false
		}
		// Not nil: no regions is an empty list, not a null one.
		m.Regions = make([]regionModel, 0, len(list))
		for _, entry := range list {
			// List entries carry "offices": [] even when the region has
			// offices; only the single GET has them.
			region, err := client.GetRegion(ctx, entry.ID)
			if api.IsNotFound(err) {
				continue // deleted between the list and the read
			}
			if err != nil {
				diags.AddError(fmt.Sprintf("Reading ServiceTrade region %d failed", entry.ID), err.Error())
				return false
			}
			var r regionModel
			diags.Append(r.fromAPI(region, types.SetValueMust(types.Int64Type, nil))...)
			m.Regions = append(m.Regions, r)
		}
		return !diags.HasError()
	})
}
