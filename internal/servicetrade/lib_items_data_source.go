package servicetrade

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewLibItemsDataSource is the fieldservice_servicetrade_lib_items data
// source.
func NewLibItemsDataSource() datasource.DataSource {
	return &kit.List[*api.Client, libItemsModel, api.LibItem, libItemModel]{
		DataBase: vendor.DataSource("lib_items"),
		Description: "Lists the ServiceTrade lib items of the account, including those Terraform did not create, optionally filtered by type, " +
			"service line and activity: use it with `for_each` in `import` blocks to adopt an existing price book. " +
			"Like the API, it lists active items unless `active = false` asks for the inactive ones, and it lists global items and those " +
			"specific to your own company (not those specific to other companies).",
		Filters: map[string]schema.Attribute{
			"type": kit.DataFilterString("Keep only items of this type, one of `"+strings.Join(api.LibItemTypes, "`, `")+"`. Omit for every type.",
				stringvalidator.OneOf(api.LibItemTypes...)),
			"service_line_id": kit.DataFilterID("Keep only items of this service line (its id; see the `fieldservice_servicetrade_service_line` data source). Omit for every item."),
			"active": kit.DataFilterBool("`true` (or omitted, ServiceTrade's default) lists active items only; `false` lists inactive (destroyed or retired) items only. " +
				"To adopt both, use two data sources."),
		},
		Items: "The matching lib items, in ServiceTrade's order.",
		Element: map[string]schema.Attribute{
			"id":   kit.ReadOnlyString("Numeric id of the lib item (the import id of `fieldservice_servicetrade_lib_item`)."),
			"uri":  kit.ReadOnlyString("Absolute API URI of the lib item."),
			"name": kit.ReadOnlyString("Display name of the item."),
			"code": kit.ReadOnlyString("Item code, unique in ServiceTrade, or null for an item without one."),
			"type": kit.ReadOnlyString("Type of the item in the lowercase form requests use, such as `part` " +
				"(the API answers capitalised, such as `Part`; the data source normalises it)."),
			"cost":            kit.ReadOnlyFloat64("Standard cost of the item, or null when it has none."),
			"service_line_id": kit.ReadOnlyInt64("Id of the item's service line, or null."),
			"company_id":      kit.ReadOnlyInt64("Id of the company the item is specific to, or null for a global item."),
			"active":          kit.ReadOnlyBool("Whether the item is active."),
			"taxable":         kit.ReadOnlyBool("Whether invoice items using this lib item are taxable by default."),
			"is_generic":      kit.ReadOnlyBool("Whether the item represents generic or ad-hoc items."),
		},
		List: func(ctx context.Context, client *api.Client, cfg *libItemsModel) ([]api.LibItem, error) {
			f := api.LibItemFilter{Type: cfg.Type.ValueString(), Active: cfg.Active.ValueBoolPointer()}
			if !cfg.ServiceLineID.IsNull() {
				f.ServiceLineIDs = []int64{cfg.ServiceLineID.ValueInt64()}
			}
			return client.ListLibItems(ctx, f)
		},
		Of:  func(m *libItemsModel) *[]libItemModel { return &m.LibItems },
		Set: (*libItemModel).fromAPI,
	}
}

type libItemsModel struct {
	Type          types.String   `tfsdk:"type"`
	ServiceLineID types.Int64    `tfsdk:"service_line_id"`
	Active        types.Bool     `tfsdk:"active"`
	LibItems      []libItemModel `tfsdk:"lib_items"`
}
