package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var warehouseKind = objectKind[api.Warehouse]{name: "warehouse", id: func(w api.Warehouse) int64 { return w.ID }, get: (*api.Client).GetWarehouse}

// NewWarehouseDataSource is the fieldservice_servicetrade_warehouse data
// source.
func NewWarehouseDataSource() datasource.DataSource {
	d := lookupSource[warehouseLookupModel, api.Warehouse]("warehouse", "warehouse",
		"Looks up one ServiceTrade warehouse (a place parts are stocked in) by `id` or exact `name`. "+
			"A lookup by `name` considers active warehouses only unless `include_inactive` is true (the API lists active warehouses by default); "+
			"a lookup by `id` finds any warehouse. Fails when no warehouse, or more than one, matches.",
		[]sourceKey[api.Warehouse]{{attr: "name", description: "Exact, case-sensitive name of the warehouse.", of: func(w api.Warehouse) string { return w.Name }}},
		map[string]schema.Attribute{
			"include_inactive": kit.DataFilterBool("When true, a `name` lookup also considers inactive warehouses. Default false: active warehouses only."),
			"uri":              kit.ReadOnlyString("Absolute API URI of the warehouse."),
			"office_id":        kit.ReadOnlyInt64("Location id of the office that controls the warehouse, or null."),
			"status":           kit.ReadOnlyString("`active` or `inactive`."),
		})
	d.Spec = func(ctx context.Context, client *api.Client, cfg *warehouseLookupModel) lookup.Spec[api.Warehouse] {
		s := warehouseKind.spec(ctx, client, func(lookup.Key[api.Warehouse]) ([]api.Warehouse, error) {
			f := api.WarehouseFilter{}
			if cfg.IncludeInactive.ValueBool() {
				f.Status = api.WarehouseAll
			}
			return client.ListWarehouses(ctx, f)
		})
		s.Explain = activeOnly(cfg.IncludeInactive, "warehouses")
		return s
	}
	d.Set = (*warehouseLookupModel).fromAPI
	return d
}

// warehouseLookupModel is the data source's model: the warehouse, and
// include_inactive.
type warehouseLookupModel struct {
	warehouseModel
	IncludeInactive types.Bool `tfsdk:"include_inactive"`
}

// fromAPI fills the model from the API object; include_inactive stays as
// configured.
func (m *warehouseLookupModel) fromAPI(w *api.Warehouse) { m.warehouseModel.fromAPI(w) }
