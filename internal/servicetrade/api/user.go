package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
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
}

// User statuses accepted by the status filter.
const (
	UserActive   = "active"
	UserPending  = "pending"
	UserInactive = "inactive"
)

// UserFilter narrows GET /user. Name is a case-insensitive substring match
// on the name, username, e-mail or company name. Statuses defaults, on the
// server, to active only; CompanyID to the logged-in user's company.
type UserFilter struct {
	Name      string
	Statuses  []string
	CompanyID int64
}

// GetUser reads one user, whatever its status; IsNotFound(err) when it does
// not exist.
func (c *Client) GetUser(ctx context.Context, id int64) (*User, error) {
	return fetch[User](ctx, c, http.MethodGet, "/user/"+strconv.FormatInt(id, 10), nil, nil)
}

// ListUsers returns every user matching f, across all pages.
func (c *Client) ListUsers(ctx context.Context, f UserFilter) ([]User, error) {
	q := url.Values{}
	if f.Name != "" {
		q.Set("name", f.Name)
	}
	if len(f.Statuses) > 0 {
		q.Set("status", strings.Join(f.Statuses, ","))
	}
	if f.CompanyID != 0 {
		q.Set("companyId", strconv.FormatInt(f.CompanyID, 10))
	}
	return listAll[User](ctx, c, "/user", q, "users")
}
