// Package servicetrade holds the fieldservice_servicetrade_* resources and
// data sources. The API client lives in the api subpackage.
package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

// Resources lists the ServiceTrade resources.
func Resources() []func() resource.Resource {
	return kit.Of(
		NewRegionResource,
		NewWebhookResource,
		NewExternalSystemResource,
		NewQuoteTemplateResource,
		NewQuoteTemplateItemResource,
		NewContractResource,
		NewContractRuleResource,
		NewTermsResource,
		NewTaxGroupResource,
		NewTagResource,
		NewServiceTemplateResource,
		NewLibItemResource,
		NewWarehouseResource,
		NewExternalIDResource,
		NewBrandResource,
		NewUserResource,
		NewUserValueResource,
		NewUserRoleResource,
	)
}

// DataSources lists the ServiceTrade data sources.
func DataSources() []func() datasource.DataSource {
	return kit.Of(
		NewRoleDataSource,
		NewRolesDataSource,
		NewUserValuesDataSource,
		NewActivitiesDataSource,
		NewRegionDataSource,
		NewRegionsDataSource,
		NewCompanyDataSource,
		NewLocationDataSource,
		NewUserDataSource,
		NewUsersDataSource,
		NewTermsDataSource,
		NewTermsListDataSource,
		NewPaymentTermsDataSource,
		NewServiceLineDataSource,
		NewServiceLinesDataSource,
		NewPaymentTermsListDataSource,
		NewAssetDefinitionDataSource,
		NewAssetDefinitionsDataSource,
		NewLibItemDataSource,
		NewLibItemsDataSource,
		NewWarehouseDataSource,
		NewWarehousesDataSource,
		NewTaxGroupDataSource,
		NewTaxGroupsDataSource,
		NewTaxRatesDataSource,
		NewAccountSettingsDataSource,
		NewEntityFilterDataSource,
		NewEntityFiltersDataSource,
		NewTagDataSource,
		NewTagsDataSource,
		NewServiceTemplateDataSource,
		NewServiceTemplatesDataSource,
		NewExternalIDDataSource,
		NewWebhookDataSource,
		NewWebhooksDataSource,
		NewExternalSystemDataSource,
		NewExternalSystemsDataSource,
		NewQuoteTemplateDataSource,
		NewQuoteTemplatesDataSource,
		NewQuoteTemplateItemDataSource,
		NewContractDataSource,
		NewContractRuleDataSource,
		NewBrandDataSource,
		NewBrandsDataSource,
	)
}
