package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type serviceTemplateListFilter struct {
	Name types.String `tfsdk:"name"`
}

// NewServiceTemplateListResource lists
// fieldservice_servicetrade_service_template objects.
func NewServiceTemplateListResource() list.ListResource {
	return listResource(NewServiceTemplateResource,
		"Lists the service templates of the ServiceTrade account, every one or those whose name contains `name`, to import them (`terraform query`).",
		map[string]listschema.Attribute{
			"name": kit.FilterString("Only service templates whose name contains this text (ServiceTrade's own `name` filter, " +
				"\"string to find in the service template name\"; the reference does not say whether case matters). Unset: every service template."),
		},
		func(ctx context.Context, c *api.Client, f *serviceTemplateListFilter, found func(kit.Found) bool) error {
			templates, err := c.ListServiceTemplates(ctx, api.ServiceTemplateFilter{Name: f.Name.ValueString()})
			return kit.Each(templates, err, found, func(t api.ServiceTemplate) kit.Found { return numberedFound(t.ID, t.Name) })
		})
}
