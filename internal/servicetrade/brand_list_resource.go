package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type brandListFilter struct {
	CompanyID types.Int64  `tfsdk:"company_id"`
	Name      types.String `tfsdk:"name"`
}

// NewBrandListResource lists fieldservice_servicetrade_brand objects: the
// API lists brands only within their company (GET /company/{id}/brand).
func NewBrandListResource() list.ListResource {
	return listResource(NewBrandResource,
		"Lists the brands of one ServiceTrade company, every one or those whose name contains `name`, to import them (`terraform query`). "+
			"The API lists brands only within their company.",
		map[string]listschema.Attribute{
			"company_id": kit.FilterParentID("Id of the company whose brands are listed."),
			"name":       kit.FilterString("Only brands whose name contains this text, ignoring case (ServiceTrade's own filter). Unset: every brand of the company."),
		},
		func(ctx context.Context, c *api.Client, f *brandListFilter, found func(kit.Found) bool) error {
			cid := f.CompanyID.ValueInt64()
			brands, err := c.ListBrands(ctx, cid, f.Name.ValueString())
			return kit.Each(brands, err, found, func(b api.Brand) kit.Found { return childFound(cid, b.ID, b.Name) })
		})
}
