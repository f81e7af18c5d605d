package servicetrade

import "github.com/hashicorp/terraform-plugin-framework/list"

// listResourcesTemplates lists the list resources of this group.
func listResourcesTemplates() []func() list.ListResource {
	return nil
}
