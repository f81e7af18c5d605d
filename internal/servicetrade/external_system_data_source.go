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

// NewExternalSystemDataSource is the fieldservice_servicetrade_external_system
// data source.
func NewExternalSystemDataSource() datasource.DataSource {
	attrs := externalSystemDataAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true, Description: "Numeric id of the external system. Give exactly one of `id` and `name`."}
	attrs["name"] = schema.StringAttribute{Optional: true, Computed: true, Description: "Exact, case-sensitive name (key) of the external system. Give exactly one of `id` and `name`."}
	return &kit.Lookup[*api.Client, externalSystemDataModel, api.ExternalSystem]{
		DataBase: vendor.DataSource("external_system", "id", "name"),
		Definition: schema.Schema{
			Description: "Looks up one ServiceTrade external system by `id` or by exact `name`. Fails when no system has that name.",
			Attributes:  attrs,
		},
		Spec: func(ctx context.Context, client *api.Client, cfg *externalSystemDataModel) lookup.Spec[api.ExternalSystem] {
			return lookup.Spec[api.ExternalSystem]{
				Kind: kindOf("external system", func(e api.ExternalSystem) int64 { return e.ID }),
				ID:   cfg.ID,
				Get:  byID("external system", func(id int64) (*api.ExternalSystem, error) { return client.GetExternalSystem(ctx, id) }),
				Keys: []lookup.Key[api.ExternalSystem]{{Attr: "name", Value: cfg.Name, Of: func(e api.ExternalSystem) string { return e.Name }}},
				// The list is one bare array with every system: match it here.
				List: listAll(func() ([]api.ExternalSystem, error) { return client.ListExternalSystems(ctx) }),
			}
		},
		SetDiags: (*externalSystemDataModel).fromAPI,
	}
}

// externalSystemDataAttributes are the computed attributes of both external
// system data sources.
func externalSystemDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"label": schema.StringAttribute{Computed: true, Description: "Display name of the external system."},
		"type":  schema.StringAttribute{Computed: true, Description: "Kind of system: `standard`, `quickbooks`, `intacct`, `nearbynow`, `dcspectrum` or `fattmerchant`."},
		"syncable_types": schema.SetAttribute{Computed: true, ElementType: types.StringType,
			Description: "Kinds of entities that can sync to the system (`invoice`, `job`); computed by ServiceTrade for non-standard systems."},
		"created": schema.Int64Attribute{Computed: true, Description: "When the system was registered, as a Unix timestamp (seconds)."},
		"updated": schema.Int64Attribute{Computed: true, Description: "When the system was last updated, as a Unix timestamp (seconds)."},
	}
}
