package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

// listResourcesPeople lists the list resources of this group: users, what
// belongs to one user (roles, values), brands and external ids.
func listResourcesPeople() []func() list.ListResource {
	return kit.Of(NewUserListResource, NewUserRoleListResource, NewUserValueListResource, NewBrandListResource, NewExternalIDListResource)
}
