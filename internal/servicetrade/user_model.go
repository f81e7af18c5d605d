package servicetrade

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// userAttrs are the attributes of a user that the resource and both data
// sources read from the API.
type userAttrs struct {
	ID             types.String `tfsdk:"id"`
	URI            types.String `tfsdk:"uri"`
	Username       types.String `tfsdk:"username"`
	Email          types.String `tfsdk:"email"`
	Name           types.String `tfsdk:"name"`
	FirstName      types.String `tfsdk:"first_name"`
	LastName       types.String `tfsdk:"last_name"`
	Status         types.String `tfsdk:"status"`
	Phone          types.String `tfsdk:"phone"`
	Timezone       types.String `tfsdk:"timezone"`
	IsTech         types.Bool   `tfsdk:"is_tech"`
	IsSales        types.Bool   `tfsdk:"is_sales"`
	IsHelper       types.Bool   `tfsdk:"is_helper"`
	CompanyID      types.Int64  `tfsdk:"company_id"`
	LocationID     types.Int64  `tfsdk:"location_id"`
	ServiceLineIDs types.Set    `tfsdk:"service_line_ids"`
}

// fromAPI fills the attributes from the API object; a user without a
// company or home office has a null company_id or location_id.
func (a *userAttrs) fromAPI(user *api.User) diag.Diagnostics {
	*a = userAttrs{
		ID:         types.StringValue(formatID(user.ID)),
		URI:        types.StringValue(user.URI),
		Username:   types.StringValue(user.Username),
		Email:      types.StringValue(user.Email),
		Name:       types.StringValue(user.Name),
		FirstName:  types.StringValue(user.FirstName),
		LastName:   types.StringValue(user.LastName),
		Status:     types.StringValue(user.Status),
		Phone:      types.StringValue(user.Phone),
		Timezone:   types.StringValue(user.Timezone),
		IsTech:     types.BoolValue(user.IsTech),
		IsSales:    types.BoolValue(user.IsSales),
		IsHelper:   types.BoolValue(user.IsHelper),
		CompanyID:  types.Int64Null(),
		LocationID: types.Int64Null(),
	}
	if user.Company != nil {
		a.CompanyID = types.Int64Value(user.Company.ID)
	}
	if user.Location != nil {
		a.LocationID = types.Int64Value(user.Location.ID)
	}
	ids := make([]int64, 0, len(user.ServiceLines))
	for _, sl := range user.ServiceLines {
		ids = append(ids, sl.ID)
	}
	var diags diag.Diagnostics
	a.ServiceLineIDs, diags = int64Set(ids)
	return diags
}

// int64Set is a set of ids, empty (not null) when there are none.
func int64Set(ids []int64) (types.Set, diag.Diagnostics) {
	elems := make([]attr.Value, 0, len(ids))
	for _, id := range ids {
		elems = append(elems, types.Int64Value(id))
	}
	return types.SetValue(types.Int64Type, elems)
}

// userModel is the fieldservice_servicetrade_user data source: the user,
// and include_inactive, which only the look-up reads.
type userModel struct {
	userAttrs
	IncludeInactive types.Bool `tfsdk:"include_inactive"`
}

// fromAPI fills the model, which holds the configuration, from the API
// object; include_inactive stays as configured.
func (m *userModel) fromAPI(user *api.User) diag.Diagnostics {
	cfg := *m
	diags := m.userAttrs.fromAPI(user)
	// E-mail matched ignoring case: keep the configured spelling, so the
	// attribute equals the configuration.
	if !cfg.Email.IsNull() {
		m.Email = cfg.Email
	}
	return diags
}

// userExtra are what the resource and the plural data source show beside
// userAttrs: the details, the roles and the timestamps.
type userExtra struct {
	Details types.String `tfsdk:"details"`
	RoleIDs types.Set    `tfsdk:"role_ids"`
	Created types.Int64  `tfsdk:"created"`
	Updated types.Int64  `tfsdk:"updated"`
}

// fromAPI fills the extra attributes. Details that are null or empty are
// null: an empty value cannot be configured (omit the attribute instead).
func (e *userExtra) fromAPI(user *api.User) diag.Diagnostics {
	e.Details = types.StringNull()
	if user.Details != nil && *user.Details != "" {
		e.Details = types.StringValue(*user.Details)
	}
	roles := make([]int64, 0, len(user.Roles))
	for _, r := range user.Roles {
		roles = append(roles, r.ID)
	}
	var diags diag.Diagnostics
	e.RoleIDs, diags = int64Set(roles)
	e.Created = types.Int64Value(user.Created)
	e.Updated = types.Int64Value(user.Updated)
	return diags
}

// userElementModel is one user of the fieldservice_servicetrade_users
// data source.
type userElementModel struct {
	userAttrs
	userExtra
}

func (m *userElementModel) fromAPI(user *api.User) diag.Diagnostics {
	diags := m.userAttrs.fromAPI(user)
	diags.Append(m.userExtra.fromAPI(user)...)
	return diags
}

// userResourceModel is the state of fieldservice_servicetrade_user. The
// passwords are never read from ServiceTrade: password keeps what the
// configuration says, password_wo is never stored.
type userResourceModel struct {
	userAttrs
	userExtra
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
}

// fromAPI sets everything ServiceTrade knows; the password attributes are
// left as they are, except password_wo, which is never kept.
func (m *userResourceModel) fromAPI(user *api.User) diag.Diagnostics {
	diags := m.userAttrs.fromAPI(user)
	diags.Append(m.userExtra.fromAPI(user)...)
	m.PasswordWO = types.StringNull()
	return diags
}

// input is the POST or PUT body of the plan: every field (a PUT that
// leaves out status, isSales, serviceLineIds or timezone may reset them).
// password is the one to send, or "" for none. A time zone still unknown
// (not configured, on create) is left out: the account's applies.
func (m userResourceModel) input(password string) api.UserInput {
	in := api.UserInput{
		Username:   m.Username.ValueString(),
		FirstName:  m.FirstName.ValueString(),
		LastName:   m.LastName.ValueString(),
		Password:   password,
		Email:      m.Email.ValueString(),
		Phone:      m.Phone.ValueString(),
		CompanyID:  m.CompanyID.ValueInt64(),
		LocationID: m.LocationID.ValueInt64(),
		Details:    m.Details.ValueString(),
		Status:     m.Status.ValueString(),
		IsSales:    m.IsSales.ValueBool(),
		Timezone:   m.Timezone.ValueString(),
	}
	for _, e := range m.ServiceLineIDs.Elements() {
		if id, ok := e.(types.Int64); ok {
			in.ServiceLineIDs = append(in.ServiceLineIDs, id.ValueInt64())
		}
	}
	return in
}

// usernameKey is a username as the natural-key index holds it: ServiceTrade
// is assumed to compare usernames ignoring case.
func usernameKey(username string) string { return strings.ToLower(username) }
