package servicetrade

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Activities are the permissions roles grant: read-only (GET
// /activity[/{activityId}]; POST, PUT and DELETE are documented as 405),
// known by a string id such as "job.manage".

// activity is one permission.
type activity struct {
	ID, Name, Description string
}

// documentedActivities are the reference's GET /activity example, in its
// order.
var documentedActivities = []activity{
	{ID: "job.manage", Name: "Manage Jobs", Description: "Manage defining, assigning, canceling, and copying jobs, and modifying their job items"},
	{ID: "location.view", Name: "View Location Info for My Company", Description: "View information about your company's locations"},
	{ID: "location.edit", Name: "Edit Location Info for My Company", Description: "Edit your own company location information"},
	{ID: "quote.export", Name: "Bulk Export Quote Data", Description: "Can bulk export quote data to other formats like CSV."},
}

// seedActivities seeds the reference's activities, then every other
// activity the seeded roles grant (the reference's role examples name
// them without describing them), so that every activity a role grants is
// one GET /activity lists. Called with s.access created.
func (s *Server) seedActivities() {
	for _, a := range documentedActivities {
		s.access.activities[a.ID] = &a
	}
	for _, list := range [][]string{companyAdminActivities, accountTechActivities, accountManagerActivities, officeStaffActivities} {
		for _, id := range list {
			if s.access.activities[id] == nil {
				// The name and description of an activity the reference
				// does not describe are the emulator's own.
				name := strings.Join(strings.FieldsFunc(id, func(r rune) bool { return r == '.' }), " ")
				s.access.activities[id] = &activity{ID: id, Name: strings.ToUpper(name[:1]) + name[1:], Description: "Permission " + id}
			}
		}
	}
}

// SeedActivities are the ids of the activities of the reference's GET
// /activity example.
func SeedActivities() []string {
	ids := make([]string, len(documentedActivities))
	for i, a := range documentedActivities {
		ids[i] = a.ID
	}
	return ids
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/activity", s.protected(s.activityCollection))
		mux.HandleFunc("/activity/{id}", s.protected(s.activityItem))
	})
}

func activityJSON(a *activity) map[string]any {
	return map[string]any{"id": a.ID, "name": a.Name, "description": a.Description}
}

// activityCollection lists every activity, in ascending id order (the
// reference's example is in no order the emulator can reproduce), paged
// like every list.
func (s *Server) activityCollection(w http.ResponseWriter, r *http.Request) {
	if !s.getOnly(w, r) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, 0, len(s.access.activities))
	for id := range s.access.activities {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	items := make([]map[string]any, len(ids))
	for i, id := range ids {
		items[i] = activityJSON(s.access.activities[id])
	}
	writeData(w, page(s, r, "activities", items, 0))
}

// activityItem is GET /activity/{activityId}: 404 `activity "doesnt.exist"
// not found`, as the reference words it.
func (s *Server) activityItem(w http.ResponseWriter, r *http.Request) {
	if !s.getOnly(w, r) {
		return
	}
	id := r.PathValue("id")
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.access.activities[id]
	if a == nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("activity %q not found", id))
		return
	}
	writeData(w, activityJSON(a))
}
