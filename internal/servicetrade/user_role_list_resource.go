package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type userRoleListFilter struct {
	UserID types.Int64 `tfsdk:"user_id"`
}

// NewUserRoleListResource lists fieldservice_servicetrade_user_role
// objects: the roles one user holds (GET /user/{id}/role); an assignment
// exists only within its user.
func NewUserRoleListResource() list.ListResource {
	return listResource(NewUserRoleResource,
		"Lists the roles one ServiceTrade user holds, to import them (`terraform query`), each shown by the role's name. "+
			"Every role the user holds is listed, including the account's default role every new user gets. "+
			"The API lists role assignments only within their user.",
		map[string]listschema.Attribute{
			"user_id": kit.FilterParentID("Id of the user whose roles are listed."),
		},
		func(ctx context.Context, c *api.Client, f *userRoleListFilter, found func(kit.Found) bool) error {
			uid := f.UserID.ValueInt64()
			roles, err := c.ListUserRoles(ctx, uid)
			return kit.Each(roles, err, found, func(r api.Role) kit.Found { return childFound(uid, r.ID, r.Name) })
		})
}
