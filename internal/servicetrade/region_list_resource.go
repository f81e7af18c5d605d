package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type regionListFilter struct {
	Name types.String `tfsdk:"name"`
}

// NewRegionListResource lists fieldservice_servicetrade_region objects.
func NewRegionListResource() list.ListResource {
	return listResource(NewRegionResource,
		"Lists the regions of the ServiceTrade account, every one or those whose name contains `name`, to import them (`terraform query`).",
		map[string]listschema.Attribute{
			"name": kit.FilterString("Only regions whose name contains this text, ignoring case (ServiceTrade's own filter). Unset: every region."),
		},
		func(ctx context.Context, c *api.Client, f *regionListFilter, found func(kit.Found) bool) error {
			regions, err := c.ListRegions(ctx, api.RegionFilter{Name: f.Name.ValueString()})
			return kit.Each(regions, err, found, func(r api.Region) kit.Found { return numberedFound(r.ID, r.Name) })
		})
}
