package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var assetDefinitionKind = objectKind[api.AssetDefinition]{name: "asset definition", id: func(d api.AssetDefinition) int64 { return d.ID }, get: (*api.Client).GetAssetDefinition}

// NewAssetDefinitionDataSource is the
// fieldservice_servicetrade_asset_definition data source.
func NewAssetDefinitionDataSource() datasource.DataSource {
	d := lookupSource[assetDefinitionModel, api.AssetDefinition]("asset_definition", "asset definition",
		"Looks up one ServiceTrade asset definition (a type of asset, such as an alarm system, with the properties its assets carry) by `id` or by `type`. "+
			"Definitions not enabled in your account are found too (see `active`). Asset definitions are read-only in the API. "+
			"Fails when no definition has that id or type.",
		[]sourceKey[api.AssetDefinition]{{attr: "type", description: "Exact, case-sensitive type of the asset definition, such as `alarm` or `location` (ServiceTrade reads it with `GET /assetdefinition/{type}`).", of: func(d api.AssetDefinition) string { return d.Type },
			validators: []validator.String{stringvalidator.LengthAtLeast(1)}}},
		assetDefinitionAttributes())
	d.Spec = func(ctx context.Context, client *api.Client, cfg *assetDefinitionModel) lookup.Spec[api.AssetDefinition] {
		return assetDefinitionKind.spec(ctx, client, func(k lookup.Key[api.AssetDefinition]) ([]api.AssetDefinition, error) {
			return assetDefinitionsOfType(ctx, client, k.Value.ValueString())
		})
	}
	d.Set = (*assetDefinitionModel).fromAPI
	return d
}

// assetDefinitionsOfType is what the API has for the type: the definition
// GET /assetdefinition/{type} reads, or none when it answers 404. A type
// that the path cannot name (digits only, read as an id) is looked for
// among every definition instead. The caller compares the types exactly.
func assetDefinitionsOfType(ctx context.Context, client *api.Client, typ string) ([]api.AssetDefinition, error) {
	if !api.ReadableByType(typ) {
		return client.ListAssetDefinitions(ctx, api.AssetDefinitionFilter{})
	}
	d, err := client.GetAssetDefinitionByType(ctx, typ)
	switch {
	case api.IsNotFound(err):
		return nil, nil
	case err != nil:
		return nil, err
	}
	return []api.AssetDefinition{*d}, nil
}
