package api

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// Role is a ServiceTrade role (GET /role/{id}): a named set of activities
// (permissions) that users are given. Roles are read-only in the API;
// what can be changed is which users hold them (AssignUserRole).
type Role struct {
	ID          int64    `json:"id"`
	URI         string   `json:"uri"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Activities  []string `json:"activities"`
	// Global is true for ServiceTrade's default roles, false for the
	// account's own.
	Global bool `json:"global"`
}

// RoleFilter narrows GET /role. UserID keeps the roles that user holds.
type RoleFilter struct {
	UserID int64
}

// roles are at /role; a list page holds them under "roles".
var roles = collection[Role]{path: "/role", listKey: "roles"}

// GetRole reads one role; IsNotFound(err) when it does not exist.
func (c *Client) GetRole(ctx context.Context, id int64) (*Role, error) {
	return roles.get(ctx, c, id)
}

// ListRoles returns every role matching f, across all pages. With a
// UserID, an unknown user may well answer an empty list rather than a 404:
// ListUserRoles tells the two apart.
func (c *Client) ListRoles(ctx context.Context, f RoleFilter) ([]Role, error) {
	return roles.list(ctx, c, query{}.id("userId", f.UserID))
}

// userRoles is the collection of one user's roles, /user/{id}/role.
func userRoles(userID int64) collection[Role] {
	return collection[Role]{path: "/user/" + strconv.FormatInt(userID, 10) + "/role", listKey: "roles"}
}

// ListUserRoles returns the roles the user holds (GET /user/{id}/role);
// IsNotFound(err) when the user does not exist.
func (c *Client) ListUserRoles(ctx context.Context, userID int64) ([]Role, error) {
	return userRoles(userID).list(ctx, c, nil)
}

// UserRole is one role held by one user: what AssignUserRole creates.
type UserRole struct {
	UserID int64
	Role   Role
}

// NoUserRoleError says that the user exists but does not hold the role. It
// counts as not found (IsNotFound), so that a role revoked out of band
// leaves the state.
type NoUserRoleError struct {
	UserID, RoleID int64
}

func (e *NoUserRoleError) Error() string {
	return fmt.Sprintf("ServiceTrade user %d does not hold role %d", e.UserID, e.RoleID)
}

// NotFound makes IsNotFound true.
func (e *NoUserRoleError) NotFound() bool { return true }

// GetUserRole reads the role the user holds: IsNotFound(err) when the user
// does not exist (the API's 404) or does not hold the role
// (*NoUserRoleError).
func (c *Client) GetUserRole(ctx context.Context, userID, roleID int64) (*UserRole, error) {
	held, err := c.ListUserRoles(ctx, userID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(held, func(r Role) bool { return r.ID == roleID })
	if i < 0 {
		return nil, &NoUserRoleError{UserID: userID, RoleID: roleID}
	}
	return &UserRole{UserID: userID, Role: held[i]}, nil
}

// userRolePath is /user/{uid}/role/{rid}.
func userRolePath(userID, roleID int64) string {
	return userRoles(userID).at(roleID)
}

// AssignUserRole gives the user the role (POST /user/{uid}/role/{rid}).
// IsNotFound(err) when the user does not exist; a 400 (IsInvalidRole) when
// the role does not exist, and possibly when the user already holds it
// (the reference does not say).
func (c *Client) AssignUserRole(ctx context.Context, userID, roleID int64) error {
	return c.call(ctx, http.MethodPost, userRolePath(userID, roleID), nil, nil, nil)
}

// RevokeUserRole takes the role from the user (DELETE
// /user/{uid}/role/{rid}). IsNotFound(err) when the user does not exist; a
// 400 (IsInvalidRole) when the role does not exist, and possibly when the
// user does not hold it (the reference does not say).
func (c *Client) RevokeUserRole(ctx context.Context, userID, roleID int64) error {
	return c.call(ctx, http.MethodDelete, userRolePath(userID, roleID), nil, nil, nil)
}

// IsInvalidRole reports whether err is the 400 "invalid role" with which
// ServiceTrade refuses a role assignment or its removal.
func IsInvalidRole(err error) bool { return transport.HasStatus(err, http.StatusBadRequest) }
