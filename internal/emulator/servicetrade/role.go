package servicetrade

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
)

// Roles are read-only (GET /role[/{id}]; POST, PUT and DELETE are
// documented as 405). What clients manage is the assignment of a role to a
// user: POST and DELETE /user/{uid}/role/{rid}.

// The seeded roles, as the reference's examples show them. Tests refer to
// them by name.
const (
	// DefaultRole is the role every new user holds (the reference's POST
	// /user example answers with it), and every seeded user too.
	DefaultRole = "Account Tech"
	// ManagerRole and AdminRole are the other roles of the examples: a
	// global one and an account one.
	ManagerRole = "Account Manager"
	AdminRole   = "Company Admin"
	// DuplicateRole is the name of two custom account roles, as an account
	// that copied a role and kept its name has.
	DuplicateRole = "Office Staff"
)

// role is one role of the account.
type role struct {
	ID          int64
	Name        string
	Description string
	Activities  []string
	Global      bool
}

// access is the emulator's roles, activities and role assignments, created
// by the route registration below and seeded by seedRoles (or a seed file,
// seed_roles.go).
type access struct {
	roles      map[int64]*role
	activities map[string]*activity
	// defaultRole is the id of DefaultRole, or of the role a seed file
	// marks as the default; 0 when a seed file marks none (new users then
	// hold no role).
	defaultRole int64
	// assigned holds the role ids of the users whose roles were changed
	// through the API; a user without an entry (a seeded user, a user
	// created by POST /user) holds the default role only.
	assigned map[int64][]int64
}

// The activities of the reference's role examples.
var (
	companyAdminActivities = []string{"company.edit", "company.edit.other", "location.create", "location.edit", "location.edit.other",
		"location.view", "service.assignment.self", "user.edit", "user.view"}
	accountTechActivities = []string{"admin.attachment", "api.ivr", "api.job.list", "appointment.edit", "asset.edit", "company.view.other",
		"deficiency.edit", "deficiency.report", "job.items", "job.tech", "job.view.other", "location.view", "user.view"}
	accountManagerActivities = []string{"admin.attachment", "admin.comment", "admin.contact", "admin.contract", "admin.job", "admin.libitem",
		"admin.service.assignment", "api.ivr", "api.job.list", "appointment.edit", "asset.edit", "company.create", "company.edit.other",
		"company.view.other", "contact.edit", "contract.edit", "contract.view", "deficiency.edit", "deficiency.report", "invoice.manage",
		"invoice.view", "invoice.view.other", "job.cost", "job.items", "job.manage", "job.price", "job.schedule", "location.create.other",
		"location.edit.other", "location.view", "location.view.other", "quote.edit", "quote.request", "quote.view", "quotetemplate.manage",
		"service.assignment.other", "service.assignment.self", "tag.edit", "tag.manage", "user.view"}
	officeStaffActivities = []string{"job.manage", "location.view", "quote.export"}
)

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.access = &access{roles: map[int64]*role{}, activities: map[string]*activity{}, assigned: map[int64][]int64{}}
		mux.HandleFunc("/role", s.protected(s.roleCollection))
		mux.HandleFunc("/role/{id}", s.protected(s.roleItem))
		mux.HandleFunc("/user/{id}/role", s.protected(s.userRoleCollection))
		mux.HandleFunc("/user/{id}/role/{roleId}", s.protected(s.userRoleItem))
	})
	builtinSeeds = append(builtinSeeds, (*Server).seedRoles)
}

// seedRoles seeds the activities and the roles of the built-in seed.
func (s *Server) seedRoles() {
	s.seedActivities()
	// In the reference's order of ids: Company Admin (10), Account
	// Tech (11), Account Manager (13); then the two custom roles.
	s.seedRole(&role{Name: AdminRole, Description: "Company Administrator", Activities: companyAdminActivities})
	s.access.defaultRole = s.seedRole(&role{Name: DefaultRole, Description: "Tech for a stand alone account", Activities: accountTechActivities, Global: true})
	s.seedRole(&role{Name: ManagerRole, Description: "Manager for a stand alone account", Activities: accountManagerActivities, Global: true})
	s.seedRole(&role{Name: DuplicateRole, Description: "Office staff (Raleigh)", Activities: officeStaffActivities})
	s.seedRole(&role{Name: DuplicateRole, Description: "Office staff (Charlotte)", Activities: officeStaffActivities})
}

func (s *Server) seedRole(r *role) int64 {
	r.ID = s.newID()
	s.access.roles[r.ID] = r
	return r.ID
}

func (s *Server) roleJSON(r *http.Request, ro *role) map[string]any {
	return map[string]any{
		"id": ro.ID, "uri": s.uri(r, "role", ro.ID), "name": ro.Name, "description": ro.Description,
		"activities": slices.Clone(ro.Activities), "global": ro.Global,
	}
}

// rolesOf returns the ids of the roles the user holds. Called with s.mu
// held.
func (s *Server) rolesOf(userID int64) []int64 {
	if ids, ok := s.access.assigned[userID]; ok {
		return ids
	}
	if s.access.defaultRole == 0 {
		return nil
	}
	return []int64{s.access.defaultRole}
}

// userRolesJSON renders a user's roles as the user resource shows them:
// id and name only. Called with s.mu held.
func (s *Server) userRolesJSON(_ *http.Request, userID int64) []map[string]any {
	out := []map[string]any{}
	for _, id := range s.rolesOf(userID) {
		if ro := s.access.roles[id]; ro != nil {
			out = append(out, map[string]any{"id": ro.ID, "name": ro.Name})
		}
	}
	return out
}

// writeUserRoles answers the list of a user's roles (GET /role?userId=,
// GET /user/{id}/role), in ascending id order. Called with s.mu held.
func (s *Server) writeUserRoles(w http.ResponseWriter, r *http.Request, userID int64) {
	held := s.rolesOf(userID)
	writeList(s, w, r, "roles", s.access.roles, func(ro *role) bool { return slices.Contains(held, ro.ID) }, s.roleJSON)
}

func (s *Server) roleCollection(w http.ResponseWriter, r *http.Request) {
	if !s.getOnly(w, r) {
		return
	}
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !q.Has("userId") {
		writeList(s, w, r, "roles", s.access.roles, nil, s.roleJSON)
		return
	}
	userID, err := strconv.ParseInt(q.Get("userId"), 10, 64)
	if err != nil {
		writeValidation(w, map[string][]string{"userId": {"userId must be an integer"}})
		return
	}
	// The reference is silent on an unknown userId: the emulator answers
	// an empty list, not a 404, so that only GET /user/{id}/role tells a
	// gone user from one without roles.
	if s.users[userID] == nil {
		writeList(s, w, r, "roles", s.access.roles, func(*role) bool { return false }, s.roleJSON)
		return
	}
	s.writeUserRoles(w, r, userID)
}

func (s *Server) roleItem(w http.ResponseWriter, r *http.Request) {
	getSeeded(s, w, r, "role", s.access.roles, s.roleJSON)
}

// userRoleCollection is GET /user/{id}/role: the user's roles, or 404
// "user 123 not found". No other verb is documented on it.
func (s *Server) userRoleCollection(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "user")
	if !ok || !s.getOnly(w, r) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.users[id] == nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("user %d not found", id))
		return
	}
	s.writeUserRoles(w, r, id)
}

// userRoleItem is POST (assign) and DELETE (unassign) of
// /user/{uid}/role/{rid}: 404 "user 123 not found" for an unknown user,
// then 400 "invalid role" for a role that does not exist. The reference
// says neither what assigning a role the user already holds nor what
// unassigning one it does not hold answers: both are the same 400 "invalid
// role" (least convenient: a client cannot count on either being a no-op).
// A success answers 200 with a success message and no data (the reference
// shows no body).
func (s *Server) userRoleItem(w http.ResponseWriter, r *http.Request) {
	userID, ok := pathID(w, r, "user")
	if !ok {
		return
	}
	if r.Method != http.MethodPost && r.Method != http.MethodDelete {
		s.methodNotAllowed(w, r)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.users[userID] == nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("user %d not found", userID))
		return
	}
	roleID, err := strconv.ParseInt(r.PathValue("roleId"), 10, 64)
	if err != nil || s.access.roles[roleID] == nil {
		writeError(w, http.StatusBadRequest, "invalid role")
		return
	}
	held := s.rolesOf(userID)
	has := slices.Contains(held, roleID)
	if r.Method == http.MethodPost {
		if has {
			writeError(w, http.StatusBadRequest, "invalid role")
			return
		}
		next := append(slices.Clone(held), roleID)
		slices.Sort(next)
		s.access.assigned[userID] = next
		writeSuccess(w, fmt.Sprintf("role %d assigned to user %d", roleID, userID))
		return
	}
	if !has {
		writeError(w, http.StatusBadRequest, "invalid role")
		return
	}
	// A user may be left without any role: the reference does not say
	// that the last one cannot be removed.
	s.access.assigned[userID] = slices.DeleteFunc(slices.Clone(held), func(id int64) bool { return id == roleID })
	writeSuccess(w, fmt.Sprintf("role %d unassigned from user %d", roleID, userID))
}
