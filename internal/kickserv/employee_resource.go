package kickserv

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
)

var (
	_ resource.ResourceWithValidateConfig = (*employeeResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*employeeResource)(nil)
)

// NewEmployeeResource is the fieldservice_kickserv_employee resource.
func NewEmployeeResource() resource.Resource {
	return &employeeResource{crudResource[employeeResourceModel, api.Employee]{
		Base: employeeType.Base(),
		Get:  (*api.Client).GetEmployee, Set: (*employeeResourceModel).fromAPI,
		// Kickserv cannot delete employees: Delete makes the employee
		// inactive, the closest Kickserv has to a delete, and says so. The
		// username stays taken (employeeType KeepsKey).
		Notice: employeeMadeInactive, Deactivate: retireEmployee,
	}}
}

type employeeResource struct {
	crudResource[employeeResourceModel, api.Employee]
}

// retireEmployee makes the employee inactive, for a destroy.
func retireEmployee(client *api.Client, ctx context.Context, number int64, _ employeeResourceModel) error {
	if err := client.Retire(ctx, number); err != nil {
		return fmt.Errorf("%w\n\nKickserv cannot delete employees; destroying one makes it inactive.", err)
	}
	return nil
}

// notBlank refuses values made only of white space, which Kickserv treats
// as blank.
var notBlank = stringvalidator.RegexMatches(regexp.MustCompile(`\S`), "must not be blank")

// optionalText is an optional text attribute that Kickserv stores as is.
// Empty strings are refused: Kickserv stores an empty value as no value, so
// "" could never be read back; omit the attribute instead.
func optionalText(desc string) schema.StringAttribute {
	return kit.OptionalString(desc+" Updatable in place; removing it from the configuration clears it in Kickserv. "+
		"Must not be empty: omit it for no value.", stringvalidator.LengthAtLeast(1))
}

const tokenWarning = "Changing an employee's password also changes that employee's Kickserv API token, so never set the password of the employee whose API token the provider uses (`api_token`): the provider's own credentials would stop working."

func (r *employeeResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A Kickserv employee. Kickserv cannot delete employees (\"Employees can be made inactive but cannot be deleted\"): " +
			"destroying this resource makes the employee inactive and removes it from the Terraform state, with a warning; the employee stays in Kickserv. " +
			"The Terraform id is the employee number (the number in the employee's URL). Import with the employee number. " +
			"Passwords are never read back from Kickserv. " +
			"Creating an employee fails when one with the same `username` already exists (active or not), with the way to import it. " +
			"If the answer to the create request is lost, Terraform looks for the employee: when none exists it sends the request again; " +
			"it adopts the employee with the configured `username` (usernames are unique) when it matches the configuration, with a warning; " +
			"otherwise, and for employees without a username, it fails with an error listing the existing employees that match, to import. " + tokenWarning,
		Attributes: map[string]schema.Attribute{
			"id":          kit.IDAttribute("Employee number assigned by Kickserv: the key in the employee's URL (`/employees/<number>.xml`) and the import id. Not the internal `employee_id`."),
			"employee_id": kit.ComputedInt64("Kickserv's internal employee id, the one job assignments (`employee_ids`) and time entries (`employee_id`) refer to. Differs from the employee number."),
			"name": kit.RequiredString("Full name of the employee. Must not be blank (Kickserv answers \"Name can't be blank\"). Updatable in place.",
				stringvalidator.LengthAtLeast(1), notBlank),
			"username": optionalText("Login name of the employee, needed when `can_login` is true. Kickserv refuses a username another employee of the account already has, " +
				"inactive ones included, with \"Username has already been taken\"."),
			"email_address": optionalText("Email address of the employee. Not checked by the provider."),
			"can_login": kit.OptionalBool(false, "Whether the employee may log in to Kickserv. Default `false`. Logging in needs a `username`, and a password "+
				"(`password` or `password_wo`) when the employee has none yet; otherwise Kickserv refuses the change with its own message. Updatable in place."),
			"active": kit.OptionalBool(true, "Whether the employee is active. Default `true`. Setting `false` keeps the employee managed but inactive; destroying the resource also makes it inactive. "+
				"An employee made inactive outside Terraform is shown as a change back to `true` on the next plan. Inactive employees cannot use their API token. Updatable in place."),
			"is_account_owner": kit.ComputedBool("Whether the employee owns the Kickserv account. Read-only; Kickserv does not let the account owner be made inactive."),
			"cell_phone":       optionalText("Cell phone number, stored as written (not normalised)."),
			"home_phone":       optionalText("Home phone number, stored as written (not normalised)."),
			"address":          optionalText("Street address."),
			"city":             optionalText("City."),
			"state":            optionalText("State or province, stored as written (for example `TX`)."),
			"zip_code":         optionalText("ZIP or postal code, stored as text (leading zeros are kept)."),
			"notify_via_email": kit.KeptBool("Whether Kickserv notifies the employee by email. When omitted, Kickserv's default applies on create and the current value is kept afterwards " +
				"(removing it from the configuration does not change it). Updatable in place."),
			"notify_via_mobile": kit.KeptBool("Whether Kickserv notifies the employee by text message. When omitted, Kickserv's default applies on create and the current value is kept afterwards " +
				"(removing it from the configuration does not change it). Updatable in place."),
			"created_at": kit.ComputedString("When the employee was created, RFC 3339 in UTC."),
			"password": kit.Password("Login password of the employee. Sent on create and whenever its value changes; never read back, so a change made in Kickserv is not detected, "+
				"and after an import the next apply sets it again. Removing it leaves the password in Kickserv unchanged. The value is kept (marked sensitive) in the Terraform state: "+
				"prefer `password_wo`, which is never stored. Conflicts with `password_wo`. "+tokenWarning, "password_wo", false, stringvalidator.LengthAtLeast(1)),
			"password_wo": kit.Password("Write-only login password of the employee: sent to Kickserv but never stored in the plan or the state. Needs Terraform 1.11 or later. "+
				"Sent on create, and again only when `password_wo_version` changes. Conflicts with `password`. "+tokenWarning, "password", true, stringvalidator.LengthAtLeast(1)),
			"password_wo_version": kit.PasswordVersion("Any number; change it (for example, increment it) to send `password_wo` to Kickserv again. "+
				"Needs `password_wo`. Changing it updates the employee in place.", "password_wo"),
		},
	}
}

// ValidateConfig checks what the schema cannot say alone: logging in needs
// a username (the docs' login example sends both).
func (r *employeeResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var canLogin types.Bool
	var username types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("can_login"), &canLogin)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("username"), &username)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if canLogin.ValueBool() && username.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("username"), "Missing username",
			"A Kickserv employee with can_login = true needs a username.")
	}
}

func (r *employeeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	// password_wo is never in a plan: it comes from the configuration.
	var passwordWO types.String
	if resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &passwordWO)...); resp.Diagnostics.HasError() {
		return
	}
	var plan employeeResourceModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.Employee, bool) {
		in := plan.createInput(passwordWO)
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating Kickserv employee %q failed", plan.Name.ValueString()),
			func(ctx context.Context) (*api.Employee, error) { return client.CreateEmployee(ctx, in) },
			lostLookup(ctx, req, plan, client))
	})
}

// lostLookup finds the employee a create whose answer was lost may have
// made. Usernames are unique in the account (inactive employees included,
// compared without case): the employee with the planned username is adopted
// when it matches the configuration. Without a username, employees of the
// planned name are only listed.
func lostLookup(ctx context.Context, req resource.CreateRequest, plan employeeResourceModel, client *api.Client) lostcreate.Lookup[api.Employee] {
	l := lostcreate.Lookup[api.Employee]{
		Remove:   "make it inactive in Kickserv (which cannot delete employees)",
		ImportID: func(e api.Employee) string { return formatNumber(e.Number) },
	}
	name := plan.Name.ValueString()
	match := func(e api.Employee) bool { return e.Name == name }
	l.Match = fmt.Sprintf("named %q", name)
	if username := knownString(plan.Username); username != nil {
		// The username is the natural key, checked before the create:
		// Kickserv refuses a taken one anyway, inactive employees
		// included, and the check turns that refusal into the way to
		// import the employee. Names are not checked: people share them.
		// Usernames are compared without case, as Kickserv does.
		l.Key = &lostcreate.Key{
			Value: strings.ToLower(*username), Describe: fmt.Sprintf("username %q", *username), Attribute: "username",
			List: func(ctx context.Context) ([]naturalkey.Entry, error) {
				all, err := allEmployees(ctx, client)
				return naturalkey.Entries(all, err, employeeKey)
			},
			Why: "Kickserv keeps usernames unique, inactive employees included.",
			Instead: "give this resource another username (an employee made inactive keeps its username, " +
				"and Kickserv cannot delete employees)",
		}
		l.Unique = true
		l.Match = fmt.Sprintf("with username %q", *username)
		match = func(e api.Employee) bool { return e.Username != nil && strings.EqualFold(*e.Username, *username) }
		l.Differs = func(e api.Employee) []string {
			m := plan
			m.fromAPI(&e)
			names, diags := lostcreate.PlanDiffs(ctx, req.Plan, &m)
			_ = diags // a failed comparison names no attribute, but is not empty: nothing is adopted
			return names
		}
	}
	l.Find = func(ctx context.Context) ([]api.Employee, error) {
		all, err := allEmployees(ctx, client)
		return lostcreate.Keep(all, err, match)
	}
	return l
}

// allEmployees lists every employee, active and inactive, asked for
// separately: what the list holds without the filter is not documented.
func allEmployees(ctx context.Context, client *api.Client) ([]api.Employee, error) {
	var all []api.Employee
	seen := map[int64]bool{}
	for _, active := range []bool{true, false} {
		list, err := client.ListEmployees(ctx, api.EmployeeFilter{Active: &active})
		if err != nil {
			return nil, err
		}
		for _, e := range list {
			if !seen[e.ID] {
				seen[e.ID] = true
				all = append(all, e)
			}
		}
	}
	return all, nil
}

// employeeKey is an employee's entry in the index of employees by
// username (lostcreate.Key), lower case; none without a username.
// Retiring an employee leaves it in Kickserv with its username, so it
// stays taken.
func employeeKey(e api.Employee) (naturalkey.Entry, bool) {
	if e.Username == nil || *e.Username == "" {
		return naturalkey.Entry{}, false
	}
	return naturalkey.Entry{ID: formatNumber(e.Number), Key: strings.ToLower(*e.Username)}, true
}

func (r *employeeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	// password_wo is never in a plan: it comes from the configuration.
	var passwordWO types.String
	if resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &passwordWO)...); resp.Diagnostics.HasError() {
		return
	}
	var plan, state employeeResourceModel
	r.UpdateFrom(ctx, req, resp, &plan, &state, func(ctx context.Context, client *api.Client, number int64) (*api.Employee, error) {
		updated, err := client.UpdateEmployee(ctx, number, updateInput(plan, state, passwordWO))
		if err != nil {
			return nil, err
		}
		// The username is the natural key: it may have moved, for creates
		// later in this run.
		key, _ := employeeKey(*updated)
		r.Keys().Put(formatNumber(number), key.Key)
		return updated, nil
	})
}

// employeeMadeInactive is what destroying an employee leaves in Kickserv,
// said when the destroy is planned and when it is applied.
func employeeMadeInactive(m employeeResourceModel) undeletable.Notice {
	number := m.ID.ValueString()
	return undeletable.Notice{Summary: fmt.Sprintf("Kickserv employee %s is made inactive, not deleted", number),
		Detail: fmt.Sprintf("Kickserv cannot delete employees. Employee %s (%q) still exists, inactive, in Kickserv, with its job history; it is removed from the Terraform state. "+
			"To manage it again, import it with its employee number (%s) and set active = true.", number, m.Name.ValueString(), number)}
}
