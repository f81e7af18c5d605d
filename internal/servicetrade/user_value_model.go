package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// userValueKey is a user value's key: its user's id and its name (a user
// has at most one value of a name).
type userValueKey struct {
	UserID int64
	Name   string
}

// userValueModel is the state of a user value.
type userValueModel struct {
	ID      types.String `tfsdk:"id"`
	UserID  types.Int64  `tfsdk:"user_id"`
	Name    types.String `tfsdk:"name"`
	Value   types.String `tfsdk:"value"`
	ValueID types.Int64  `tfsdk:"value_id"`
	URI     types.String `tfsdk:"uri"`
}

func (m *userValueModel) fromAPI(v *api.UserValue) {
	m.ID = types.StringValue(userValueType.ID.Format(userValueKey{UserID: v.UserID(), Name: v.Name}))
	m.UserID = types.Int64Value(v.UserID())
	m.Name = types.StringValue(v.Name)
	// The API returns every value as a string, as sent (a number comes
	// back as its text): compared character for character.
	m.Value = types.StringValue(string(v.Value))
	m.ValueID = types.Int64Value(v.ID)
	m.URI = types.StringValue(v.URI)
}

// key is the planned or configured value's key.
func (m *userValueModel) key() userValueKey {
	return userValueKey{UserID: m.UserID.ValueInt64(), Name: m.Name.ValueString()}
}
