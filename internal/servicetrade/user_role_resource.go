package servicetrade

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// userRoleType is fieldservice_servicetrade_user_role: an assignment has
// no id of its own; it is known by its user and its role, both number
// attributes, and imported as "<user_id>/<role_id>".
var userRoleType = kit.Type[*api.Client, kit.Child]{Vendor: vendor, Name: "user_role",
	ID: kit.ChildOf(
		kit.Part{Attr: "user_id", Parse: func(raw string) (any, error) { return parseID("user", raw) }},
		kit.Part{Attr: "role_id", Int: true, Parse: func(raw string) (any, error) { return parseID("role", raw) }},
		"4294967297/4294967302", "", describeUserRole)}

func describeUserRole(vendor string, k kit.Child) string {
	return fmt.Sprintf("role %d of %s user %d", k.ID, vendor, k.Parent)
}

// NewUserRoleResource is the fieldservice_servicetrade_user_role resource.
func NewUserRoleResource() resource.Resource {
	return &userRoleResource{childResource[userRoleModel, api.UserRole]{
		Base: userRoleType.Base(),
		// The user's roles: 404 (the user is gone) or the role not among
		// them both mean the assignment is gone.
		Get: kit.GetChild((*api.Client).GetUserRole), Set: (*userRoleModel).fromAPI,
		Del: kit.DeleteChild(revokeUserRole),
		// Both ids force replacement.
		Change: kit.NeverUpdated[*api.Client, kit.Child, userRoleModel, api.UserRole],
	}}
}

type userRoleResource struct {
	childResource[userRoleModel, api.UserRole]
}

func (r *userRoleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "One ServiceTrade role given to one user: the user gets the role's activities (permissions). " +
			"Destroying the resource takes that role, and only that role, from the user. " +
			"The resource is additive: roles the user holds that no `fieldservice_servicetrade_user_role` names " +
			"(given in ServiceTrade, or by another configuration) are left alone, so a user's roles are never all managed by one resource. " +
			"A role the user already holds is taken under management rather than given twice (a user holds a role once), with a warning: " +
			"in particular every new ServiceTrade user already holds the account's default role (such as `Account Tech`), so declaring that role " +
			"for a new user adopts the existing assignment, and destroying the resource then takes the role away from the user. " +
			"Roles themselves are read-only in the API: see the `fieldservice_servicetrade_role` and `fieldservice_servicetrade_roles` data sources. " +
			"Import with `<user_id>/<role_id>`. If the answer to the request is lost, Terraform reads the user's roles: " +
			"when the user holds the role it records it, otherwise it sends the request again.",
		Attributes: map[string]schema.Attribute{
			"id": kit.IDAttribute("The assignment's import id, `<user_id>/<role_id>`."),
			"user_id": kit.ParentID("Numeric id of the ServiceTrade user who gets the role (see the `fieldservice_servicetrade_user` data source). " +
				"Changing it forces replacement: the role is taken from the old user and given to the new one."),
			"role_id": kit.ParentID("Numeric id of the role to give (see the `fieldservice_servicetrade_role` data source). " +
				"Changing it forces replacement: the old role is taken from the user and the new one given."),
		},
	}
}

func (r *userRoleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userRoleModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.UserRole, bool) {
		k := plan.key()
		object := r.Type.Object(k)
		summary := fmt.Sprintf("Giving role %d to ServiceTrade user %d failed", k.ID, k.Parent)
		// A user holds a role once: a role the user already holds (the
		// default role of a new user, or one given outside Terraform) is
		// taken under management, as the resource's description says.
		held, err := client.GetUserRole(ctx, k.Parent, k.ID)
		switch {
		case err == nil:
			adopted(diags, object, held)
			return held, true
		case api.IsNotFound(err):
			var gone *api.NoUserRoleError
			if !asNoUserRole(err, &gone) {
				diags.AddError(summary, userGone(err, k.Parent).Error())
				return nil, false
			}
		default:
			diags.AddError(summary, err.Error())
			return nil, false
		}
		find := func(ctx context.Context) ([]api.UserRole, error) {
			ur, err := client.GetUserRole(ctx, k.Parent, k.ID)
			var gone *api.NoUserRoleError
			if asNoUserRole(err, &gone) {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
			return []api.UserRole{*ur}, nil
		}
		return kit.Send(ctx, &r.Base, diags, summary,
			func(ctx context.Context) (*api.UserRole, error) {
				err := client.AssignUserRole(ctx, k.Parent, k.ID)
				switch {
				case api.IsInvalidRole(err):
					// Given in the meantime (the API may refuse a role the
					// user holds), or not a role that exists.
					if found, ferr := find(ctx); ferr == nil && len(found) == 1 {
						adopted(diags, object, &found[0])
						return &found[0], nil
					}
					return nil, fmt.Errorf("%w\n\nNo ServiceTrade role has the id %d, or it cannot be given to user %d: role_id must be the id of a role "+
						"(the fieldservice_servicetrade_roles data source lists them)", err, k.ID, k.Parent)
				case api.IsNotFound(err):
					return nil, userGone(err, k.Parent)
				case err != nil:
					return nil, err
				}
				// The answer carries no object: the assignment is what was
				// asked for.
				return &api.UserRole{UserID: k.Parent, Role: api.Role{ID: k.ID}}, nil
			},
			lostcreate.Lookup[api.UserRole]{
				Match: fmt.Sprintf("giving role %d to user %d", k.ID, k.Parent),
				// A user holds a role at most once: the assignment found is
				// the one asked for.
				Unique:   true,
				Find:     find,
				ImportID: func(ur api.UserRole) string { return r.Type.ID.Format(userRoleKey(&ur)) },
				Remove:   fmt.Sprintf("take role %d from user %d in ServiceTrade", k.ID, k.Parent),
			})
	})
}

// revokeUserRole takes the role from the user. A user who no longer
// holds the role is done: the API may refuse that with a 400, as it does
// a role that no longer exists.
func revokeUserRole(c *api.Client, ctx context.Context, userID, roleID int64) error {
	err := c.RevokeUserRole(ctx, userID, roleID)
	if !api.IsInvalidRole(err) {
		return err
	}
	if _, gerr := c.GetUserRole(ctx, userID, roleID); api.IsNotFound(gerr) {
		return nil
	}
	return err
}

// adopted warns that the user held the role already, so that the
// resource now manages an assignment it did not make.
func adopted(diags *diag.Diagnostics, object string, ur *api.UserRole) {
	name := ""
	if ur.Role.Name != "" {
		name = fmt.Sprintf(" (%q)", ur.Role.Name)
	}
	diags.AddWarning("ServiceTrade user already held the role",
		fmt.Sprintf("ServiceTrade user %d already held role %d%s, such as the default role every new user gets, or a role given outside Terraform. "+
			"Terraform now manages this assignment (%s): destroying the resource takes the role from the user.", ur.UserID, ur.Role.ID, name, object))
}

// userGone explains the 404 of a path under a user (its roles, its
// values).
func userGone(err error, userID int64) error {
	return fmt.Errorf("%w\n\nServiceTrade user %d does not exist: user_id must be the id of an existing user", err, userID)
}

// listOfUser lists what a user holds under its path (GET /user/{id}/...),
// where a 404 means the user does not exist.
func listOfUser[T any](ctx context.Context, userID int64, list func(context.Context, int64) ([]T, error)) ([]T, error) {
	all, err := list(ctx, userID)
	if api.IsNotFound(err) {
		err = userGone(err, userID)
	}
	return all, err
}

func asNoUserRole(err error, target **api.NoUserRoleError) bool {
	return errors.As(err, target)
}
