package kickserv

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
)

// NewEmployeeDataSource is the fieldservice_kickserv_employee data source.
func NewEmployeeDataSource() datasource.DataSource {
	d := vendor.DataSource("employee", "employee_number", "username", "email_address")
	return &kit.Lookup[*api.Client, employeeDataModel, api.Employee]{
		DataBase:   d,
		Definition: employeeDataSchema(d),
		Spec: func(ctx context.Context, client *api.Client, cfg *employeeDataModel) lookup.Spec[api.Employee] {
			str := func(p *string) string {
				if p == nil {
					return ""
				}
				return *p
			}
			kind := lookup.Kind[api.Employee]{Vendor: "Kickserv", Name: "employee", Qualifier: ", active or inactive,",
				Ident: func(e api.Employee) string { return formatNumber(e.Number) }, IdentAttr: "employee_number", IdentPlural: "employee numbers"}
			return lookup.Spec[api.Employee]{
				Kind: kind,
				ID:   lookup.Int64(cfg.EmployeeNumber),
				Get: func(string) (*api.Employee, diag.Diagnostics) {
					var diags diag.Diagnostics
					number := cfg.EmployeeNumber.ValueInt64()
					e, err := client.GetEmployee(ctx, number)
					if api.IsNotFound(err) {
						diags.AddAttributeError(path.Root("employee_number"), "Kickserv employee lookup failed", kind.NotFound("employee number", formatNumber(number),
							"employee numbers are the numbers in employee URLs, not internal employee ids"))
					} else if err != nil {
						diags.AddError(fmt.Sprintf("Reading Kickserv employee %d failed", number), err.Error())
					}
					return e, diags
				},
				// Usernames and e-mail addresses are compared ignoring case;
				// the schema refuses an empty one, so a missing one never
				// matches.
				Keys: []lookup.Key[api.Employee]{
					{Attr: "username", Value: cfg.Username, Of: func(e api.Employee) string { return str(e.Username) }, IgnoreCase: true},
					{Attr: "email_address", Field: "email address", Value: cfg.EmailAddress, Of: func(e api.Employee) string { return str(e.EmailAddress) }, IgnoreCase: true},
				},
				List: func(lookup.Key[api.Employee]) ([]api.Employee, error) {
					return client.ListEmployees(ctx, api.EmployeeFilter{})
				},
			}
		},
		Set: (*employeeDataModel).fromAPI,
	}
}

// employeeDataAttributes are the read-only attributes of one employee, as
// the data sources show them.
func employeeDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                kit.ReadOnlyString("Employee number, as a string (the id of `fieldservice_kickserv_employee`)."),
		"employee_number":   kit.ReadOnlyInt64("Employee number: the key in the employee's URL and the import id of `fieldservice_kickserv_employee`."),
		"employee_id":       kit.ReadOnlyInt64("Kickserv's internal employee id, the one job assignments and time entries refer to. Differs from the employee number."),
		"name":              kit.ReadOnlyString("Full name."),
		"username":          kit.ReadOnlyString("Login name, or null."),
		"email_address":     kit.ReadOnlyString("Email address, or null."),
		"can_login":         kit.ReadOnlyBool("Whether the employee may log in."),
		"active":            kit.ReadOnlyBool("Whether the employee is active (Kickserv employees are made inactive, never deleted)."),
		"is_account_owner":  kit.ReadOnlyBool("Whether the employee owns the account."),
		"cell_phone":        kit.ReadOnlyString("Cell phone number, or null."),
		"home_phone":        kit.ReadOnlyString("Home phone number, or null."),
		"address":           kit.ReadOnlyString("Street address, or null."),
		"city":              kit.ReadOnlyString("City, or null."),
		"state":             kit.ReadOnlyString("State or province, or null."),
		"zip_code":          kit.ReadOnlyString("ZIP or postal code, or null."),
		"notify_via_email":  kit.ReadOnlyBool("Whether Kickserv notifies the employee by email."),
		"notify_via_mobile": kit.ReadOnlyBool("Whether Kickserv notifies the employee by text message."),
		"created_at":        kit.ReadOnlyString("When the employee was created, RFC 3339 in UTC."),
		"updated_at":        kit.ReadOnlyString("When the employee was last changed, RFC 3339 in UTC."),
	}
}

// employeeDataSchema is the schema of the employee data source d: the
// employee's attributes, three of which are also the lookup keys.
func employeeDataSchema(d kit.DataBase[*api.Client]) schema.Schema {
	attrs := employeeDataAttributes()
	attrs["employee_number"] = d.KeyInt64("Employee number to look up (the number in the employee's URL, not the internal `employee_id`).",
		int64validator.AtLeast(1))
	attrs["username"] = d.Key("Username to look up, compared case-insensitively.", stringvalidator.LengthAtLeast(1))
	attrs["email_address"] = d.Key("Email address to look up, compared case-insensitively. "+
		"Several employees may share an address: the lookup then fails and names their employee numbers.", stringvalidator.LengthAtLeast(1))
	return schema.Schema{
		Description: "Looks up one Kickserv employee, active or inactive, by `employee_number`, `username` or `email_address`. " +
			"Fails when no employee matches, or when several do. Lookups by username or email address list every employee of the account.",
		Attributes: attrs,
	}
}
