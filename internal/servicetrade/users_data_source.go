package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewUsersDataSource is the fieldservice_servicetrade_users data source.
func NewUsersDataSource() datasource.DataSource {
	return &kit.List[*api.Client, usersModel, api.User, userElementModel]{
		DataBase: vendor.DataSource("users"),
		Description: "Lists the ServiceTrade users of your own company (the API's default), including those Terraform did not create, optionally filtered by status: " +
			"use it with `for_each` in `import` blocks to adopt existing users. Like the API, it lists active users unless `status` asks for others. " +
			"Shadow (system) users are never listed.",
		Filters: map[string]schema.Attribute{
			"status": kit.DataFilterString("`active` (or omitted, ServiceTrade's default) lists active users only, `pending` or `inactive` the users of that status "+
				"(`inactive`: those a destroy deactivated, among others), `all` every user but shadow (system) users.",
				stringvalidator.OneOf(api.UserActive, api.UserPending, api.UserInactive, usersAll)),
		},
		Items: "The matching users, in ServiceTrade's order.",
		Element: userDataAttributes(map[string]schema.Attribute{
			"id":       kit.ReadOnlyString("Numeric id of the user (the import id of `fieldservice_servicetrade_user`)."),
			"username": kit.ReadOnlyString("Login name of the user."),
			"email":    kit.ReadOnlyString("E-mail address of the user."),
			"status":   kit.ReadOnlyString("`active`, `pending` or `inactive`."),
			"details":  kit.ReadOnlyString("Brief public information about the user, or null."),
			"role_ids": kit.ReadOnlySet(types.Int64Type, "Ids of the roles the user holds."),
			"created":  kit.ReadOnlyInt64("When the user was created, as a Unix timestamp (seconds)."),
			"updated":  kit.ReadOnlyInt64("When the user was last changed, as a Unix timestamp (seconds)."),
		}),
		List: func(ctx context.Context, client *api.Client, cfg *usersModel) ([]api.User, error) {
			var statuses []string
			switch status := cfg.Status.ValueString(); status {
			case "":
			case usersAll:
				statuses = api.UserListedStatuses
			default:
				statuses = []string{status}
			}
			return client.ListUsers(ctx, api.UserFilter{Statuses: statuses})
		},
		Of:       func(m *usersModel) *[]userElementModel { return &m.Users },
		SetDiags: (*userElementModel).fromAPI,
	}
}

// usersAll is the status filter's value for every status the API lists.
const usersAll = "all"

type usersModel struct {
	Status types.String       `tfsdk:"status"`
	Users  []userElementModel `tfsdk:"users"`
}
