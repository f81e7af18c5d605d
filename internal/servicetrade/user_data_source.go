package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var userKind = objectKind[api.User]{name: "user", id: func(u api.User) int64 { return u.ID }, get: (*api.Client).GetUser}

// NewUserDataSource is the fieldservice_servicetrade_user data source.
func NewUserDataSource() datasource.DataSource {
	d := lookupSource[userModel, api.User]("user", "user",
		"Looks up one ServiceTrade user by `id`, `username` or `email`, for example a salesperson or owner to assign to a contract. "+
			"Lookups by `username` or `email` search the users of the authenticated user's own company (the API's default), and only active users unless `include_inactive` is true; a lookup by `id` finds any user. "+
			"Fails when no user, or more than one, matches: e-mail addresses need not be unique (shared mailboxes), so use `id` or `username` for those.",
		[]sourceKey[api.User]{
			{attr: "username", description: "Exact, case-sensitive login name of the user (unique in ServiceTrade).", of: func(u api.User) string { return u.Username }},
			{attr: "email", description: "E-mail address of the user, matched exactly but ignoring case.", field: "e-mail address", of: func(u api.User) string { return u.Email }, ignoreCase: true,
				note: "When the lookup is by e-mail, this keeps the configured spelling."},
		},
		userDataAttributes(map[string]schema.Attribute{
			"include_inactive": kit.DataFilterBool("When true, `username` and `email` lookups also consider pending and inactive users. Default false: active users only, as the API lists them."),
			"status":           kit.ReadOnlyString("Status of the user: `active`, `pending`, `inactive` or `shadow` (reserved for system users)."),
		}))
	d.Spec = func(ctx context.Context, client *api.Client, cfg *userModel) lookup.Spec[api.User] {
		s := userKind.spec(ctx, client, func(k lookup.Key[api.User]) ([]api.User, error) {
			// The name filter matches names, usernames and e-mail addresses.
			filter := api.UserFilter{Name: k.Value.ValueString()}
			if cfg.IncludeInactive.ValueBool() {
				filter.Statuses = []string{api.UserActive, api.UserPending, api.UserInactive}
			}
			return client.ListUsers(ctx, filter)
		})
		s.Explain = func(msg string, none bool) string {
			if none {
				msg += ". Only users of your own company were searched"
				if !cfg.IncludeInactive.ValueBool() {
					msg += ", and only active ones; set include_inactive = true to search pending and inactive users too"
				}
			}
			return msg + "."
		}
		return s
	}
	d.SetDiags = (*userModel).fromAPI
	return d
}

// userDataAttributes adds to attrs the read-only attributes of a user that
// both data sources report alike.
func userDataAttributes(attrs map[string]schema.Attribute) map[string]schema.Attribute {
	for name, a := range map[string]schema.Attribute{
		"uri":              kit.ReadOnlyString("Absolute API URI of the user."),
		"name":             kit.ReadOnlyString("Full name of the user."),
		"first_name":       kit.ReadOnlyString("First name of the user."),
		"last_name":        kit.ReadOnlyString("Last name of the user."),
		"phone":            kit.ReadOnlyString("Phone number of the user, as stored; empty when none."),
		"timezone":         kit.ReadOnlyString("Time zone identifier of the user, such as `America/New_York`."),
		"is_tech":          kit.ReadOnlyBool("Whether the user is a technician."),
		"is_sales":         kit.ReadOnlyBool("Whether the user is a salesperson."),
		"is_helper":        kit.ReadOnlyBool("Whether the user is a helper."),
		"company_id":       kit.ReadOnlyInt64("Id of the company the user belongs to, or null."),
		"location_id":      kit.ReadOnlyInt64("Id of the user's home office (a location), or null."),
		"service_line_ids": kit.ReadOnlySet(types.Int64Type, "Ids of the service lines the user provides."),
	} {
		attrs[name] = a
	}
	return attrs
}
