package servicetrade

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// userValueType is fieldservice_servicetrade_user_value: a user value is
// known by its user and its name (a user has one value of a name), and
// imported as "<user_id>/<name>". Its numeric id is only an attribute:
// ServiceTrade's POST on an existing name changes that value, so the name
// is what identifies it.
var userValueType = kit.Type[*api.Client, userValueKey]{Vendor: vendor, Name: "user_value", ID: kit.ID[userValueKey]{
	Parts: []kit.Part{
		{Attr: "user_id", Int: true, Parse: func(raw string) (any, error) { return parseID("user", raw) }},
		{Attr: "name", Parse: func(raw string) (any, error) { return parseUserValueName(raw) }},
	},
	Example: "4294967297/disableClock", Note: "the name is one of the settable user value names",
	Key: func(v []any) userValueKey {
		id, _ := v[0].(int64)
		name, _ := v[1].(string)
		return userValueKey{UserID: id, Name: name}
	},
	Format: func(k userValueKey) string { return kit.FormatNumber(k.UserID) + "/" + k.Name },
	Describe: func(vendor string, k userValueKey) string {
		return fmt.Sprintf("%s user value %q of user %d", vendor, k.Name, k.UserID)
	},
}}

// userValueNames is the settable names as the documentation and the
// errors list them.
var userValueNames = "`disableClock`, `search-<page>-index` (where `<page>` names a list page: letters and digits, " +
	"words joined by `-` or `_`), `defaultWarehouse`, `defaultEnRouteItem`, `defaultJobPrepItem` and `defaultOnSiteItem`"

// userValueNameProblem says why name cannot be managed, or "" when it is
// one of the settable names.
func userValueNameProblem(name string) string {
	switch {
	case slices.Contains(api.UserValueReadOnlyNames, name):
		return fmt.Sprintf("%q is a read-only ServiceTrade user value: ServiceTrade sets it, and the API cannot create, change or delete it, "+
			"so Terraform cannot manage it. The settable names are %s", name, strings.ReplaceAll(userValueNames, "`", ""))
	case isSettableUserValueName(name):
		return ""
	default:
		return fmt.Sprintf("%q is not a settable ServiceTrade user value name: the settable names are %s", name, strings.ReplaceAll(userValueNames, "`", ""))
	}
}

// isSettableUserValueName reports whether name is one of the fixed
// settable names or a search-*-index name.
func isSettableUserValueName(name string) bool {
	if api.UserValueSearchName.MatchString(name) {
		return true
	}
	return name != "search-*-index" && slices.Contains(api.UserValueSettableNames, name)
}

// parseUserValueName reads the name part of an id.
func parseUserValueName(raw string) (string, error) {
	if p := userValueNameProblem(raw); p != "" {
		return "", errors.New(p)
	}
	return raw, nil
}

// userValueName validates the name attribute.
type userValueName struct{}

func (userValueName) Description(context.Context) string {
	return "must be a settable ServiceTrade user value name: " + strings.ReplaceAll(userValueNames, "`", "")
}

func (v userValueName) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (userValueName) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.ConfigValue.ValueString()
	summary := "Unknown ServiceTrade user value name"
	if slices.Contains(api.UserValueReadOnlyNames, name) {
		summary = "Read-only ServiceTrade user value"
	}
	if p := userValueNameProblem(name); p != "" {
		resp.Diagnostics.AddAttributeError(req.Path, summary, fmt.Sprintf("Attribute %s: %s.", req.Path, p))
	}
}

// userValueFormatProblem checks a value against its name's documented
// format, or returns "": disableClock is "1 or 0", search-*-index a "JSON
// object", defaultWarehouse "a warehouse id". The labor items have no
// documented format.
func userValueFormatProblem(name, value string) string {
	switch {
	case name == "disableClock":
		if value != "0" && value != "1" {
			return fmt.Sprintf(`disableClock is "1" (Dispatch Board live-updates disabled) or "0", got %q`, value)
		}
	case api.UserValueSearchName.MatchString(name):
		var obj map[string]any
		if json.Unmarshal([]byte(value), &obj) != nil || obj == nil {
			return fmt.Sprintf("%s holds search parameters as a JSON object (use jsonencode({ … })), got %q", name, value)
		}
	case name == "defaultWarehouse":
		if _, err := parseID("warehouse", value); err != nil {
			return fmt.Sprintf("defaultWarehouse is a warehouse id, a positive whole number such as \"4294967297\", got %q", value)
		}
	}
	return ""
}

// NewUserValueResource is the fieldservice_servicetrade_user_value
// resource.
func NewUserValueResource() resource.Resource {
	r := &userValueResource{}
	r.Resource = kit.Resource[*api.Client, userValueKey, userValueModel, api.UserValue]{
		Base: userValueType.Base(),
		// Found by name among the user's values: 404 on the user, or no
		// value of the name, means it is gone.
		Get: func(c *api.Client, ctx context.Context, k userValueKey) (*api.UserValue, error) {
			return c.FindUserValue(ctx, k.UserID, k.Name)
		},
		Set: (*userValueModel).fromAPI,
		// DELETE /user/{uid}/value/{id} of the value of that name; a user
		// or a value already gone counts as done.
		Del: func(c *api.Client, ctx context.Context, k userValueKey) error {
			err := deleteUserValue(ctx, c, k)
			if err == nil || api.IsNotFound(err) {
				r.keys(k.UserID).Remove(userValueType.ID.Format(k))
			}
			return err
		},
		// Only the value changes in place (PUT); user and name are the
		// address.
		Change: updateUserValue,
	}
	return r
}

// updateUserValue sends the planned value to the value of that name, by
// its id in the refreshed state (found by name when the state lacks it).
func updateUserValue(ctx context.Context, c *api.Client, k userValueKey, plan, state *userValueModel) (*api.UserValue, error) {
	id := state.ValueID.ValueInt64()
	if id == 0 {
		found, err := c.FindUserValue(ctx, k.UserID, k.Name)
		if err != nil {
			return nil, err
		}
		id = found.ID
	}
	return c.UpdateUserValue(ctx, k.UserID, id, plan.Value.ValueString())
}

func deleteUserValue(ctx context.Context, c *api.Client, k userValueKey) error {
	v, err := c.FindUserValue(ctx, k.UserID, k.Name)
	if err != nil {
		return err
	}
	return c.DeleteUserValue(ctx, k.UserID, v.ID)
}

// userValueResource is a kit.Resource keyed by user and name; its Del
// refers to the resource (for the per-user natural-key index), hence the
// constructor's two steps.
type userValueResource struct {
	kit.Resource[*api.Client, userValueKey, userValueModel, api.UserValue]
}

var _ resource.ResourceWithValidateConfig = (*userValueResource)(nil)

func (r *userValueResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade user value: one per-user setting, such as whether the Dispatch Board's live updates are disabled " +
			"(`disableClock`) or the warehouse preselected for the user (`defaultWarehouse`). A user has at most one value of a name. " +
			"Only the settable names can be managed; the read-only ones (`lastLogin`, `dismissedWelcome`, `newQuotesUi`) are refused at plan. " +
			"Deleting the resource deletes the value. Import with `<user_id>/<name>`, such as `4294967297/disableClock`. " +
			"Creating the resource fails when the user already has a value of that name, with the way to import it: ServiceTrade " +
			"would silently change it. If the answer to the create request is lost, Terraform reads the user's values: when there is " +
			"none of that name it sends the request again, when it has the configured value it records it, and otherwise it fails with the way to import it.",
		Attributes: map[string]schema.Attribute{
			"id": kit.IDAttribute("The user value's import id, `<user_id>/<name>`."),
			"user_id": kit.ParentID("Numeric id of the ServiceTrade user the value belongs to (see the `fieldservice_servicetrade_user` data source), " +
				"which must exist. Part of the value's address, so changing it forces replacement (the old user's value is deleted)."),
			"name": kit.CreateOnly(kit.RequiredString("Name of the value: one of the settable names, "+userValueNames+". "+
				"The read-only names `lastLogin`, `dismissedWelcome` and `newQuotesUi` are refused, and so is any other name. "+
				"Changing it forces replacement (the old value is deleted).", userValueName{})),
			"value": kit.RequiredString("The value, as a string (ServiceTrade returns every value as a string: write `\"1\"`, not `1`), compared "+
				"character for character. Its format depends on the name: `disableClock` is `\"1\"` (Dispatch Board live updates disabled) or `\"0\"`; "+
				"`search-<page>-index` is a JSON object of search parameters (use `jsonencode`); `defaultWarehouse` is a warehouse id; "+
				"`defaultEnRouteItem`, `defaultJobPrepItem` and `defaultOnSiteItem` are the tech's default en route, job preparation and on site labor items "+
				"(ServiceTrade checks them when the value is saved). Updatable in place.",
				stringvalidator.LengthAtLeast(1)),
			"value_id": kit.ComputedInt64("Numeric ServiceTrade id of the user value."),
			"uri":      kit.ComputedString("Absolute API URI of the user value (`…/uservalue/<value_id>`)."),
		},
	}
}

// ValidateConfig checks the value against its name's documented format,
// at plan time.
func (r *userValueResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var name, value types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("value"), &value)...)
	if resp.Diagnostics.HasError() || name.IsNull() || name.IsUnknown() || value.IsNull() || value.IsUnknown() {
		return
	}
	if p := userValueFormatProblem(name.ValueString(), value.ValueString()); p != "" {
		resp.Diagnostics.AddAttributeError(path.Root("value"), "Invalid ServiceTrade user value", "Attribute value: "+p+".")
	}
}

// keys is the natural-key index of one user's values, by name: listed
// once per provider process and kept current with this process's creates
// and deletes.
func (r *userValueResource) keys(userID int64) *naturalkey.Index {
	return r.KeysWithin(fmt.Sprintf("user %d", userID))
}

func (r *userValueResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userValueModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.UserValue, bool) {
		k, value := plan.key(), plan.Value.ValueString()
		user := fmt.Sprintf("ServiceTrade user %d", k.UserID)
		importID := func(v api.UserValue) string {
			return userValueType.ID.Format(userValueKey{UserID: k.UserID, Name: v.Name})
		}
		// POST on a name the user already has silently changes that value,
		// so the name is the natural key among the user's values, checked
		// before the create: an existing value is never taken over, but
		// imported. A user has one value per name, so after a lost answer
		// the value found is adopted when it is the one configured.
		l := lostcreate.Lookup[api.UserValue]{
			Match:  fmt.Sprintf("named %q of user %d", k.Name, k.UserID),
			Unique: true,
			Find: func(ctx context.Context) ([]api.UserValue, error) {
				got, err := client.FindUserValue(ctx, k.UserID, k.Name)
				var none *api.NoUserValueError
				if errors.As(err, &none) {
					return nil, nil
				}
				if err != nil {
					return nil, err
				}
				return []api.UserValue{*got}, nil
			},
			ImportID: importID,
			Differs: func(v api.UserValue) []string {
				if string(v.Value) != value {
					return []string{"value"}
				}
				return nil
			},
			Key: &lostcreate.Key{
				Index: r.keys(k.UserID), Value: k.Name, Attribute: "name",
				Second:   "keeps one value per user and name (a second create silently changes the first)",
				Describe: fmt.Sprintf("name %q on user %d", k.Name, k.UserID),
				List: func(ctx context.Context) ([]naturalkey.Entry, error) {
					values, err := client.ListUserValues(ctx, k.UserID)
					if api.IsNotFound(err) {
						return nil, fmt.Errorf("%w\n\n%s does not exist: user_id must name an existing user", err, user)
					}
					entries := make([]naturalkey.Entry, 0, len(values))
					for _, v := range values {
						entries = append(entries, naturalkey.Entry{ID: importID(v), Key: v.Name})
					}
					return entries, err
				},
				Why:     "ServiceTrade keeps one value per user and name, and a create would silently change the existing one.",
				Instead: "give this resource another user_id or name, or delete the existing value in ServiceTrade first",
			},
		}
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating %s failed", r.Type.Object(k)),
			func(ctx context.Context) (*api.UserValue, error) {
				created, err := client.CreateUserValue(ctx, api.UserValueInput{UserID: k.UserID, Name: k.Name, Value: value})
				if api.IsNotFound(err) {
					err = fmt.Errorf("%w\n\n%s does not exist: user_id must name an existing user", err, user)
				}
				return created, err
			}, l)
	})
}
