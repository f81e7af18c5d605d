package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type userListFilter struct {
	Name      types.String `tfsdk:"name"`
	Status    types.String `tfsdk:"status"`
	CompanyID types.Int64  `tfsdk:"company_id"`
}

// NewUserListResource lists fieldservice_servicetrade_user objects. Like
// the API, and the users data source, it lists active users unless asked:
// a destroy only deactivates a user, so the inactive ones are mostly users
// already given up.
func NewUserListResource() list.ListResource {
	return listResource(NewUserResource,
		"Lists the ServiceTrade users of your own company (or of `company_id`), to import them (`terraform query`). "+
			"Like the API, it lists active users only unless `status` asks for others; shadow (system) users are never listed. "+
			"Each is shown by its username.",
		map[string]listschema.Attribute{
			"name": kit.FilterString("Only users whose name, username, e-mail address or company name contains this text, ignoring case " +
				"(ServiceTrade's own filter). Unset: every user of the status asked for."),
			"status": kit.FilterOneOf("`active` (or unset, ServiceTrade's default) lists active users only; `pending` or `inactive` the users of that status "+
				"(`inactive`: those a destroy deactivated, among others); `all` every user but shadow (system) users.", api.UserActive, api.UserPending, api.UserInactive, usersAll),
			"company_id": kit.FilterID("Id of the company whose users are listed. Unset: the company of the user Terraform logs in as " +
				"(your own company, ServiceTrade's default)."),
		},
		func(ctx context.Context, c *api.Client, f *userListFilter, found func(kit.Found) bool) error {
			// Unset sends no status: the API's default, active only.
			var statuses []string
			switch status := f.Status.ValueString(); status {
			case "":
			case usersAll:
				statuses = api.UserListedStatuses
			default:
				statuses = []string{status}
			}
			users, err := c.ListUsers(ctx, api.UserFilter{Name: f.Name.ValueString(), Statuses: statuses, CompanyID: f.CompanyID.ValueInt64()})
			if err != nil {
				return err
			}
			for _, u := range users {
				// The status filter does not take shadow: none should come,
				// and the resource refuses that status, so one that did
				// could not be adopted.
				if u.Status == api.UserShadow {
					continue
				}
				if !found(numberedFound(u.ID, u.Username)) {
					return nil
				}
			}
			return nil
		})
}
