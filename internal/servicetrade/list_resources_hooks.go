package servicetrade

import "github.com/hashicorp/terraform-plugin-framework/list"

// listResourcesHooks lists the list resources of this group: webhooks,
// external systems, terms and tags.
func listResourcesHooks() []func() list.ListResource {
	return []func() list.ListResource{
		NewWebhookListResource, NewExternalSystemListResource, NewTermsListResource, NewTagListResource,
	}
}
