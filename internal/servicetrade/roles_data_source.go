package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewRolesDataSource is the fieldservice_servicetrade_roles data source.
func NewRolesDataSource() datasource.DataSource {
	element := roleAttributes()
	element["id"] = kit.ReadOnlyString("Numeric id of the role (the `role_id` of `fieldservice_servicetrade_user_role`).")
	element["name"] = kit.ReadOnlyString("Name of the role.")
	return &kit.List[*api.Client, rolesModel, api.Role, roleModel]{
		DataBase: vendor.DataSource("roles"),
		Description: "Lists the ServiceTrade roles of the account, or with `user_id` the roles one user holds, including those Terraform does not manage: " +
			"use it with `for_each` in `import` blocks to adopt a user's existing roles as `fieldservice_servicetrade_user_role` resources " +
			"(import id `<user_id>/<role_id>`).",
		Filters: map[string]schema.Attribute{
			"user_id": kit.DataFilterID("Keep only the roles this user holds (numeric user id). Fails when the user does not exist. " +
				"Omit for every role of the account."),
		},
		Items:   "The roles, in ServiceTrade's order.",
		Element: element,
		List: func(ctx context.Context, client *api.Client, cfg *rolesModel) ([]api.Role, error) {
			if cfg.UserID.IsNull() {
				return client.ListRoles(ctx, api.RoleFilter{})
			}
			// GET /user/{id}/role, not /role?userId=: only it says when the
			// user does not exist.
			return listOfUser(ctx, cfg.UserID.ValueInt64(), client.ListUserRoles)
		},
		Of:  func(m *rolesModel) *[]roleModel { return &m.Roles },
		Set: (*roleModel).fromAPI,
	}
}

type rolesModel struct {
	UserID types.Int64 `tfsdk:"user_id"`
	Roles  []roleModel `tfsdk:"roles"`
}
