package servicetrade

import "github.com/hashicorp/terraform-plugin-framework/list"

// listResourcesHooks lists the list resources of this group.
func listResourcesHooks() []func() list.ListResource {
	return nil
}
