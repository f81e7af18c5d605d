package kickserv

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// The Kickserv section of a seed file (see cmd/fieldservice-emulator/SEED.md)
// holds the employees of the account the provider is pointed at (Account):
//
//	kickserv:
//	  employees:
//	    - id: 4294968303           # optional: after the largest id in use
//	      employee_number: 1       # optional: after the largest number in use
//	      name: Emma Ulator        # required
//	      username: emma
//	      can_login: true          # needs username and a password
//	      password: s3cret         # write-only: hashed at load, never dumped
//	      is_account_owner: true
//
// Fields are the XML element names of GET /employees/<n>.xml, underscored
// (employee_number, not employee-number). The account owner (at most one
// entry with is_account_owner: true) always authenticates with the fixed,
// public API token (APIToken), whatever its password; when the section names
// no owner, the built-in one (Emma Ulator, username emma) is added. The
// other employees get fresh API tokens (the API never shows them). The
// account OtherAccount keeps its built-in employees and is not dumped.
//
// Passwords: the API takes a password and never gives it back, but its
// GET shows the salted hash (encrypted_password, password_salt). A seed may
// give either a plain password (hashed at load, as the API does) or the
// hash and salt a dump wrote, so that a dump loaded again keeps every
// employee's password; not both.
type seedSection struct {
	Employees []json.RawMessage `json:"employees"`
}

type seedEmployee struct {
	ID                *int64  `json:"id"`
	EmployeeNumber    *int64  `json:"employee_number"`
	Name              string  `json:"name"`
	Username          *string `json:"username"`
	EmailAddress      *string `json:"email_address"`
	CanLogin          *bool   `json:"can_login"`
	Active            *bool   `json:"active"`
	IsAccountOwner    *bool   `json:"is_account_owner"`
	CellPhone         *string `json:"cell_phone"`
	HomePhone         *string `json:"home_phone"`
	Address           *string `json:"address"`
	City              *string `json:"city"`
	State             *string `json:"state"`
	ZipCode           *string `json:"zip_code"`
	NotifyViaEmail    *bool   `json:"notify_via_email"`
	NotifyViaMobile   *bool   `json:"notify_via_mobile"`
	Password          *string `json:"password"`
	EncryptedPassword *string `json:"encrypted_password"`
	PasswordSalt      *string `json:"password_salt"`
	RememberToken     *string `json:"remember_token"`
	CreatedAt         string  `json:"created_at"`
	UpdatedAt         string  `json:"updated_at"`
}

// dumpEmployee is what Dump writes: the stored fields in the order of the
// API's XML, text fields the employee does not have left out.
type dumpEmployee struct {
	ID                int64   `json:"id"`
	EmployeeNumber    int64   `json:"employee_number"`
	Name              string  `json:"name"`
	Username          *string `json:"username,omitempty"`
	EmailAddress      *string `json:"email_address,omitempty"`
	CanLogin          bool    `json:"can_login"`
	Active            bool    `json:"active"`
	IsAccountOwner    bool    `json:"is_account_owner"`
	CellPhone         *string `json:"cell_phone,omitempty"`
	HomePhone         *string `json:"home_phone,omitempty"`
	Address           *string `json:"address,omitempty"`
	City              *string `json:"city,omitempty"`
	State             *string `json:"state,omitempty"`
	ZipCode           *string `json:"zip_code,omitempty"`
	NotifyViaEmail    bool    `json:"notify_via_email"`
	NotifyViaMobile   bool    `json:"notify_via_mobile"`
	EncryptedPassword *string `json:"encrypted_password,omitempty"`
	PasswordSalt      *string `json:"password_salt,omitempty"`
	RememberToken     *string `json:"remember_token,omitempty"`
	CreatedAt         string  `json:"created_at"`
	UpdatedAt         string  `json:"updated_at"`
}

type dumpSection struct {
	Employees []dumpEmployee `json:"employees"`
}

// NewSeeded returns an emulator whose account Account holds the employees
// section, the kickserv member of a seed file, says: nil is the built-in
// seed, as New. The error lists every invalid entry, one per line (see
// seedfile.Errors).
func NewSeeded(opts Options, section json.RawMessage) (*Server, error) {
	if section == nil {
		return New(opts), nil
	}
	var errs seedfile.Errors
	sec, ok := seedfile.Decode[seedSection](section, seedfile.Kickserv, &errs)
	if !ok {
		return nil, errs.Err()
	}
	type entry struct {
		e        *employee
		password *string
		path     string
		name     string
		hasID    bool
		hasNum   bool
	}
	var (
		entries   []entry
		ids       = map[int64]string{} // id -> path of the entry that gave it
		numbers   = map[int64]string{}
		usernames = map[string]string{} // lower-cased username -> path
		owner     = ""                  // path of the owner entry
		loadTime  = time.Now().In(zone).Truncate(time.Second)
		maxID     = firstID
		maxNumber int64
	)
	for i, raw := range sec.Employees {
		path := seedfile.Path(seedfile.Kickserv+".employees", i)
		name := seedfile.Name(raw, "name", "username")
		in, ok := seedfile.DecodeNamed[seedEmployee](raw, path, name, &errs)
		if !ok {
			continue
		}
		e := &employee{
			Name: in.Name, Username: in.Username, EmailAddress: in.EmailAddress,
			CanLogin: deref(in.CanLogin, false), Active: deref(in.Active, true), IsAccountOwner: deref(in.IsAccountOwner, false),
			CellPhone: in.CellPhone, HomePhone: in.HomePhone, Address: in.Address, City: in.City, State: in.State, ZipCode: in.ZipCode,
			NotifyViaEmail: deref(in.NotifyViaEmail, true), NotifyViaMobile: deref(in.NotifyViaMobile, false),
			RememberToken: in.RememberToken,
		}
		en := entry{e: e, password: in.Password, path: path, name: name}
		if in.ID != nil {
			en.hasID, e.ID = true, *in.ID
			switch {
			case e.ID <= 0:
				errs.Add(path, name, "id %d is not a Kickserv id: ids are positive (leave id out for a fresh one)", e.ID)
			case ids[e.ID] != "":
				errs.Add(path, name, "id %d is already the id of %s: ids are unique", e.ID, ids[e.ID])
			default:
				ids[e.ID] = path
				maxID = max(maxID, e.ID)
			}
		}
		if in.EmployeeNumber != nil {
			en.hasNum, e.Number = true, *in.EmployeeNumber
			switch {
			case e.Number <= 0:
				errs.Add(path, name, "employee_number %d is not an employee number: numbers are positive (leave it out for the next one)", e.Number)
			case numbers[e.Number] != "":
				errs.Add(path, name, "employee_number %d is already the number of %s: employee numbers are unique in an account", e.Number, numbers[e.Number])
			default:
				numbers[e.Number] = path
				maxNumber = max(maxNumber, e.Number)
			}
		}
		if strings.TrimSpace(e.Name) == "" {
			errs.Add(path, name, "name is required (Kickserv: \"Name can't be blank\")")
		}
		if e.Username != nil && strings.TrimSpace(*e.Username) != "" {
			key := strings.ToLower(*e.Username)
			if first := usernames[key]; first != "" {
				// Case-insensitive, as the API's own check (see validate).
				errs.Add(path, name, "username %q is already the username of %s: usernames are unique in an account, whatever their case", *e.Username, first)
			} else {
				usernames[key] = path
			}
		}
		hasHash := in.EncryptedPassword != nil || in.PasswordSalt != nil
		switch {
		case in.Password != nil && hasHash:
			errs.Add(path, name, "give either password (a plain password, hashed at load) or encrypted_password and password_salt (what a dump writes), not both")
		case in.Password != nil && *in.Password == "":
			errs.Add(path, name, "password is empty: give a password, or leave it out for an employee without one")
		case hasHash:
			if hash, salt, msg := decodeHash(in.EncryptedPassword, in.PasswordSalt); msg != "" {
				errs.Add(path, name, "%s", msg)
			} else {
				e.PasswordHash, e.PasswordSalt = hash, salt
			}
		}
		if e.CanLogin {
			if e.Username == nil || strings.TrimSpace(*e.Username) == "" {
				errs.Add(path, name, "can_login is true but username is missing: an employee who logs in needs a username (Kickserv: \"Username can't be blank\")")
			}
			if in.Password == nil && !hasHash {
				errs.Add(path, name, "can_login is true but the employee has no password: give password (Kickserv: \"Password can't be blank\")")
			}
		}
		if e.IsAccountOwner {
			if owner != "" {
				errs.Add(path, name, "is_account_owner is true, and %s is already the account owner: an account has one owner", owner)
			} else {
				owner = path
			}
			if !e.Active {
				errs.Add(path, name, "the account owner is inactive: the owner authenticates the provider (KICKSERV_API_TOKEN) and cannot be made inactive (Kickserv: \"The account owner can't be made inactive\")")
			}
		}
		if created, updated, ok := seedfile.Stamps(in.CreatedAt, in.UpdatedAt, "2024-01-02T09:04:05-06:00", zone, loadTime, path, name, &errs); ok {
			e.CreatedAt, e.UpdatedAt = created, updated
		}
		entries = append(entries, en)
	}
	if owner == "" {
		if first := usernames["emma"]; first != "" {
			errs.Add(first, "", "username emma is the built-in account owner's, which is added because no employee has is_account_owner: true; mark the owner among the employees, or give this one another username")
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}

	s := newServer(opts)
	a := &account{slug: Account, employees: map[int64]*employee{}}
	s.accounts[Account] = a
	s.nextID, a.nextNumber = maxID, maxNumber
	for _, en := range entries {
		e := en.e
		if !en.hasID {
			s.nextID += 7 // as addEmployee: ids never line up with numbers
			e.ID = s.nextID
		}
		if !en.hasNum {
			a.nextNumber++
			e.Number = a.nextNumber
		}
		if en.password != nil {
			e.setPassword(*en.password)
		}
		e.APIToken = newToken()
		if e.IsAccountOwner {
			e.APIToken = APIToken
		}
		a.employees[e.Number] = e
	}
	if owner == "" {
		s.addOwner(a, APIToken, "Emma Ulator", "emma", loadTime)
	}
	// The other account, which tests use to show a token opens one account
	// only, keeps its built-in employees, with ids after the seed's.
	s.seed(OtherAccount, OtherAPIToken, "Otto Other", "otto")
	return s, nil
}

func deref[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// decodeHash reads the password material a dump writes (base64, as GET
// shows it). msg says what is wrong, "" when nothing is.
func decodeHash(enc, salt *string) (hash, saltBytes []byte, msg string) {
	if enc == nil || salt == nil {
		return nil, nil, "encrypted_password and password_salt go together (both from a dump); to set a password, give password instead"
	}
	hash, err := base64.StdEncoding.DecodeString(*enc)
	if err != nil || len(hash) != 32 {
		return nil, nil, "encrypted_password is not what this emulator writes (the base64 of a 32-byte hash); to set a password, give password instead"
	}
	saltBytes, err = base64.StdEncoding.DecodeString(*salt)
	if err != nil || len(saltBytes) == 0 {
		return nil, nil, "password_salt is not what this emulator writes (base64); to set a password, give password instead"
	}
	return hash, saltBytes, ""
}

// Dump returns the kickserv section of a seed file holding the employees
// of the account Account, sorted by id, every one with its id and
// employee number, the password as its hash and salt: loading a dump and
// dumping again gives the same bytes.
func (s *Server) Dump() (json.RawMessage, error) {
	s.mu.Lock()
	a := s.accounts[Account]
	out := dumpSection{Employees: make([]dumpEmployee, 0, len(a.employees))}
	for _, e := range a.employees {
		d := dumpEmployee{
			ID: e.ID, EmployeeNumber: e.Number, Name: e.Name, Username: e.Username, EmailAddress: e.EmailAddress,
			CanLogin: e.CanLogin, Active: e.Active, IsAccountOwner: e.IsAccountOwner,
			CellPhone: e.CellPhone, HomePhone: e.HomePhone, Address: e.Address, City: e.City, State: e.State, ZipCode: e.ZipCode,
			NotifyViaEmail: e.NotifyViaEmail, NotifyViaMobile: e.NotifyViaMobile, RememberToken: e.RememberToken,
			CreatedAt: e.CreatedAt.In(zone).Format(time.RFC3339), UpdatedAt: e.UpdatedAt.In(zone).Format(time.RFC3339),
		}
		if e.PasswordHash != nil {
			d.EncryptedPassword, d.PasswordSalt = ptr(b64(e.PasswordHash)), ptr(b64(e.PasswordSalt))
		}
		out.Employees = append(out.Employees, d)
	}
	s.mu.Unlock()
	sort.Slice(out.Employees, func(i, j int) bool { return out.Employees[i].ID < out.Employees[j].ID })
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("dumping Kickserv: %w", err)
	}
	return json.RawMessage(bytes.TrimSpace(b.Bytes())), nil
}
