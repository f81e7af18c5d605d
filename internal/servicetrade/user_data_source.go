package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var userKind = objectKind[api.User]{name: "user", id: func(u api.User) int64 { return u.ID }, get: (*api.Client).GetUser}

// NewUserDataSource is the fieldservice_servicetrade_user data source.
func NewUserDataSource() datasource.DataSource {
	d := vendor.DataSource("user", "id", "username", "email")
	email := d.Key("E-mail address of the user, matched exactly but ignoring case.")
	email.Description += " When the lookup is by e-mail, this keeps the configured spelling."
	return &kit.Lookup[*api.Client, userModel, api.User]{
		DataBase: d,
		Definition: schema.Schema{
			Description: "Looks up one ServiceTrade user by `id`, `username` or `email`, for example a salesperson or owner to assign to a contract. " +
				"Lookups by `username` or `email` search the users of the authenticated user's own company (the API's default), and only active users unless `include_inactive` is true; a lookup by `id` finds any user. " +
				"Fails when no user, or more than one, matches: e-mail addresses need not be unique (shared mailboxes), so use `id` or `username` for those.",
			Attributes: map[string]schema.Attribute{
				"id":               d.Key("Numeric id of the user."),
				"username":         d.Key("Exact, case-sensitive login name of the user (unique in ServiceTrade)."),
				"email":            email,
				"include_inactive": schema.BoolAttribute{Optional: true, Description: "When true, `username` and `email` lookups also consider pending and inactive users. Default false: active users only, as the API lists them."},
				"uri":              kit.ReadOnlyString("Absolute API URI of the user."),
				"name":             kit.ReadOnlyString("Full name of the user."),
				"first_name":       kit.ReadOnlyString("First name of the user."),
				"last_name":        kit.ReadOnlyString("Last name of the user."),
				"status":           kit.ReadOnlyString("Status of the user: `active`, `pending`, `inactive` or `shadow` (reserved for system users)."),
				"phone":            kit.ReadOnlyString("Phone number of the user, as stored; empty when none."),
				"timezone":         kit.ReadOnlyString("Time zone identifier of the user, such as `America/New_York`."),
				"is_tech":          kit.ReadOnlyBool("Whether the user is a technician."),
				"is_sales":         kit.ReadOnlyBool("Whether the user is a salesperson."),
				"is_helper":        kit.ReadOnlyBool("Whether the user is a helper."),
				"company_id":       kit.ReadOnlyInt64("Id of the company the user belongs to, or null."),
				"location_id":      kit.ReadOnlyInt64("Id of the user's home office (a location), or null."),
				"service_line_ids": kit.ReadOnlySet(types.Int64Type, "Ids of the service lines the user provides."),
			},
		},
		Spec: func(ctx context.Context, client *api.Client, cfg *userModel) lookup.Spec[api.User] {
			keys := []lookup.Key[api.User]{
				{Attr: "username", Value: cfg.Username, Of: func(u api.User) string { return u.Username }},
				{Attr: "email", Field: "e-mail address", Value: cfg.Email, Of: func(u api.User) string { return u.Email }, IgnoreCase: true},
			}
			s := userKind.spec(ctx, client, cfg.ID, keys, func(k lookup.Key[api.User]) ([]api.User, error) {
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
		},
		SetDiags: (*userModel).fromAPI,
	}
}

type userModel struct {
	ID              types.String `tfsdk:"id"`
	Username        types.String `tfsdk:"username"`
	Email           types.String `tfsdk:"email"`
	IncludeInactive types.Bool   `tfsdk:"include_inactive"`
	URI             types.String `tfsdk:"uri"`
	Name            types.String `tfsdk:"name"`
	FirstName       types.String `tfsdk:"first_name"`
	LastName        types.String `tfsdk:"last_name"`
	Status          types.String `tfsdk:"status"`
	Phone           types.String `tfsdk:"phone"`
	Timezone        types.String `tfsdk:"timezone"`
	IsTech          types.Bool   `tfsdk:"is_tech"`
	IsSales         types.Bool   `tfsdk:"is_sales"`
	IsHelper        types.Bool   `tfsdk:"is_helper"`
	CompanyID       types.Int64  `tfsdk:"company_id"`
	LocationID      types.Int64  `tfsdk:"location_id"`
	ServiceLineIDs  types.Set    `tfsdk:"service_line_ids"`
}

// fromAPI fills the model, which holds the configuration, from the API
// object; include_inactive stays as configured.
func (m *userModel) fromAPI(user *api.User) diag.Diagnostics {
	cfg := *m
	*m = userModel{
		ID:              types.StringValue(formatID(user.ID)),
		Username:        types.StringValue(user.Username),
		Email:           types.StringValue(user.Email),
		IncludeInactive: cfg.IncludeInactive,
		URI:             types.StringValue(user.URI),
		Name:            types.StringValue(user.Name),
		FirstName:       types.StringValue(user.FirstName),
		LastName:        types.StringValue(user.LastName),
		Status:          types.StringValue(user.Status),
		Phone:           types.StringValue(user.Phone),
		Timezone:        types.StringValue(user.Timezone),
		IsTech:          types.BoolValue(user.IsTech),
		IsSales:         types.BoolValue(user.IsSales),
		IsHelper:        types.BoolValue(user.IsHelper),
		CompanyID:       types.Int64Null(),
		LocationID:      types.Int64Null(),
	}
	// E-mail matched ignoring case: keep the configured spelling, so the
	// attribute equals the configuration.
	if !cfg.Email.IsNull() {
		m.Email = cfg.Email
	}
	if user.Company != nil {
		m.CompanyID = types.Int64Value(user.Company.ID)
	}
	if user.Location != nil {
		m.LocationID = types.Int64Value(user.Location.ID)
	}
	ids := make([]attr.Value, 0, len(user.ServiceLines))
	for _, sl := range user.ServiceLines {
		ids = append(ids, types.Int64Value(sl.ID))
	}
	set, diags := types.SetValue(types.Int64Type, ids)
	m.ServiceLineIDs = set
	return diags
}
