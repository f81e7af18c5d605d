package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewAssetDefinitionsDataSource is the
// fieldservice_servicetrade_asset_definitions data source.
func NewAssetDefinitionsDataSource() datasource.DataSource {
	element := assetDefinitionAttributes()
	element["id"] = kit.ReadOnlyString("Numeric id of the asset definition.")
	element["type"] = kit.ReadOnlyString("Type of the asset definition, such as `alarm` (the `type` of the `fieldservice_servicetrade_asset_definition` data source).")
	return &kit.List[*api.Client, assetDefinitionsModel, api.AssetDefinition, assetDefinitionModel]{
		DataBase: vendor.DataSource("asset_definitions"),
		Description: "Lists the ServiceTrade asset definitions (the types of asset, such as alarm systems, with the properties their assets carry), " +
			"every one or only those enabled in your account. Asset definitions are read-only in the API: use the list to find a type's properties, " +
			"for instance in a `for` expression keyed by `type`.",
		Filters: map[string]schema.Attribute{
			"active": kit.DataFilterBool("`true` lists only the asset definitions enabled in your account; `false` or omitted lists every definition, enabled or not " +
				"(ServiceTrade's `active` filter has no way to ask for the disabled ones only: filter the list on its elements' `active`)."),
		},
		Items:   "The matching asset definitions, in ServiceTrade's order (by id).",
		Element: element,
		List: func(ctx context.Context, client *api.Client, cfg *assetDefinitionsModel) ([]api.AssetDefinition, error) {
			return client.ListAssetDefinitions(ctx, api.AssetDefinitionFilter{ActiveOnly: cfg.Active.ValueBool()})
		},
		Of:  func(m *assetDefinitionsModel) *[]assetDefinitionModel { return &m.AssetDefinitions },
		Set: (*assetDefinitionModel).fromAPI,
	}
}

type assetDefinitionsModel struct {
	Active           types.Bool             `tfsdk:"active"`
	AssetDefinitions []assetDefinitionModel `tfsdk:"asset_definitions"`
}
