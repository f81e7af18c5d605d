package servicetrade

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	// Time zone identifiers are checked against the IANA database, the
	// same on every machine.
	_ "time/tzdata"
)

// user is a ServiceTrade user: seeded ones, and those clients create with
// POST /user. The API cannot delete users (DELETE /user answers 405):
// they are deactivated with PUT status=inactive.
type user struct {
	ID                                   int64
	Username, FirstName, LastName, Email string
	Phone, Timezone                      string
	Status                               string
	IsSales, IsTech, IsHelper            bool
	CompanyID, LocationID                int64
	ServiceLineIDs                       []int64
	// Details is null until set ("details": null in the create example).
	Details          *string
	Created, Updated int64
	// passwordHash is the SHA-256 of the password, which no answer shows.
	passwordHash [32]byte
}

// userStatuses are the statuses POST and PUT take; "shadow" is "reserved
// for system users" but accepted. The list filter takes the first three.
var userStatuses = []string{"active", "inactive", "pending", "shadow"}

// accountTimezone is the account's time zone, which a user created without
// one gets ("if not provided, the account's time zone is used instead").
const accountTimezone = "America/New_York"

func (s *Server) seedUsers() {
	vendor := s.vendorCompany()
	// Home offices in turn; techs and helpers provide the fire lines.
	var offices []int64
	for _, id := range sortedKeys(s.locations) {
		if s.locations[id].IsVendor {
			offices = append(offices, id)
		}
	}
	var fireLines []int64
	for _, abbr := range []string{"SUPP", "SPRK"} {
		fireLines = append(fireLines, s.serviceLineByAbbr(abbr).ID)
	}
	for i, su := range SeedUsers {
		u := &user{
			ID: s.newID(), Username: su.Username, FirstName: su.FirstName, LastName: su.LastName, Email: su.Email,
			Phone: "919555" + strconv.Itoa(100+i) + "0", Timezone: accountTimezone, Status: su.Status,
			IsSales: su.IsSales, IsTech: su.IsTech, IsHelper: su.IsHelper,
			CompanyID: vendor.ID, LocationID: offices[(i+1)%len(offices)],
			Created: seedTime, Updated: seedTime,
		}
		if u.IsTech || u.IsHelper {
			u.ServiceLineIDs = fireLines
		}
		s.users[u.ID] = u
	}
}

// userByUsername is called with s.mu held.
func (s *Server) userByUsername(username string) *user {
	for _, id := range sortedKeys(s.users) {
		if s.users[id].Username == username {
			return s.users[id]
		}
	}
	return nil
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/user", s.protected(s.userCollection))
		mux.HandleFunc("/user/{id}", s.protected(s.userItem))
	})
}

// userJSON renders a user. Called with s.mu held.
func (s *Server) userJSON(r *http.Request, u *user) map[string]any {
	var home map[string]any
	if l := s.locations[u.LocationID]; l != nil {
		home = s.locationRef(r, l)
	}
	lines := []map[string]any{}
	for _, id := range u.ServiceLineIDs {
		if sl := s.serviceLines[id]; sl != nil {
			lines = append(lines, s.serviceLineJSON(r, sl))
		}
	}
	avatar := strings.TrimSuffix(s.baseURL(r), "/api") + "/image/avatar-"
	c := s.companies[u.CompanyID]
	// The account is named after its own company (VendorCompany in the
	// built-in seed); its id is the reference's example's.
	account := map[string]any{"id": 567, "name": VendorCompany}
	if vc := s.vendorCompany(); vc != nil {
		account["name"] = vc.Name
	}
	return map[string]any{
		"id": u.ID, "uri": s.uri(r, "user", u.ID), "name": u.FirstName + " " + u.LastName, "status": u.Status,
		"email":     u.Email,
		"avatar":    map[string]any{"small": avatar + "small.png", "medium": avatar + "medium.png", "large": avatar + "large.png"},
		"firstName": u.FirstName, "lastName": u.LastName, "username": u.Username, "phone": u.Phone, "timezone": u.Timezone,
		"isTech": u.IsTech, "isSales": u.IsSales, "isHelper": u.IsHelper,
		"company": s.companyRef(r, c), "location": home, "account": account,
		"details": u.Details, "activities": []string{"job.manage"}, "serviceLines": lines, "created": u.Created, "updated": u.Updated,
		"roles": s.userRolesJSON(r, u.ID),
	}
}

func (s *Server) userCollection(w http.ResponseWriter, r *http.Request) {
	// DELETE /user is documented as 405; PUT on the collection is not
	// documented at all (405 too).
	s.serveCollection(w, r, collectionVerbs{
		list:   func() { s.listUsers(w, r) },
		create: func(fields map[string]json.RawMessage) { s.createUser(w, r, fields) },
	})
}

// listUsers answers GET /user. Called with s.mu held.
func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	name := strings.ToLower(q.Get("name"))
	// status "will default to "active" if not supplied".
	statuses := splitList(q.Get("status"))
	if len(statuses) == 0 {
		statuses = []string{"active"}
	}
	// companyId "will default to the logged-in user's company": every
	// credential of the emulator logs in as a user of the vendor company.
	companyID := s.vendorCompany().ID
	if v := q.Get("companyId"); v != "" {
		companyID, _ = strconv.ParseInt(v, 10, 64)
	}
	locationID, _ := strconv.ParseInt(q.Get("locationId"), 10, 64)
	writeList(s, w, r, "users", s.users, func(u *user) bool {
		switch {
		case !slices.Contains(statuses, u.Status), u.CompanyID != companyID,
			locationID != 0 && u.LocationID != locationID,
			q.Has("isSales") && boolParam(q.Get("isSales")) != u.IsSales,
			q.Has("isTech") && boolParam(q.Get("isTech")) != u.IsTech,
			q.Has("isHelper") && boolParam(q.Get("isHelper")) != u.IsHelper:
			return false
		}
		if name == "" {
			return true
		}
		// "name, username, email, or company includes this string (case
		// insensitive)".
		hay := strings.ToLower(strings.Join([]string{u.FirstName + " " + u.LastName, u.Username, u.Email, s.companies[u.CompanyID].Name}, "\n"))
		return strings.Contains(hay, name)
	}, s.userJSON)
}

func (s *Server) userItem(w http.ResponseWriter, r *http.Request) {
	// The reference says the resource "only returns active users"; that is
	// the list's default status filter. A single GET by id is taken to
	// return any user, with its status, which the docs do not contradict.
	// DELETE is documented as 405 (on /user); it is a 405 here too, whether
	// or not the user exists.
	serveByID(s, w, r, "user", s.users, objectVerbs[user]{
		get: func(u *user) { writeData(w, s.userJSON(r, u)) },
		put: func(u *user, fields map[string]json.RawMessage) {
			updated := *u
			if v := s.applyUser(&updated, fields, false); v != nil {
				writeValidation(w, v)
				return
			}
			updated.Updated = max(time.Now().Unix(), u.Updated+1)
			*u = updated
			writeData(w, s.userJSON(r, u))
		},
	})
}

// createUser answers POST /user. Called with s.mu held.
func (s *Server) createUser(w http.ResponseWriter, r *http.Request, fields map[string]json.RawMessage) {
	u := &user{}
	v := s.applyUser(u, fields, true)
	// "username for user, must be unique": the reference does not say how
	// a taken one is refused, nor whether case counts. The least
	// convenient plausible answer: a 400 that does not say which user has
	// it, for any user of any company and status (inactive and shadow
	// users included), compared ignoring case.
	if u.Username != "" {
		for _, other := range s.users {
			if strings.EqualFold(other.Username, u.Username) {
				if v == nil {
					v = map[string][]string{}
				}
				v["username"] = append(v["username"], "username must be unique")
				break
			}
		}
	}
	if v != nil {
		writeValidation(w, v)
		return
	}
	u.ID, u.Created, u.Updated = s.newRecord()
	s.users[u.ID] = u
	writeData(w, s.userJSON(r, u))
}

// applyUser copies the POST/PUT parameters onto u and returns what is
// wrong, or nil. create says whether it is a POST: the required
// parameters must then be there, and username is taken (PUT does not list
// it: a username sent with PUT is ignored, and the user keeps its own).
//
// The PUT table repeats the POST defaults: status "defaults to active if
// not provided", isSales "defaults to no", serviceLineIds "defaults to
// none", and without timezone "the account's time zone is used instead".
// The emulator reads them literally, on PUT too: a PUT that leaves them out
// resets them, which is the least convenient reading.
func (s *Server) applyUser(u *user, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	if create {
		requiredString(f, v, "username", true, &u.Username)
	}
	requiredString(f, v, "firstName", create, &u.FirstName)
	requiredString(f, v, "lastName", create, &u.LastName)
	requiredString(f, v, "email", create, &u.Email)
	if raw, sent := f["password"]; sent || create {
		var pw string
		if err := json.Unmarshal(raw, &pw); err != nil || !validPassword(pw) {
			// The message never repeats the password.
			v["password"] = append(v["password"], "password must be 8 or more characters long and include at least one letter and at least one number")
		} else {
			u.passwordHash = sha256.Sum256([]byte(pw))
		}
	}
	if raw, sent := f["phone"]; sent {
		var phone *string
		if err := json.Unmarshal(raw, &phone); err != nil {
			v["phone"] = append(v["phone"], "phone must be a string")
		} else if phone != nil {
			u.Phone = *phone
		} else {
			u.Phone = ""
		}
	}
	nullableString(f, v, "details", &u.Details)
	s.userRef(f, v, "companyId", create, &u.CompanyID, func(id int64) bool { return s.companies[id] != nil })
	// locationId is "user's home office": a location of the user's company.
	company := u.CompanyID
	s.userRef(f, v, "locationId", create, &u.LocationID, func(id int64) bool {
		l := s.locations[id]
		return l != nil && l.CompanyID == company
	})
	if _, sent := f["companyId"]; sent && len(v["companyId"]) == 0 && len(v["locationId"]) == 0 {
		if l := s.locations[u.LocationID]; l == nil || l.CompanyID != u.CompanyID {
			v["locationId"] = append(v["locationId"], fmt.Sprintf("location %d is not a location of company %d", u.LocationID, u.CompanyID))
		}
	}
	u.Status = "active"
	oneOf(f, v, "status", false, userStatuses, "status must be one of: active, inactive, pending, shadow", &u.Status)
	u.IsSales = false
	if raw, sent := f["isSales"]; sent {
		if err := json.Unmarshal(raw, &u.IsSales); err != nil {
			v["isSales"] = append(v["isSales"], "isSales must be a boolean")
		}
	}
	u.Timezone = accountTimezone
	if raw, sent := f["timezone"]; sent && !isNull(raw) {
		var tz string
		if err := json.Unmarshal(raw, &tz); err != nil || !validTimezone(tz) {
			v["timezone"] = append(v["timezone"], "timezone must be a valid time zone identifier")
		} else {
			u.Timezone = tz
		}
	}
	u.ServiceLineIDs = nil
	if raw, sent := f["serviceLineIds"]; sent && !isNull(raw) {
		var ids []int64
		if err := json.Unmarshal(raw, &ids); err != nil {
			v["serviceLineIds"] = append(v["serviceLineIds"], "serviceLineIds must be an array of ids")
		}
		for _, id := range ids {
			if s.serviceLines[id] == nil {
				v["serviceLineIds"] = append(v["serviceLineIds"], fmt.Sprintf("service line %d not found", id))
			} else if !slices.Contains(u.ServiceLineIDs, id) {
				u.ServiceLineIDs = append(u.ServiceLineIDs, id)
			}
		}
	}
	return problems(v)
}

// userRef reads a required reference (companyId, locationId): a create
// must send it, and it must name an object that exists.
func (s *Server) userRef(f map[string]json.RawMessage, v map[string][]string, key string, create bool, dst *int64, exists func(int64) bool) {
	raw, sent := f[key]
	if !sent && !create {
		return
	}
	var id int64
	if err := json.Unmarshal(raw, &id); err != nil || id <= 0 {
		v[key] = append(v[key], key+" is required")
		return
	}
	if !exists(id) {
		v[key] = append(v[key], fmt.Sprintf("%s %d not found", key, id))
		return
	}
	*dst = id
}

// validPassword is the documented rule: "8 or more characters long and
// inlude at least one letter and at least one number".
func validPassword(pw string) bool {
	var letter, digit bool
	for _, r := range pw {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	return utf8.RuneCountInString(pw) >= 8 && letter && digit
}

// validTimezone reports whether tz is an IANA time zone identifier (not
// "", "Local" or a path).
func validTimezone(tz string) bool {
	if tz == "" || tz == "Local" || strings.Contains(tz, "..") || strings.HasPrefix(tz, "/") {
		return false
	}
	_, err := time.LoadLocation(tz)
	return err == nil
}

// UserPasswordMatches reports whether the user's password is pw, for tests:
// the API never shows a password.
func (s *Server) UserPasswordMatches(id int64, pw string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.users[id]
	want := sha256.Sum256([]byte(pw))
	return u != nil && subtle.ConstantTimeCompare(u.passwordHash[:], want[:]) == 1
}

// RemoveUser deletes a user behind the API's back, as only ServiceTrade
// support could (the API has no DELETE). It is a test hook for "deleted out
// of band"; it reports whether the user existed.
func (s *Server) RemoveUser(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.users[id]
	delete(s.users, id)
	return ok
}
