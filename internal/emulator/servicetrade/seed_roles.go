package servicetrade

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Activities (the permissions, known by a string id) and the roles that
// grant them. A role's activities must be activities of the seed. default
// is the emulator's own member: the role a user holds when nothing
// assigned it another (users created through the API, users whose entry
// gives no roleIds); at most one role has it, and with none such users
// hold no role. Which roles a user holds is the user's roleIds
// (seed_users.go).

// seedActivity is an activity entry. Its id is a string, outside the
// server's id space.
type seedActivity struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// seedRole is a role entry.
type seedRole struct {
	ID          int64    `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Activities  []string `json:"activities,omitempty"`
	Global      bool     `json:"global,omitempty"`
	Default     bool     `json:"default,omitempty"`
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "activities",
		load: loadActivities,
		dump: func(s *Server) any {
			out := []seedActivity{}
			for _, id := range activityIDs(s) {
				a := s.access.activities[id]
				out = append(out, seedActivity{ID: a.ID, Name: a.Name, Description: a.Description})
			}
			return out
		},
	})
	registerSeedKind(seedKind{
		name: "roles", after: []string{"activities"}, ids: true,
		load: loadRoles,
		dump: func(s *Server) any {
			return dumpSorted(s.access.roles, func(r *role) seedRole {
				return seedRole{ID: r.ID, Name: r.Name, Description: r.Description, Activities: r.Activities,
					Global: r.Global, Default: r.ID == s.access.defaultRole}
			})
		},
	})
}

// activityIDs are the activities' ids, sorted.
func activityIDs(s *Server) []string {
	ids := make([]string, 0, len(s.access.activities))
	for id := range s.access.activities {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func loadActivities(l *seedLoader, raw json.RawMessage) {
	for _, it := range seedEntries[seedActivity](l, "activities", raw, "id", "name") {
		v := it.v
		it.required("name", v.Name)
		switch {
		case !it.required("id", v.ID):
		case l.s.access.activities[v.ID] != nil:
			it.fail("id %q is given twice: activity ids are unique", v.ID)
		default:
			l.s.access.activities[v.ID] = &activity{ID: v.ID, Name: v.Name, Description: v.Description}
		}
	}
}

func loadRoles(l *seedLoader, raw json.RawMessage) {
	s := l.s
	var defaults []string
	for _, it := range seedEntries[seedRole](l, "roles", raw, "name") {
		v := it.v
		it.required("name", v.Name)
		for i, a := range v.Activities {
			switch {
			case slices.Contains(v.Activities[:i], a):
				it.fail("activities[%d] %q is given twice", i, a)
			case s.access.activities[a] == nil:
				it.fail("activities[%d] %q is not an activity of this seed (servicetrade.activities has %s)", i, a, activityList(s))
			}
		}
		id, ok := it.id(v.ID)
		if !ok {
			continue
		}
		s.access.roles[id] = &role{ID: id, Name: v.Name, Description: v.Description, Activities: orEmpty(v.Activities), Global: v.Global}
		if v.Default {
			s.access.defaultRole = id
			defaults = append(defaults, it.String())
		}
	}
	if len(defaults) > 1 {
		l.errs.Add(seedSection+".roles", "", "several roles have \"default\": true (%s): at most one role is the one new users hold", strings.Join(defaults, ", "))
	}
}

// activityList names the seed's activities for a message, the first 10.
func activityList(s *Server) string {
	ids := activityIDs(s)
	switch {
	case len(ids) == 0:
		return "no entries"
	case len(ids) > 10:
		return fmt.Sprintf("%s, ... (%d in all)", strings.Join(ids[:10], ", "), len(ids))
	}
	return strings.Join(ids, ", ")
}
