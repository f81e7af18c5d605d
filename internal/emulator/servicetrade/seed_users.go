package servicetrade

import (
	"encoding/json"
	"slices"
	"strings"
)

// Users, their roles, and the login user.
//
// The login rule: the emulator's credentials (ClientID, Username) log in
// as the user whose username is Username. A section that has no such user
// gets one, in the account company, as the built-in seed's first user
// (SeedUsers[0]), at the account company's first office; a section that
// has one must put it in the account company (every list of users
// defaults to the logged-in user's company).
//
// roleIds are the roles the user holds; without it the user holds the
// default role (seed_roles.go), as users created through the API do. A
// dump always writes it. Passwords are not part of a seed: a seeded user
// has none (UserPasswordMatches is false), which no API call shows.

// seedUser is a user entry.
type seedUser struct {
	ID             int64   `json:"id"`
	Username       string  `json:"username"`
	FirstName      string  `json:"firstName"`
	LastName       string  `json:"lastName"`
	Email          string  `json:"email"`
	Phone          string  `json:"phone,omitempty"`
	Timezone       string  `json:"timezone"`
	Status         string  `json:"status"`
	IsSales        bool    `json:"isSales,omitempty"`
	IsTech         bool    `json:"isTech,omitempty"`
	IsHelper       bool    `json:"isHelper,omitempty"`
	CompanyID      int64   `json:"companyId"`
	LocationID     int64   `json:"locationId,omitempty"`
	ServiceLineIDs []int64 `json:"serviceLineIds,omitempty"`
	Details        *string `json:"details,omitempty"`
	RoleIDs        []int64 `json:"roleIds"`
	seedStamp
	seedURI
	// Name is derived (firstName lastName): accepted and ignored.
	Name json.RawMessage `json:"name,omitempty"`
}

func init() {
	registerSeedKind(seedKind{
		name: "users", after: []string{"companies", "locations", "service_lines", "roles"}, ids: true,
		load: loadUsers,
		dump: func(s *Server) any {
			return dumpSorted(s.users, func(u *user) seedUser {
				return seedUser{ID: u.ID, Username: u.Username, FirstName: u.FirstName, LastName: u.LastName, Email: u.Email,
					Phone: u.Phone, Timezone: u.Timezone, Status: u.Status, IsSales: u.IsSales, IsTech: u.IsTech, IsHelper: u.IsHelper,
					CompanyID: u.CompanyID, LocationID: u.LocationID, ServiceLineIDs: u.ServiceLineIDs, Details: u.Details,
					RoleIDs: orEmpty(slices.Clone(s.rolesOf(u.ID))), seedStamp: seedStamp{ptr(u.Created), ptr(u.Updated)}}
			})
		},
	})
}

func loadUsers(l *seedLoader, raw json.RawMessage) {
	s := l.s
	for _, it := range seedEntries[seedUser](l, "users", raw, "username", "email") {
		v := it.v
		for _, f := range []struct{ name, value string }{{"username", v.Username}, {"firstName", v.FirstName}, {"lastName", v.LastName}, {"email", v.Email}} {
			it.required(f.name, f.value)
		}
		if other := s.userByUsernameFold(v.Username); v.Username != "" && other != nil {
			it.fail("username %q is already user %d's (%q): usernames are unique, ignoring case", v.Username, other.ID, other.Username)
		}
		u := &user{Username: v.Username, FirstName: v.FirstName, LastName: v.LastName, Email: v.Email, Phone: v.Phone,
			Timezone: accountTimezone, Status: it.oneOf("status", v.Status, "active", userStatuses),
			IsSales: v.IsSales, IsTech: v.IsTech, IsHelper: v.IsHelper, CompanyID: v.CompanyID, LocationID: v.LocationID,
			ServiceLineIDs: v.ServiceLineIDs, Details: v.Details}
		if v.Timezone != "" {
			if !validTimezone(v.Timezone) {
				it.fail("timezone %q is not an IANA time zone identifier (America/New_York, Europe/Paris, ...)", v.Timezone)
			}
			u.Timezone = v.Timezone
		}
		if u.CompanyID == 0 {
			u.CompanyID = s.accountCompanyID
		}
		ref(it.seedEntry, "companyId", u.CompanyID, s.companies, "a company", "companies")
		if loc := s.locations[u.LocationID]; u.LocationID != 0 && (loc == nil || loc.CompanyID != u.CompanyID) {
			it.fail("locationId %d is not a location of the user's company %d (the user's home office is one of its locations)", u.LocationID, u.CompanyID)
		}
		it.refList("serviceLineIds", v.ServiceLineIDs, func(field string, id int64) bool {
			return ref(it.seedEntry, field, id, s.serviceLines, "a service line", "service_lines")
		})
		it.refList("roleIds", v.RoleIDs, func(field string, id int64) bool {
			return ref(it.seedEntry, field, id, s.access.roles, "a role", "roles")
		})
		u.Created, u.Updated = it.stamps(v.Created, v.Updated)
		id, ok := it.id(v.ID)
		if !ok {
			continue
		}
		u.ID = id
		s.users[id] = u
		if v.RoleIDs != nil {
			s.access.assigned[id] = slices.Sorted(slices.Values(v.RoleIDs))
		}
	}
	l.ensureLoginUser()
}

// userByUsernameFold is the user whose username is name, ignoring case.
func (s *Server) userByUsernameFold(name string) *user {
	for _, id := range sortedKeys(s.users) {
		if strings.EqualFold(s.users[id].Username, name) {
			return s.users[id]
		}
	}
	return nil
}

// ensureLoginUser applies the login rule.
func (l *seedLoader) ensureLoginUser() {
	s, path := l.s, seedSection+".users"
	if u := s.userByUsernameFold(Username); u != nil {
		switch {
		case u.Username != Username:
			l.errs.Add(path, "", "user %d's username %q differs from the login user's %q only in case: spell it %q (or use another username)", u.ID, u.Username, Username, Username)
		case u.CompanyID != s.accountCompanyID:
			l.errs.Add(path, "", "user %d (%q) is the login user: it belongs to the account company %d, not to company %d", u.ID, Username, s.accountCompanyID, u.CompanyID)
		}
		return
	}
	if s.vendorCompany() == nil {
		return // the account company is wrong, and said so
	}
	su := SeedUsers[0]
	u := &user{ID: s.newID(), Username: Username, FirstName: su.FirstName, LastName: su.LastName, Email: su.Email,
		Timezone: accountTimezone, Status: "active", CompanyID: s.accountCompanyID, Created: seedTime, Updated: seedTime}
	for _, id := range sortedKeys(s.locations) {
		if s.locations[id].IsVendor {
			u.LocationID = id
			break
		}
	}
	s.users[u.ID] = u
}
