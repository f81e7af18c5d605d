package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Employee is a Kickserv employee as the API returns it. Kickserv gives an
// employee two identifiers: ID (internal; job assignments and time entries
// use it) and Number (the URL key, "employee number").
//
// The API also returns password material (encrypted_password,
// password_salt, remember_token) when not told otherwise: the client asks
// only for the fields below and has nowhere to put the others.
type Employee struct {
	ID             int64
	Number         int64
	Name           string
	Username       *string
	EmailAddress   *string
	CanLogin       bool
	Active         bool
	IsAccountOwner bool
	CellPhone      *string
	HomePhone      *string
	Address        *string
	City           *string
	State          *string
	ZipCode        *string
	NotifyViaEmail bool
	// NotifyViaMobile is notification by text message.
	NotifyViaMobile bool
	CreatedAt       *time.Time
	UpdatedAt       *time.Time
}

// employeeFields is the only= list sent with every request that returns
// employees: what the provider needs, and never password material.
var employeeFields = []string{
	"id", "employee_number", "name", "username", "email_address", "can_login", "active", "is_account_owner",
	"cell_phone", "home_phone", "address", "city", "state", "zip_code", "notify_via_email", "notify_via_mobile",
	"created_at", "updated_at",
}

func onlyQuery() url.Values {
	return url.Values{"only": {strings.Join(employeeFields, ",")}}
}

// decodeEmployee reads an <employee> element. Unknown elements are ignored.
func decodeEmployee(n *node) (Employee, error) {
	var e Employee
	var ok bool
	var err error
	if e.ID, ok, err = n.integer("id"); err != nil || !ok {
		return e, fmt.Errorf("employee without a usable <id> (%v)", err)
	}
	if e.Number, ok, err = n.integer("employee_number"); err != nil || !ok {
		return e, fmt.Errorf("employee %d without a usable <employee-number> (%v)", e.ID, err)
	}
	if c := n.child("name"); !c.isNull() {
		e.Name = c.text
	}
	e.Username = n.str("username")
	e.EmailAddress = n.str("email_address")
	e.CanLogin = n.boolean("can_login", false)
	e.Active = n.boolean("active", true)
	e.IsAccountOwner = n.boolean("is_account_owner", false)
	e.CellPhone = n.str("cell_phone")
	e.HomePhone = n.str("home_phone")
	e.Address = n.str("address")
	e.City = n.str("city")
	e.State = n.str("state")
	e.ZipCode = n.str("zip_code")
	e.NotifyViaEmail = n.boolean("notify_via_email", false)
	e.NotifyViaMobile = n.boolean("notify_via_mobile", false)
	e.CreatedAt = n.datetime("created_at")
	e.UpdatedAt = n.datetime("updated_at")
	return e, nil
}

// decodeOneEmployee reads a response body holding one <employee>; ok is
// false when the body holds none (Kickserv answers a PUT with an empty 200).
func decodeOneEmployee(body []byte) (*Employee, bool, error) {
	if strings.TrimSpace(string(body)) == "" {
		return nil, false, nil
	}
	root, err := parseXML(body)
	if err != nil {
		return nil, false, err
	}
	if root.name != "employee" {
		if root = root.child("employee"); root == nil {
			return nil, false, nil
		}
	}
	e, err := decodeEmployee(root)
	if err != nil {
		return nil, false, err
	}
	return &e, true, nil
}

// EmployeeInput is the body of a create or an update. A nil field is not
// sent. A pointer to "" clears an optional text field (sent as
// nil="true"; Kickserv stores no empty strings from the API). Password is
// sent only when non-empty, and never logged.
type EmployeeInput struct {
	Name            *string
	Username        *string
	EmailAddress    *string
	CanLogin        *bool
	Active          *bool
	CellPhone       *string
	HomePhone       *string
	Address         *string
	City            *string
	State           *string
	ZipCode         *string
	NotifyViaEmail  *bool
	NotifyViaMobile *bool
	// Password changes the employee's login password, and with it the
	// employee's API token.
	Password *string
}

// Empty reports whether the input would change nothing.
func (in EmployeeInput) Empty() bool {
	pw := in.Password
	in.Password = nil
	return in == EmployeeInput{} && (pw == nil || *pw == "")
}

// xml renders <employee>…</employee> with underscored element names, as in
// the docs' examples.
func (in EmployeeInput) xml() []byte {
	var x xmlBuilder
	x.open("employee")
	texts := []struct {
		name string
		v    *string
	}{
		{"name", in.Name}, {"username", in.Username}, {"email_address", in.EmailAddress},
		{"cell_phone", in.CellPhone}, {"home_phone", in.HomePhone}, {"address", in.Address},
		{"city", in.City}, {"state", in.State}, {"zip_code", in.ZipCode},
	}
	for _, t := range texts {
		if t.v != nil {
			x.text(t.name, *t.v)
		}
	}
	bools := []struct {
		name string
		v    *bool
	}{
		{"can_login", in.CanLogin}, {"active", in.Active},
		{"notify_via_email", in.NotifyViaEmail}, {"notify_via_mobile", in.NotifyViaMobile},
	}
	for _, b := range bools {
		if b.v != nil {
			x.boolean(b.name, *b.v)
		}
	}
	if in.Password != nil && *in.Password != "" {
		x.text("password", *in.Password)
	}
	x.close("employee")
	return x.bytes()
}

// body renders in as a request body, first registering its password with
// the transport's redactor: the password is a credential (it is also the
// employee's login, and changes the employee's API token), and a server may
// quote it back anywhere, in a validation message or a field not named
// "password", where redaction by field name cannot see it.
func (c *Client) body(in EmployeeInput) []byte {
	if in.Password != nil {
		c.http.AddSecret(*in.Password)
	}
	return in.xml()
}

// EmployeeFilter narrows GET /employees.xml.
type EmployeeFilter struct {
	// Active, when set, keeps only active (true) or inactive (false)
	// employees.
	Active *bool
}

func employeePath(number int64) string {
	return "/employees/" + strconv.FormatInt(number, 10) + ".xml"
}

// GetEmployee reads one employee by employee number; IsNotFound(err) when
// there is no such employee.
func (c *Client) GetEmployee(ctx context.Context, number int64) (*Employee, error) {
	root, err := c.get(ctx, employeePath(number), onlyQuery(), strconv.FormatInt(number, 10))
	if err != nil {
		return nil, err
	}
	if root.name != "employee" {
		return nil, fmt.Errorf("Kickserv GET %s answered <%s>, not <employee>", c.accountPrefix+employeePath(number), root.name)
	}
	e, err := decodeEmployee(root)
	if err != nil {
		return nil, fmt.Errorf("decoding Kickserv employee %d: %w", number, err)
	}
	return &e, nil
}

// ListEmployees returns every employee matching f, across all pages.
//
// The reference says "Filters are query params" but names none for
// employees, so ?active= is only a hint: it is sent (a server that filters
// returns less, and one that lists only active employees by default may
// need it to list inactive ones), and the answer is filtered here, so that
// the result is right whether the server filters or ignores it.
func (c *Client) ListEmployees(ctx context.Context, f EmployeeFilter) ([]Employee, error) {
	q := onlyQuery()
	if f.Active != nil {
		q.Set("active", strconv.FormatBool(*f.Active))
	}
	all, err := listAll(ctx, c, "/employees.xml", q, "employee", decodeEmployee, func(e Employee) string { return strconv.FormatInt(e.ID, 10) })
	if err != nil || f.Active == nil {
		return all, err
	}
	kept := all[:0]
	for _, e := range all {
		if e.Active == *f.Active {
			kept = append(kept, e)
		}
	}
	return kept, nil
}

// CreateEmployee creates an employee and returns it as stored. Kickserv
// assigns the employee number and id.
func (c *Client) CreateEmployee(ctx context.Context, in EmployeeInput) (*Employee, error) {
	resp, err := c.do(ctx, request{method: http.MethodPost, path: "/employees.xml", query: onlyQuery(), body: c.body(in)})
	if err != nil {
		return nil, err
	}
	e, ok, err := decodeOneEmployee(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("decoding the Kickserv employee create response: %w", err)
	}
	if ok {
		return e, nil
	}
	// No record in the answer: follow the Location header if there is one.
	if number, found := numberFromLocation(resp.Header.Get("Location")); found {
		return c.GetEmployee(ctx, number)
	}
	return nil, errors.New("Kickserv accepted the new employee but returned neither the record nor its location; look for it in Kickserv and import it")
}

// numberFromLocation reads the employee number from a Location such as
// https://app.kickserv.com/acme/employees/12.xml.
func numberFromLocation(loc string) (int64, bool) {
	i := strings.LastIndex(loc, "/employees/")
	if i < 0 {
		return 0, false
	}
	rest := strings.TrimSuffix(loc[i+len("/employees/"):], ".xml")
	n, err := strconv.ParseInt(rest, 10, 64)
	return n, err == nil && n > 0
}

// UpdateEmployee changes the fields set in in and returns the employee as
// stored. Kickserv answers a PUT with an empty 200, so the employee is read
// back unless the answer carries it. An empty input only reads.
func (c *Client) UpdateEmployee(ctx context.Context, number int64, in EmployeeInput) (*Employee, error) {
	if in.Empty() {
		return c.GetEmployee(ctx, number)
	}
	resp, err := c.do(ctx, request{method: http.MethodPut, path: employeePath(number), query: onlyQuery(), body: c.body(in), record: strconv.FormatInt(number, 10)})
	if err != nil {
		return nil, err
	}
	e, ok, err := decodeOneEmployee(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("decoding the Kickserv employee %d update response: %w", number, err)
	}
	if ok {
		return e, nil
	}
	return c.GetEmployee(ctx, number)
}

// Deactivate makes an employee inactive (PUT active=false), the only way to
// retire one, since "Employees can be made inactive but cannot be deleted"
// (the reference).
func (c *Client) Deactivate(ctx context.Context, number int64) (*Employee, error) {
	inactive := false
	return c.UpdateEmployee(ctx, number, EmployeeInput{Active: &inactive})
}

// Retire makes an employee inactive with one PUT and reads nothing back:
// what destroy needs, at a third of Deactivate's cost when the update
// answers with an empty body.
func (c *Client) Retire(ctx context.Context, number int64) error {
	inactive := false
	in := EmployeeInput{Active: &inactive}
	_, err := c.do(ctx, request{method: http.MethodPut, path: employeePath(number), query: onlyQuery(), body: c.body(in), record: strconv.FormatInt(number, 10)})
	return err
}
