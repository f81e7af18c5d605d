package api

import (
	"context"
	"net/url"
)

// User is a ServiceTrade user (GET /user/{id}).
type User struct {
	ID           int64         `json:"id"`
	URI          string        `json:"uri"`
	Name         string        `json:"name"`
	Username     string        `json:"username"`
	FirstName    string        `json:"firstName"`
	LastName     string        `json:"lastName"`
	Email        string        `json:"email"`
	Phone        string        `json:"phone"`
	Timezone     string        `json:"timezone"`
	Status       string        `json:"status"`
	IsTech       bool          `json:"isTech"`
	IsSales      bool          `json:"isSales"`
	IsHelper     bool          `json:"isHelper"`
	Company      *Reference    `json:"company"`
	Location     *Reference    `json:"location"`
	ServiceLines []ServiceLine `json:"serviceLines"`
	// Details is "brief information about this user, visible to the
	// public"; null when never set.
	Details *string `json:"details"`
	// Roles are the roles the user holds (id and name).
	Roles   []Reference `json:"roles"`
	Created int64       `json:"created"`
	Updated int64       `json:"updated"`
}

// Active reports whether the user is active.
func (u User) Active() bool { return u.Status == UserActive }

// User statuses accepted by the status filter. A user may also have the
// status UserShadow, "reserved for system users", which the filter does not
// take.
const (
	UserActive   = "active"
	UserPending  = "pending"
	UserInactive = "inactive"
	UserShadow   = "shadow"
)

// UserListedStatuses are the statuses the list filter takes: asking for all
// of them lists every user but the shadow ones.
var UserListedStatuses = []string{UserActive, UserPending, UserInactive}

// UserFilter narrows GET /user. Name is a case-insensitive substring match
// on the name, username, e-mail or company name. Statuses defaults, on the
// server, to active only; CompanyID to the logged-in user's company.
type UserFilter struct {
	Name      string
	Statuses  []string
	CompanyID int64
}

// query is the list's query for f.
func (f UserFilter) query() query {
	return query{}.text("name", f.Name).list("status", f.Statuses).id("companyId", f.CompanyID)
}

// users are at /user; a list page holds them under "users".
// Reads by id are served from the list of the users of every status but
// shadow, of the authenticated user's company (the API's default); others
// are read by id.
var users = collection[User]{path: "/user", listKey: "users", listed: &listing{query: url.Values(UserFilter{Statuses: UserListedStatuses}.query())}}

// GetUser reads one user, whatever its status; IsNotFound(err) when it does
// not exist.
func (c *Client) GetUser(ctx context.Context, id int64) (*User, error) {
	return users.get(ctx, c, id)
}

// ListUsers returns every user matching f, across all pages.
func (c *Client) ListUsers(ctx context.Context, f UserFilter) ([]User, error) {
	return users.list(ctx, c, f.query())
}

// ListAllUsers returns every user of the logged-in user's company, active,
// pending and inactive (the API lists active users only unless asked).
func (c *Client) ListAllUsers(ctx context.Context) ([]User, error) {
	return c.ListUsers(ctx, UserFilter{Statuses: UserListedStatuses})
}

// UserInput is the body of POST /user and PUT /user/{id}. Username is sent
// on create only (PUT does not take it); the password only when set, and
// never logged or echoed: the API never returns it.
//
// The reference repeats the POST defaults in the PUT table ("defaults to
// active if not provided", "defaults to no", "defaults to none", "the
// account's time zone is used instead"), so a PUT that leaves out status,
// isSales, serviceLineIds or timezone may reset them: this client always
// sends status, isSales and serviceLineIds, and the caller sends the
// time zone it means to keep.
type UserInput struct {
	Username       string  `json:"username,omitempty"`
	FirstName      string  `json:"firstName"`
	LastName       string  `json:"lastName"`
	Password       string  `json:"password,omitempty"`
	Email          string  `json:"email"`
	Phone          string  `json:"phone"`
	CompanyID      int64   `json:"companyId"`
	LocationID     int64   `json:"locationId"`
	Details        string  `json:"details"`
	Status         string  `json:"status"`
	IsSales        bool    `json:"isSales"`
	Timezone       string  `json:"timezone,omitempty"`
	ServiceLineIDs []int64 `json:"serviceLineIds"`
}

// body is in with a non-nil service line list, which "defaults to none"
// when left out.
func (in UserInput) body() UserInput {
	if in.ServiceLineIDs == nil {
		in.ServiceLineIDs = []int64{}
	}
	return in
}

// CreateUser creates a user and returns it as the API echoes it.
func (c *Client) CreateUser(ctx context.Context, in UserInput) (*User, error) {
	return users.create(ctx, c, in.body())
}

// UpdateUser sends every field of in but the username and returns the user
// as stored; IsNotFound(err) when it does not exist.
func (c *Client) UpdateUser(ctx context.Context, id int64, in UserInput) (*User, error) {
	in.Username = ""
	return users.update(ctx, c, id, in.body())
}

// UserInputOf is the PUT body that keeps u as it is, for changes made from
// a user as read (a status change alone would reset the fields the PUT
// defaults).
func UserInputOf(u User) UserInput {
	in := UserInput{
		FirstName: u.FirstName, LastName: u.LastName, Email: u.Email, Phone: u.Phone,
		Status: u.Status, IsSales: u.IsSales, Timezone: u.Timezone, ServiceLineIDs: []int64{},
	}
	if u.Details != nil {
		in.Details = *u.Details
	}
	if u.Company != nil {
		in.CompanyID = u.Company.ID
	}
	if u.Location != nil {
		in.LocationID = u.Location.ID
	}
	for _, sl := range u.ServiceLines {
		in.ServiceLineIDs = append(in.ServiceLineIDs, sl.ID)
	}
	return in
}

// SetUserStatus reads the user and sends it back with the status given:
// ServiceTrade cannot delete users (DELETE answers 405), so deactivating
// (UserInactive) stands for the delete.
func (c *Client) SetUserStatus(ctx context.Context, id int64, status string) (*User, error) {
	u, err := c.GetUser(ctx, id)
	if err != nil {
		return nil, err
	}
	in := UserInputOf(*u)
	in.Status = status
	return c.UpdateUser(ctx, id, in)
}
