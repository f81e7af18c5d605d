package servicetrade

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// user is a seeded user. Users are managed in the application; the
// emulator serves them for reference and does not create or change them.
type user struct {
	ID                                   int64
	Username, FirstName, LastName, Email string
	Phone, Timezone                      string
	Status                               string
	IsSales, IsTech, IsHelper            bool
	CompanyID, LocationID                int64
	ServiceLineIDs                       []int64
}

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
			Phone: "919555" + strconv.Itoa(100+i) + "0", Timezone: "America/New_York", Status: su.Status,
			IsSales: su.IsSales, IsTech: su.IsTech, IsHelper: su.IsHelper,
			CompanyID: vendor.ID, LocationID: offices[(i+1)%len(offices)],
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
	account := map[string]any{"id": 567, "name": VendorCompany}
	return map[string]any{
		"id": u.ID, "uri": s.uri(r, "user", u.ID), "name": u.FirstName + " " + u.LastName, "status": u.Status,
		"email":     u.Email,
		"avatar":    map[string]any{"small": avatar + "small.png", "medium": avatar + "medium.png", "large": avatar + "large.png"},
		"firstName": u.FirstName, "lastName": u.LastName, "username": u.Username, "phone": u.Phone, "timezone": u.Timezone,
		"isTech": u.IsTech, "isSales": u.IsSales, "isHelper": u.IsHelper,
		"company": s.companyRef(r, c), "location": home, "account": account,
		"details": "", "activities": []string{"job.manage"}, "serviceLines": lines,
		"roles": []any{}, "created": seedTime, "updated": seedTime,
	}
}

func (s *Server) userCollection(w http.ResponseWriter, r *http.Request) {
	// POST is documented, but the provider never creates users. DELETE
	// /user is documented as 405; PUT on the collection is not documented
	// at all.
	if !s.getOnly(w, r, http.MethodPost) {
		return
	}
	q := r.URL.Query()
	name := strings.ToLower(q.Get("name"))
	// status "will default to "active" if not supplied".
	statuses := splitList(q.Get("status"))
	if len(statuses) == 0 {
		statuses = []string{"active"}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
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
	// PUT is documented, but the provider never changes users. The
	// reference says the resource "only returns active users"; that is the
	// list's default status filter. A single GET by id is taken to return
	// any user, with its status, which the docs do not contradict.
	getSeeded(s, w, r, "user", s.users, s.userJSON, http.MethodPut)
}
