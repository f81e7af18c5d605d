package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
)

// The user value names the reference lists: a fixed set, in which
// search-*-index stands for one name per list page.
var (
	// UserValueSettableNames can be created, edited and deleted.
	UserValueSettableNames = []string{"disableClock", "search-*-index", "defaultWarehouse", "defaultEnRouteItem", "defaultJobPrepItem", "defaultOnSiteItem"}
	// UserValueReadOnlyNames can only be read.
	UserValueReadOnlyNames = []string{"lastLogin", "dismissedWelcome", "newQuotesUi"}
	// UserValueSearchName is search-*-index: "most recently used search
	// parameters for various list pages", one name per list page. The
	// reference names no page, so * is read as a page's name: words of
	// letters and digits joined by "-" or "_" (no spaces, no "/", never
	// empty).
	UserValueSearchName = regexp.MustCompile(`^search-[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*-index$`)
)

// UserValue is one per-user setting (GET /user/{userId}/value/{id}): a
// name from a fixed set and its value, which the API returns as a string
// whatever was sent ({"value":1} comes back as "1").
type UserValue struct {
	ID    int64         `json:"id"`
	URI   string        `json:"uri"`
	Name  string        `json:"name"`
	Value UserValueText `json:"value"`
	// User is the user the value belongs to.
	User *Reference `json:"user"`
}

// UserID is the id of the user the value belongs to, 0 when the answer
// does not say.
func (v *UserValue) UserID() int64 {
	if v.User == nil {
		return 0
	}
	return v.User.ID
}

// ownedBy records userID as the value's user when the answer does not
// name it (the path does).
func (v *UserValue) ownedBy(userID int64) {
	if v.User == nil || v.User.ID == 0 {
		v.User = &Reference{ID: userID}
	}
}

// owned completes an answer with its user (ownedBy).
func owned(userID int64) func(*UserValue, error) (*UserValue, error) {
	return func(v *UserValue, err error) (*UserValue, error) {
		if v != nil {
			v.ownedBy(userID)
		}
		return v, err
	}
}

// UserValueText is a value as the API returns it: documented as a string,
// read tolerantly from a JSON number too (as its literal text), and from
// null as the empty string.
type UserValueText string

// UnmarshalJSON reads a string, a number or null.
func (t *UserValueText) UnmarshalJSON(b []byte) error {
	raw := bytes.TrimSpace(b)
	switch {
	case string(raw) == "null":
		*t = ""
	case len(raw) > 0 && raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return fmt.Errorf("user value: %w", err)
		}
		*t = UserValueText(s)
	default:
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return fmt.Errorf("user value: a string or a number, got %s", raw)
		}
		*t = UserValueText(n.String())
	}
	return nil
}

// UserValueInput is the body of POST /user/{userId}/value: the reference
// requires userId, name and value on POST (userId is also the path's). The
// value is always sent as a string, which is its documented type.
type UserValueInput struct {
	UserID int64  `json:"userId"`
	Name   string `json:"name"`
	Value  string `json:"value"`
}

// userValueUpdate is the body of PUT /user/{userId}/value/{id}: only the
// value changes (the example sends only it).
type userValueUpdate struct {
	Value string `json:"value"`
}

// userValues are a user's values, at /user/{id}/value; a list page holds
// them under "uservalues".
func userValues(userID int64) collection[UserValue] {
	return nested[UserValue](users, userID, "value", "uservalues")
}

// ListUserValues returns every value of a user, across all pages;
// IsNotFound(err) when the user does not exist.
func (c *Client) ListUserValues(ctx context.Context, userID int64) ([]UserValue, error) {
	all, err := userValues(userID).list(ctx, c, query{})
	for i := range all {
		all[i].ownedBy(userID)
	}
	return all, err
}

// GetUserValue reads one value by id; IsNotFound(err) when the user does
// not exist or the value is not the user's.
func (c *Client) GetUserValue(ctx context.Context, userID, id int64) (*UserValue, error) {
	return owned(userID)(userValues(userID).get(ctx, c, id))
}

// NoUserValueError says that the user exists but has no value of that
// name. It counts as not found (IsNotFound).
type NoUserValueError struct {
	UserID int64
	Name   string
}

func (e *NoUserValueError) Error() string {
	return fmt.Sprintf("ServiceTrade user %d has no user value named %q", e.UserID, e.Name)
}

// NotFound makes IsNotFound true.
func (e *NoUserValueError) NotFound() bool { return true }

// FindUserValue returns the user's value of that name (names are compared
// exactly). IsNotFound(err) when the user does not exist (404) or has no
// such value (*NoUserValueError).
func (c *Client) FindUserValue(ctx context.Context, userID int64, name string) (*UserValue, error) {
	all, err := c.ListUserValues(ctx, userID)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].Name == name {
			return &all[i], nil
		}
	}
	return nil, &NoUserValueError{UserID: userID, Name: name}
}

// CreateUserValue sets a value of a user with POST, and returns it as
// stored. POST on a name the user already has silently changes that value
// (same id): callers check first. IsNotFound(err) when the user does not
// exist.
func (c *Client) CreateUserValue(ctx context.Context, in UserValueInput) (*UserValue, error) {
	return owned(in.UserID)(userValues(in.UserID).create(ctx, c, in))
}

// UpdateUserValue changes the value of a user's value with PUT, and
// returns it as stored.
func (c *Client) UpdateUserValue(ctx context.Context, userID, id int64, value string) (*UserValue, error) {
	return owned(userID)(userValues(userID).update(ctx, c, id, userValueUpdate{Value: value}))
}

// DeleteUserValue deletes a user's value (DELETE
// /user/{userId}/value/{id}, 204); IsNotFound(err) when the user or the
// value is gone.
func (c *Client) DeleteUserValue(ctx context.Context, userID, id int64) error {
	return userValues(userID).delete(ctx, c, id)
}
