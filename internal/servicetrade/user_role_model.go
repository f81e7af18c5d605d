package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// userRoleModel is the state of one role given to one user.
type userRoleModel struct {
	ID     types.String `tfsdk:"id"`
	UserID types.Int64  `tfsdk:"user_id"`
	RoleID types.Int64  `tfsdk:"role_id"`
}

// key is the planned or stored assignment's key: the user, then the role.
func (m *userRoleModel) key() kit.Child {
	return kit.Child{Parent: m.UserID.ValueInt64(), ID: m.RoleID.ValueInt64()}
}

func (m *userRoleModel) fromAPI(ur *api.UserRole) {
	m.ID = types.StringValue(userRoleType.ID.Format(userRoleKey(ur)))
	m.UserID = types.Int64Value(ur.UserID)
	m.RoleID = types.Int64Value(ur.Role.ID)
}

func userRoleKey(ur *api.UserRole) kit.Child { return kit.Child{Parent: ur.UserID, ID: ur.Role.ID} }
