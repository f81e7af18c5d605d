package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var roleKind = objectKind[api.Role]{name: "role", id: func(r api.Role) int64 { return r.ID }, get: (*api.Client).GetRole}

// roleAttributes are what the role and roles data sources show of a role
// besides its id and name.
func roleAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"uri":         kit.ReadOnlyString("Absolute API URI of the role."),
		"description": kit.ReadOnlyString("Description of the role."),
		"activities": kit.ReadOnlyList(types.StringType, "Ids of the activities (permissions) the role grants, such as `job.manage`, "+
			"in ServiceTrade's order (see the `fieldservice_servicetrade_activities` data source)."),
		"global": kit.ReadOnlyBool("Whether the role is one of ServiceTrade's default roles (`true`) or one of the account's own (`false`)."),
	}
}

// NewRoleDataSource is the fieldservice_servicetrade_role data source.
func NewRoleDataSource() datasource.DataSource {
	d := lookupSource[roleModel, api.Role]("role", "role",
		"Looks up one ServiceTrade role (a named set of permissions given to users) by `id` or by exact `name`, "+
			"for the `role_id` of a `fieldservice_servicetrade_user_role`. Roles are read-only in the API. "+
			"Fails when no role, or more than one, has that name; use `id` for duplicates.",
		[]sourceKey[api.Role]{{attr: "name", description: "Exact, case-sensitive name of the role, such as `Account Tech`.", of: func(r api.Role) string { return r.Name }}},
		roleAttributes())
	// The API has no name filter: list every role and match exactly.
	d.Spec = amongAll[roleModel](roleKind, func(c *api.Client, ctx context.Context) ([]api.Role, error) {
		return c.ListRoles(ctx, api.RoleFilter{})
	})
	d.Set = (*roleModel).fromAPI
	return d
}
