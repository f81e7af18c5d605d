package api

import "context"

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

// users are at /user; a list page holds them under "users".
var users = collection[User]{path: "/user", listKey: "users"}

// GetUser reads one user, whatever its status; IsNotFound(err) when it does
// not exist.
func (c *Client) GetUser(ctx context.Context, id int64) (*User, error) {
	return users.get(ctx, c, id)
}

// ListUsers returns every user matching f, across all pages.
func (c *Client) ListUsers(ctx context.Context, f UserFilter) ([]User, error) {
	return users.list(ctx, c, query{}.text("name", f.Name).list("status", f.Statuses).id("companyId", f.CompanyID))
}
