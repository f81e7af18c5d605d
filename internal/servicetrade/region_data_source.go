package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewRegionDataSource is the fieldservice_servicetrade_region data source.
func NewRegionDataSource() datasource.DataSource {
	return &kit.Lookup[*api.Client, regionModel, api.Region]{
		DataBase: vendor.DataSource("region", "id", "name"), Definition: regionDataSchema(), Spec: regionSpec,
		// List entries carry no offices, so the region is always read by id.
		Refetch: readAgain("region", (*api.Client).GetRegion, func(v *api.Region) int64 { return v.ID }),
		SetDiags: func(m *regionModel, r *api.Region) diag.Diagnostics {
			return m.fromAPI(r, types.SetValueMust(types.Int64Type, nil))
		},
	}
}

func regionDataSchema() schema.Schema {
	return schema.Schema{
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

func regionSpec(ctx context.Context, client *api.Client, cfg *regionModel) lookup.Spec[api.Region] {
	// Get only takes the id: Refetch reads the object, once.
	return lookup.Spec[api.Region]{
		Kind: kindOf("region", func(r api.Region) int64 { return r.ID }),
		ID:   cfg.ID,
		Get:  byID("region", func(id int64) (*api.Region, error) { return &api.Region{ID: id}, nil }),
		Keys: []lookup.Key[api.Region]{{Attr: "name", Value: cfg.Name, Of: func(r api.Region) string { return r.Name }}},
		List: func(k lookup.Key[api.Region]) ([]api.Region, error) {
			return client.ListRegions(ctx, api.RegionFilter{Name: k.Value.ValueString()})
		},
	}
}
