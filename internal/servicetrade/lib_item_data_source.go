package servicetrade

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var libItemKind = objectKind[api.LibItem]{name: "lib item", id: func(li api.LibItem) int64 { return li.ID }, get: (*api.Client).GetLibItem}

// NewLibItemDataSource is the fieldservice_servicetrade_lib_item data
// source.
func NewLibItemDataSource() datasource.DataSource {
	d := lookupSource[libItemLookupModel, api.LibItem]("lib_item", "lib item",
		"Looks up one ServiceTrade lib item (a price-book part, labor, service, fee or other item, referenced by contract rules and quote template items) by `id`, exact `name` or exact `code`. "+
			"Lookups by `name` or `code` consider active items only unless `include_inactive` is true (the API lists active items by default), and global items plus those specific to your own company; a lookup by `id` finds any item. "+
			"Fails when no item, or more than one, matches: names are not unique, so use `code` or `id` for those.",
		[]sourceKey[api.LibItem]{
			{attr: "name", description: "Exact, case-sensitive display name of the lib item.", of: func(li api.LibItem) string { return li.Name }},
			{attr: "code", description: "Exact, case-sensitive item code (unique in ServiceTrade; empty for items without a code).", of: func(li api.LibItem) string { return li.Code }},
		},
		map[string]schema.Attribute{
			"include_inactive": kit.DataFilterBool("When true, `name` and `code` lookups also consider inactive items. Default false: active items only."),
			"uri":              kit.ReadOnlyString("Absolute API URI of the lib item."),
			"type": kit.ReadOnlyString("Type of the item in the lowercase form requests use: one of `" + strings.Join(api.LibItemTypes, "`, `") + "`. " +
				"(The API returns it capitalised, such as `Part`; the data source normalises it.)"),
			"cost":            kit.ReadOnlyFloat64("Standard cost of the item, or null when it has none."),
			"active":          kit.ReadOnlyBool("Whether the item is active (inactive items are kept for history)."),
			"taxable":         kit.ReadOnlyBool("Whether invoice items using this lib item are taxable by default."),
			"is_generic":      kit.ReadOnlyBool("Whether the item represents generic or ad-hoc items."),
			"service_line_id": kit.ReadOnlyInt64("Id of the item's service line, or null."),
			"company_id":      kit.ReadOnlyInt64("Id of the company the item is specific to, or null for a global item."),
		})
	d.Spec = func(ctx context.Context, client *api.Client, cfg *libItemLookupModel) lookup.Spec[api.LibItem] {
		s := libItemKind.spec(ctx, client, func(lookup.Key[api.LibItem]) ([]api.LibItem, error) {
			// Only the configured one of name and code is not empty.
			filter := api.LibItemFilter{Name: cfg.Name.ValueString(), Code: cfg.Code.ValueString()}
			list, err := client.ListLibItems(ctx, filter)
			if err != nil || !cfg.IncludeInactive.ValueBool() {
				return list, err
			}
			// The API lists either active or inactive items: ask twice.
			inactive := false
			filter.Active = &inactive
			more, err := client.ListLibItems(ctx, filter)
			return append(list, more...), err
		})
		s.Explain = activeOnly(cfg.IncludeInactive, "items")
		return s
	}
	d.Set = (*libItemLookupModel).fromAPI
	return d
}

// libItemLookupModel is the data source's model: the lib item, and
// include_inactive.
type libItemLookupModel struct {
	libItemModel
	IncludeInactive types.Bool `tfsdk:"include_inactive"`
}

// fromAPI fills the model from the API object; include_inactive stays as
// configured, and an item without a code has an empty one (the look-up's
// key, never null).
func (m *libItemLookupModel) fromAPI(item *api.LibItem) {
	m.libItemModel.fromAPI(item)
	m.Code = types.StringValue(item.Code)
}
