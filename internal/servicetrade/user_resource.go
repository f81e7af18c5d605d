package servicetrade

import (
	"context"
	"fmt"
	"regexp"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/planmodifiers"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*userResource)(nil)
	_ resource.ResourceWithImportState = (*userResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*userResource)(nil)
)

// userType is fieldservice_servicetrade_user. ServiceTrade cannot delete
// users: a destroy deactivates the user, who keeps the username (so it
// stays taken in the natural-key index).
var userType = func() kit.Type[*api.Client, int64] {
	t := numbered("user")
	t.Deleting = "Deactivating"
	t.KeepsKey = true
	return t
}()

// userNotBlank is the API's "required": a value of white space only is
// refused like a missing one.
var userNotBlank = stringvalidator.RegexMatches(regexp.MustCompile(`\S`), "must not be blank")

// userPassword is ServiceTrade's rule for a password: "8 or more
// characters long and include at least one letter and at least one number".
var userPassword = validators.Password(8)

// NewUserResource is the fieldservice_servicetrade_user resource.
func NewUserResource() resource.Resource {
	return &userResource{crudResource[userResourceModel, api.User]{
		Base: userType.Base(),
		// Read: a single GET returns inactive users too. One found inactive
		// stays in the state with status = "inactive": with "active" in the
		// configuration, the next plan reactivates it. A 404 means
		// ServiceTrade support removed it.
		Get: (*api.Client).GetUser, SetDiags: (*userResourceModel).fromAPI,
		// Delete deactivates the user (the API has no DELETE) and warns
		// that it still exists, with the same words as the plan.
		Notice: userStillExists, Deactivate: deactivateUser,
	}}
}

type userResource struct {
	crudResource[userResourceModel, api.User]
}

// deactivateUser stands for the delete ServiceTrade does not have. The PUT
// sends the user back as read, with status inactive: a PUT that leaves
// fields out may reset them.
func deactivateUser(client *api.Client, ctx context.Context, id int64, _ userResourceModel) error {
	if _, err := client.SetUserStatus(ctx, id, api.UserInactive); err != nil {
		return fmt.Errorf("%w\n\nServiceTrade cannot delete users; destroying one deactivates it (PUT status = \"inactive\"), which failed, so it stays in the state.", err)
	}
	return nil
}

// userStillExists is the warning of every destroy.
func userStillExists(m userResourceModel) undeletable.Notice {
	return undeletable.Notice{
		Summary: fmt.Sprintf("ServiceTrade user %q (id %s) still exists, deactivated", m.Username.ValueString(), m.ID.ValueString()),
		Detail: "The ServiceTrade API cannot delete users (DELETE answers 405), so destroying deactivates the user " +
			"(PUT status = \"inactive\"): the user can no longer log in and is hidden from lists of active users, " +
			"but still exists in ServiceTrade with its username, which stays taken, and its history. It is removed from the Terraform state. " +
			"To use it again, import it by id and keep status = \"active\"."}
}

// userStatus accepts the statuses a user may be given, and refuses
// "shadow", reserved for system users, with its own words.
type userStatus struct{}

// userSettableStatuses are the statuses the resource sets.
var userSettableStatuses = []string{api.UserActive, api.UserInactive, api.UserPending}

func (userStatus) Description(context.Context) string {
	return `value must be one of: ["active" "inactive" "pending"]`
}

func (v userStatus) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v userStatus) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	switch s := req.ConfigValue.ValueString(); {
	case s == api.UserShadow:
		resp.Diagnostics.AddAttributeError(req.Path, "Reserved user status",
			fmt.Sprintf("Attribute %s cannot be \"shadow\": ServiceTrade reserves that status for system users, "+
				"which have no user interface or API access. Use \"active\", \"inactive\" or \"pending\".", req.Path))
	case !slices.Contains(userSettableStatuses, s):
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value Match",
			fmt.Sprintf("Attribute %s %s, got: %q", req.Path, v.Description(ctx), s))
	}
}

func (r *userResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade user: a person who logs in to ServiceTrade (office staff, technicians, salespeople), " +
			"belonging to a company (normally your own) and a home office. " +
			"ServiceTrade cannot delete users: destroying deactivates the user (status `inactive`), removes it from the state and warns that it still exists. " +
			"A user found deactivated outside Terraform while the configuration says `status = \"active\"` is planned for reactivation. " +
			"Import with the numeric user id (the `fieldservice_servicetrade_users` data source lists them, inactive ones on request). " +
			"Passwords are never read back from ServiceTrade. " +
			"Creating a user fails when a user of your company, active, pending or inactive, already has its username (compared ignoring case), " +
			"with the way to import it. If the answer to the create request is lost, Terraform looks for the user: when none has the username it sends " +
			"the request again; it adopts the user with the username when it matches the configuration, with a warning; otherwise it fails with the way to import it.",
		Attributes: map[string]schema.Attribute{
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the user."),
			"uri": kit.ComputedString("Absolute API URI of the user."),
			"username": kit.CreateOnly(kit.RequiredString("Login name of the user, unique in ServiceTrade. ServiceTrade cannot change it, "+
				"so changing it forces replacement (a new user; the old one is deactivated and keeps its username, which stays taken).", userNotBlank)),
			"first_name": kit.RequiredString("First name of the user. Must not be blank. Updatable in place.", userNotBlank),
			"last_name":  kit.RequiredString("Last name of the user. Must not be blank. Updatable in place.", userNotBlank),
			"name": schema.StringAttribute{Computed: true, Description: "Full name of the user, as ServiceTrade composes it from the first and last names.",
				PlanModifiers: []planmodifier.String{planmodifiers.KeepUnlessChanged("first_name", "last_name")}},
			"email": kit.RequiredString("E-mail address of the user. Not unique in ServiceTrade (a shared mailbox may serve several users). "+
				"Must not be blank. Updatable in place.", userNotBlank),
			"company_id": schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.AtLeast(1)},
				Description: "Id of the company the user belongs to (see the `fieldservice_servicetrade_company` data source), normally your own. Updatable in place."},
			"location_id": schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.AtLeast(1)},
				Description: "Id of the user's home office: a location of the user's company (see the `fieldservice_servicetrade_location` data source). Updatable in place."},
			"phone": kit.DefaultString("", "Phone number of the user, stored as written. Defaults to none (an empty string, as ServiceTrade returns it); "+
				"removing it clears it. Updatable in place."),
			"details": kit.OptionalString("Brief information about the user, visible to the public (a certification number, for example). "+
				"Must not be empty: omit it for none; removing it clears it. Updatable in place.", stringvalidator.LengthAtLeast(1)),
			"is_sales": kit.OptionalBool(false, "Whether the user is a salesperson (who can be a contract's or quote's salesperson). Defaults to `false`. Updatable in place."),
			"timezone": schema.StringAttribute{
				Optional: true, Computed: true,
				Description: "IANA time zone identifier of the user, such as `America/New_York` (checked at plan time; case-sensitive). " +
					"When omitted, ServiceTrade gives a new user the account's time zone, and the current zone is kept afterwards " +
					"(removing the attribute changes nothing). Updatable in place.",
				Validators:    []validator.String{validators.TimeZone()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"service_line_ids": schema.SetAttribute{
				Optional: true, Computed: true, ElementType: types.Int64Type,
				Default: setdefault.StaticValue(types.SetValueMust(types.Int64Type, []attr.Value{})),
				Description: "Ids of the service lines the user can provide service for (see the `fieldservice_servicetrade_service_line` data source). " +
					"Defaults to none; removing the attribute clears them. Updatable in place.",
				Validators: []validator.Set{setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
			},
			"status": kit.DefaultString(api.UserActive, "`active` (the default), `inactive` or `pending`. A user deactivated outside Terraform is planned back to "+
				"`active` (an in-place update) while this is `active`; `inactive` keeps the user in ServiceTrade, unable to log in and hidden from lists of active users. "+
				"`shadow` is refused: ServiceTrade reserves it for system users. Updatable in place.", userStatus{}),
			"password": kit.Password("Login password of the user: at least 8 characters, with at least one letter and one digit (checked at plan time). "+
				"ServiceTrade needs a password to create a user: give `password` or `password_wo`. Sent on create and whenever its value changes; "+
				"never read back, so a change made in ServiceTrade is not detected, and after an import the next apply sets it again. "+
				"Removing it leaves the password in ServiceTrade unchanged. The value is kept (marked sensitive) in the Terraform state: "+
				"prefer `password_wo`, which is never stored. Conflicts with `password_wo`.", "password_wo", false, userPassword),
			"password_wo": kit.Password("Write-only login password of the user: sent to ServiceTrade but never stored in the plan or the state. Needs Terraform 1.11 or later. "+
				"At least 8 characters, with at least one letter and one digit (checked at plan time). "+
				"Sent on create, and again only when `password_wo_version` changes. Conflicts with `password`.", "password", true, userPassword),
			"password_wo_version": kit.PasswordVersion("Any number; change it (for example, increment it) to send `password_wo` to ServiceTrade again. "+
				"Needs `password_wo`. Changing it updates the user in place.", "password_wo"),
			"is_tech":   kit.ComputedBool("Whether the user is a technician, as set in ServiceTrade (the API cannot change it)."),
			"is_helper": kit.ComputedBool("Whether the user is a helper, as set in ServiceTrade (the API cannot change it)."),
			// role_ids and updated have no UseStateForUnknown: the roles may
			// change through other resources, and every PUT moves updated,
			// so both are unknown in the plan of an update (and only then).
			"role_ids": schema.SetAttribute{Computed: true, ElementType: types.Int64Type,
				Description: "Ids of the roles the user holds, however they were granted (ServiceTrade gives new users a default role). " +
					"Read-only here: roles are assigned with their own resource."},
			"created": kit.ComputedInt64("When the user was created, as a Unix timestamp (seconds)."),
			"updated": schema.Int64Attribute{Computed: true,
				Description: "When the user was last changed, as a Unix timestamp (seconds). Known after apply whenever the user is updated."},
		},
	}
}

// ModifyPlan is the kit's (the destroy warning), and refuses at plan time a
// create without a password, which ServiceTrade requires. An imported user
// needs none.
func (r *userResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.crudResource.ModifyPlan(ctx, req, resp)
	if resp.Diagnostics.HasError() || !req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var pw, wo types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password"), &pw)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &wo)...)
	if !resp.Diagnostics.HasError() && pw.IsNull() && wo.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("password"), "Missing password",
			"ServiceTrade needs a password to create a user: set password (or password_wo, with Terraform 1.11 or later). "+
				"To manage an existing user without setting its password, import it instead.")
	}
}

func (r *userResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	// password_wo is never in a plan: it comes from the configuration.
	var passwordWO types.String
	if resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &passwordWO)...); resp.Diagnostics.HasError() {
		return
	}
	var plan userResourceModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.User, bool) {
		password := plan.Password.ValueString()
		if !passwordWO.IsNull() {
			password = passwordWO.ValueString()
		}
		in := plan.input(password)
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade user %q failed", in.Username),
			func(ctx context.Context) (*api.User, error) { return client.CreateUser(ctx, in) },
			userLookup(ctx, req, plan, client))
	})
}

// userLookup is the natural-key check and the lookup after a lost answer.
// Usernames are unique in ServiceTrade: a user of the username, of any
// status (an inactive user keeps it), is imported, never duplicated; and
// the user a lost create made is adopted when it matches the
// configuration. The check lists the users of your own company (the API's
// default); the lookup, those of the planned company.
func userLookup(ctx context.Context, req resource.CreateRequest, plan userResourceModel, client *api.Client) lostcreate.Lookup[api.User] {
	username := plan.Username.ValueString()
	key := usernameKey(username)
	companyID := plan.CompanyID.ValueInt64()
	l := kit.ByNaturalKey(kit.Natural[api.User]{
		Attribute: "username", Value: key, Describe: fmt.Sprintf("username %q", username), Match: fmt.Sprintf("with username %q", username),
		Why:  "ServiceTrade keeps usernames unique, inactive users included.",
		List: client.ListAllUsers,
		Find: func(ctx context.Context) ([]api.User, error) {
			return client.ListUsers(ctx, api.UserFilter{Name: username, Statuses: api.UserListedStatuses, CompanyID: companyID})
		},
		Key: func(u api.User) string { return usernameKey(u.Username) }, ID: func(u api.User) string { return formatID(u.ID) },
	})
	// No allow_duplicate: ServiceTrade itself refuses a second user with
	// the username.
	l.Key.AllowDuplicate = ""
	l.Key.Instead = "give this resource another username (a deactivated user keeps its username, and ServiceTrade cannot delete users)"
	l.Remove = "deactivate it in ServiceTrade (which cannot delete users) and give this resource another username"
	l.Unique = true
	l.Differs = func(u api.User) []string {
		m := plan
		m.fromAPI(&u)
		names, _ := lostcreate.PlanDiffs(ctx, req.Plan, &m) // a failed comparison names no attribute, but is not empty: nothing is adopted
		return names
	}
	return l
}

func (r *userResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	// password_wo is never in a plan: it comes from the configuration.
	var passwordWO types.String
	if resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &passwordWO)...); resp.Diagnostics.HasError() {
		return
	}
	var plan, state userResourceModel
	r.UpdateFrom(ctx, req, resp, &plan, &state, func(ctx context.Context, client *api.Client, id int64) (*api.User, error) {
		// password is sent when its value changes, password_wo when
		// password_wo_version changes; removing either leaves the password
		// in ServiceTrade as it is.
		var password string
		if !plan.Password.IsNull() && !plan.Password.Equal(state.Password) {
			password = plan.Password.ValueString()
		}
		if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) && !passwordWO.IsNull() {
			password = passwordWO.ValueString()
		}
		// Every other field is sent, so that an out-of-band change is
		// reverted and a PUT default never resets one.
		return client.UpdateUser(ctx, id, plan.input(password))
	})
}
