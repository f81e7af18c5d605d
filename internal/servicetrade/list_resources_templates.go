package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

// listResourcesTemplates lists the list resources of this group.
func listResourcesTemplates() []func() list.ListResource {
	return kit.Of(NewQuoteTemplateListResource, NewQuoteTemplateItemListResource, NewServiceTemplateListResource, NewTaxGroupListResource)
}
