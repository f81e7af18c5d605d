package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewRegionDataSource is the fieldservice_servicetrade_region data source.
func NewRegionDataSource() datasource.DataSource {
	return &regionDataSource{dataBase: dataSource("region", "id", "name")}
}

type regionDataSource struct{ dataBase }

func (d *regionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Looks up one ServiceTrade region by `id` or by exact `name`. Fails when no region, or more than one, has that name.",
		Attributes: map[string]schema.Attribute{
			"id":    schema.StringAttribute{Optional: true, Computed: true, Description: "Numeric id of the region. Give exactly one of `id` and `name`."},
			"name":  schema.StringAttribute{Optional: true, Computed: true, Description: "Exact, case-sensitive name of the region. Give exactly one of `id` and `name`."},
			"uri":   schema.StringAttribute{Computed: true, Description: "Absolute API URI of the region."},
			"color": schema.StringAttribute{Computed: true, Description: "HTML color of the region, or null."},
			"points": schema.ListNestedAttribute{
				Computed:    true,
				Description: "Boundary points of the region, in order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"lat": schema.Float64Attribute{Computed: true, Description: "Latitude in decimal degrees."},
					"lon": schema.Float64Attribute{Computed: true, Description: "Longitude in decimal degrees."},
				}},
			},
			"office_ids": schema.SetAttribute{Computed: true, ElementType: types.Int64Type, Description: "Ids of the offices the region is assigned to."},
		},
	}
}

func (d *regionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m regionModel
	d.ReadWith(ctx, req, resp, &m, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) bool {
		match := lookup.One(diags, lookup.Spec[api.Region]{
			Kind: kindOf("region", func(r api.Region) int64 { return r.ID }),
			ID:   m.ID,
			Get:  byID("region", func(id int64) (*api.Region, error) { return &api.Region{ID: id}, nil }),
			Keys: []lookup.Key[api.Region]{{Attr: "name", Value: m.Name, Of: func(r api.Region) string { return r.Name }}},
			List: func(k lookup.Key[api.Region]) ([]api.Region, error) {
				return client.ListRegions(ctx, api.RegionFilter{Name: k.Value.ValueString()})
			},
		})
		if match == nil {
			return false
		}
		id := match.ID
		// List entries carry no offices, so the region is always read by id.
		region, err := client.GetRegion(ctx, id)
		if err != nil {
			diags.AddError(fmt.Sprintf("Reading ServiceTrade region %d failed", id), err.Error())
			return false
		}
		diags.Append(m.fromAPI(region, types.SetValueMust(types.Int64Type, nil))...)
		return true
	})
}
