package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var externalSystemKind = objectKind[api.ExternalSystem]{name: "external system", id: func(e api.ExternalSystem) int64 { return e.ID }, get: (*api.Client).GetExternalSystem}

// NewExternalSystemDataSource is the fieldservice_servicetrade_external_system
// data source.
func NewExternalSystemDataSource() datasource.DataSource {
	attrs := externalSystemDataAttributes()
	d := lookupSource[externalSystemDataModel, api.ExternalSystem]("external_system", "external system",
		"Looks up one ServiceTrade external system by `id` or by exact `name`. Fails when no system has that name.",
		[]sourceKey[api.ExternalSystem]{{attr: "name", description: "Exact, case-sensitive name (key) of the external system.", of: func(e api.ExternalSystem) string { return e.Name }}},
		attrs)
	// The list is one bare array with every system: match it here.
	d.Spec = amongAll[externalSystemDataModel](externalSystemKind, (*api.Client).ListExternalSystems)
	d.SetDiags = (*externalSystemDataModel).fromAPI
	return d
}

// externalSystemDataAttributes are the computed attributes of both external
// system data sources.
func externalSystemDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"label": kit.ReadOnlyString("Display name of the external system."),
		"type":  kit.ReadOnlyString("Kind of system: `standard`, `quickbooks`, `intacct`, `nearbynow`, `dcspectrum` or `fattmerchant`."),
		"syncable_types": kit.ReadOnlySet(types.StringType,
			"Kinds of entities that can sync to the system (`invoice`, `job`); computed by ServiceTrade for non-standard systems."),
		"created": kit.ReadOnlyInt64("When the system was registered, as a Unix timestamp (seconds)."),
		"updated": kit.ReadOnlyInt64("When the system was last updated, as a Unix timestamp (seconds)."),
	}
}
