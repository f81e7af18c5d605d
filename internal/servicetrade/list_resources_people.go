package servicetrade

import "github.com/hashicorp/terraform-plugin-framework/list"

// listResourcesPeople lists the list resources of this group.
func listResourcesPeople() []func() list.ListResource {
	return nil
}
