package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewExternalSystemsDataSource is the
// fieldservice_servicetrade_external_systems data source.
func NewExternalSystemsDataSource() datasource.DataSource {
	attrs := externalSystemDataAttributes()
	attrs["id"] = kit.ReadOnlyString("Numeric id of the external system (an import id of `fieldservice_servicetrade_external_system`).")
	attrs["name"] = kit.ReadOnlyString("Name (key) of the external system, also accepted as import id.")
	return &kit.List[*api.Client, externalSystemsModel, api.ExternalSystem, externalSystemDataModel]{
		DataBase: vendor.DataSource("external_systems"),
		Description: "Lists every ServiceTrade external system of the account, including those Terraform did not create: " +
			"use it with `for_each` in `import` blocks to adopt an existing account.",
		Items:    "The external systems, in ServiceTrade's order (by id).",
		Element:  attrs,
		All:      (*api.Client).ListExternalSystems,
		Of:       func(m *externalSystemsModel) *[]externalSystemDataModel { return &m.ExternalSystems },
		SetDiags: (*externalSystemDataModel).fromAPI,
	}
}

type externalSystemsModel struct {
	ExternalSystems []externalSystemDataModel `tfsdk:"external_systems"`
}
