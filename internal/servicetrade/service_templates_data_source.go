package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewServiceTemplatesDataSource is the
// fieldservice_servicetrade_service_templates data source.
func NewServiceTemplatesDataSource() datasource.DataSource {
	element := serviceTemplateAttributes()
	element["id"] = kit.ReadOnlyString("Numeric id of the template (the import id of `fieldservice_servicetrade_service_template`).")
	element["name"] = kit.ReadOnlyString("Name of the template.")
	return &kit.List[*api.Client, serviceTemplatesModel, api.ServiceTemplate, serviceTemplateModel]{
		DataBase: vendor.DataSource("service_templates"),
		Description: "Lists the ServiceTrade service templates of the account, including those Terraform did not create, optionally filtered by name: " +
			"use it with `for_each` in `import` blocks to adopt an existing account's templates.",
		Filters: nameFilter("templates"),
		Items:   "The matching templates, in ServiceTrade's order.",
		Element: element,
		List: func(ctx context.Context, client *api.Client, cfg *serviceTemplatesModel) ([]api.ServiceTemplate, error) {
			return client.ListServiceTemplates(ctx, api.ServiceTemplateFilter{Name: cfg.Name.ValueString()})
		},
		Of:       func(m *serviceTemplatesModel) *[]serviceTemplateModel { return &m.ServiceTemplates },
		SetDiags: (*serviceTemplateModel).read,
	}
}

type serviceTemplatesModel struct {
	Name             types.String           `tfsdk:"name"`
	ServiceTemplates []serviceTemplateModel `tfsdk:"service_templates"`
}
