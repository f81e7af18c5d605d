package kickserv

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
)

// employeeAttrs are the attributes every employee type (resource, data
// sources) reads from the API.
type employeeAttrs struct {
	EmployeeID      types.Int64  `tfsdk:"employee_id"`
	Name            types.String `tfsdk:"name"`
	Username        types.String `tfsdk:"username"`
	EmailAddress    types.String `tfsdk:"email_address"`
	CanLogin        types.Bool   `tfsdk:"can_login"`
	Active          types.Bool   `tfsdk:"active"`
	IsAccountOwner  types.Bool   `tfsdk:"is_account_owner"`
	CellPhone       types.String `tfsdk:"cell_phone"`
	HomePhone       types.String `tfsdk:"home_phone"`
	Address         types.String `tfsdk:"address"`
	City            types.String `tfsdk:"city"`
	State           types.String `tfsdk:"state"`
	ZipCode         types.String `tfsdk:"zip_code"`
	NotifyViaEmail  types.Bool   `tfsdk:"notify_via_email"`
	NotifyViaMobile types.Bool   `tfsdk:"notify_via_mobile"`
	CreatedAt       types.String `tfsdk:"created_at"`
}

// fromAPI fills the attributes from the API object. Text fields Kickserv
// has no value for (absent, nil or empty) are null.
func (a *employeeAttrs) fromAPI(e *api.Employee) {
	a.EmployeeID = types.Int64Value(e.ID)
	a.Name = types.StringValue(e.Name)
	a.Username = types.StringPointerValue(e.Username)
	a.EmailAddress = types.StringPointerValue(e.EmailAddress)
	a.CanLogin = types.BoolValue(e.CanLogin)
	a.Active = types.BoolValue(e.Active)
	a.IsAccountOwner = types.BoolValue(e.IsAccountOwner)
	a.CellPhone = types.StringPointerValue(e.CellPhone)
	a.HomePhone = types.StringPointerValue(e.HomePhone)
	a.Address = types.StringPointerValue(e.Address)
	a.City = types.StringPointerValue(e.City)
	a.State = types.StringPointerValue(e.State)
	a.ZipCode = types.StringPointerValue(e.ZipCode)
	a.NotifyViaEmail = types.BoolValue(e.NotifyViaEmail)
	a.NotifyViaMobile = types.BoolValue(e.NotifyViaMobile)
	a.CreatedAt = timeValue(e.CreatedAt)
}

// timeValue renders an API time as RFC 3339 in UTC, so that the value is
// stable whatever zone the account renders times in.
func timeValue(t *time.Time) types.String {
	if t == nil {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}

// employeeResourceModel is the state of fieldservice_kickserv_employee.
// The passwords are never read from Kickserv: password keeps what the
// configuration says, password_wo is never stored.
type employeeResourceModel struct {
	ID types.String `tfsdk:"id"`
	employeeAttrs
	Password          types.String `tfsdk:"password"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
}

// fromAPI sets everything Kickserv knows; the password attributes are
// left as they are, except password_wo, which is never kept.
func (m *employeeResourceModel) fromAPI(e *api.Employee) {
	m.ID = types.StringValue(formatNumber(e.Number))
	m.employeeAttrs.fromAPI(e)
	m.PasswordWO = types.StringNull()
}

// known returns a pointer to v's value, or nil when v is null or unknown.
func knownString(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

func knownBool(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}

// createInput is the POST body: every attribute the plan knows. password
// comes from the plan, password_wo from the configuration (write-only
// values are never in a plan).
func (m employeeResourceModel) createInput(configPasswordWO types.String) api.EmployeeInput {
	in := api.EmployeeInput{
		Name:            knownString(m.Name),
		Username:        knownString(m.Username),
		EmailAddress:    knownString(m.EmailAddress),
		CanLogin:        knownBool(m.CanLogin),
		Active:          knownBool(m.Active),
		CellPhone:       knownString(m.CellPhone),
		HomePhone:       knownString(m.HomePhone),
		Address:         knownString(m.Address),
		City:            knownString(m.City),
		State:           knownString(m.State),
		ZipCode:         knownString(m.ZipCode),
		NotifyViaEmail:  knownBool(m.NotifyViaEmail),
		NotifyViaMobile: knownBool(m.NotifyViaMobile),
		Password:        knownString(m.Password),
	}
	if pw := knownString(configPasswordWO); pw != nil {
		in.Password = pw
	}
	return in
}

// updateInput is the PUT body: only what changes between state and plan.
// A text attribute removed from the configuration is cleared. password is
// sent when its value changes, password_wo when password_wo_version
// changes; removing either from the configuration leaves the password in
// Kickserv as it is.
func updateInput(plan, state employeeResourceModel, configPasswordWO types.String) api.EmployeeInput {
	var in api.EmployeeInput
	texts := []struct {
		plan, state types.String
		dst         **string
	}{
		{plan.Name, state.Name, &in.Name},
		{plan.Username, state.Username, &in.Username},
		{plan.EmailAddress, state.EmailAddress, &in.EmailAddress},
		{plan.CellPhone, state.CellPhone, &in.CellPhone},
		{plan.HomePhone, state.HomePhone, &in.HomePhone},
		{plan.Address, state.Address, &in.Address},
		{plan.City, state.City, &in.City},
		{plan.State, state.State, &in.State},
		{plan.ZipCode, state.ZipCode, &in.ZipCode},
	}
	for _, t := range texts {
		if t.plan.IsUnknown() || t.plan.Equal(t.state) {
			continue
		}
		v := t.plan.ValueString() // "" for null: clears the field
		*t.dst = &v
	}
	bools := []struct {
		plan, state types.Bool
		dst         **bool
	}{
		{plan.CanLogin, state.CanLogin, &in.CanLogin},
		{plan.Active, state.Active, &in.Active},
		{plan.NotifyViaEmail, state.NotifyViaEmail, &in.NotifyViaEmail},
		{plan.NotifyViaMobile, state.NotifyViaMobile, &in.NotifyViaMobile},
	}
	for _, b := range bools {
		if b.plan.IsNull() || b.plan.IsUnknown() || b.plan.Equal(b.state) {
			continue
		}
		v := b.plan.ValueBool()
		*b.dst = &v
	}
	if !plan.Password.Equal(state.Password) {
		in.Password = knownString(plan.Password)
	}
	if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) {
		if pw := knownString(configPasswordWO); pw != nil {
			in.Password = pw
		}
	}
	return in
}

// employeeDataModel is one employee as the data sources show it.
type employeeDataModel struct {
	ID             types.String `tfsdk:"id"`
	EmployeeNumber types.Int64  `tfsdk:"employee_number"`
	employeeAttrs
	UpdatedAt types.String `tfsdk:"updated_at"`
}

func (m *employeeDataModel) fromAPI(e *api.Employee) {
	m.ID = types.StringValue(formatNumber(e.Number))
	m.EmployeeNumber = types.Int64Value(e.Number)
	m.employeeAttrs.fromAPI(e)
	m.UpdatedAt = timeValue(e.UpdatedAt)
}
