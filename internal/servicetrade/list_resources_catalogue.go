package servicetrade

import "github.com/hashicorp/terraform-plugin-framework/list"

// listResourcesCatalogue lists the list resources of this group.
func listResourcesCatalogue() []func() list.ListResource {
	return []func() list.ListResource{NewLibItemListResource, NewWarehouseListResource, NewContractListResource}
}
