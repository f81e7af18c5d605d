package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type warehouseListFilter struct {
	Status   types.String `tfsdk:"status"`
	OfficeID types.Int64  `tfsdk:"office_id"`
}

// NewWarehouseListResource lists fieldservice_servicetrade_warehouse
// objects. Both filters are ServiceTrade's own (it has no name filter for
// warehouses); status unset keeps its default, active ones, which is what
// an account being adopted uses: destroyed warehouses are inactive ones.
func NewWarehouseListResource() list.ListResource {
	return listResource(NewWarehouseResource,
		"Lists the warehouses of the ServiceTrade account, to import them (`terraform query`): active ones unless `status` asks for others, "+
			"of every office unless `office_id` narrows them.",
		map[string]listschema.Attribute{
			"status": kit.FilterOneOf("`active`, or unset (ServiceTrade's default), lists active warehouses only; `inactive` the inactive ones "+
				"(those destroyed through Terraform, which ServiceTrade can only deactivate, or retired); `all` both.", api.WarehouseActive, api.WarehouseInactive, api.WarehouseAll),
			"office_id": kit.FilterID("Only the warehouses of this office (its location id; ServiceTrade's own filter). Unset: those of every office and those of none."),
		},
		func(ctx context.Context, c *api.Client, f *warehouseListFilter, found func(kit.Found) bool) error {
			list, err := c.ListWarehouses(ctx, api.WarehouseFilter{Status: f.Status.ValueString(), OfficeID: f.OfficeID.ValueInt64()})
			return kit.Each(list, err, found, func(w api.Warehouse) kit.Found { return numberedFound(w.ID, w.Name) })
		})
}
