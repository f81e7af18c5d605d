package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// serviceTemplate is a reusable description of a recurring service
// (/servicetemplate).
type serviceTemplate struct {
	ID                int64
	Name, Description string
	ServiceLineID     int64
	// Frequency is one of ServiceTemplateFrequencies, or one of the values
	// only the application sets (quarterly, semiannually).
	Frequency     string
	Interval      int64
	RepeatWeekday bool
	// PreferredTechIDs are user ids in ascending order.
	PreferredTechIDs  []int64
	PreferredVendorID int64 // 0: none
	// EstimatedPrice and Duration are nil until set: the create example
	// answers null for both.
	EstimatedPrice   *float64
	Duration         *int64
	Created, Updated int64
	// associated counts what refers to the template (service requests,
	// recurrences, service items made from it), which makes DELETE a 409.
	// The emulator has none of those kinds: the count is set by the test
	// hook SetServiceTemplateAssociations.
	associated int
}

// ServiceTemplateFrequencies are the frequencies POST and PUT take. The
// returned element also documents quarterly and semiannually, which only
// the application sets (SetServiceTemplateFrequency emulates that).
var ServiceTemplateFrequencies = []string{"daily", "weekly", "monthly", "yearly"}

// SeedServiceTemplates are the names of the templates every emulated
// account starts with: the two of the reference's list example, with its
// values and timestamps. The second is the reference's yearly template
// with repeatWeekday true (documented as monthly only), and "duration": 0.
var SeedServiceTemplates = []string{"Quarterly Inspection", "Annual Flush"}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.serviceTemplates = map[int64]*serviceTemplate{}
		mux.HandleFunc("/servicetemplate", s.protected(s.serviceTemplateCollection))
		mux.HandleFunc("/servicetemplate/{id}", s.protected(s.serviceTemplateItem))
	})
	builtinSeeds = append(builtinSeeds, (*Server).seedServiceTemplates)
}

func (s *Server) seedServiceTemplates() {
	s.seedServiceTemplate(&serviceTemplate{
		Name: SeedServiceTemplates[0], Description: "Inspect all the quarters, and make sure they are shiny",
		ServiceLineID: s.serviceLineByAbbr("SUPP").ID, Frequency: "monthly", Interval: 3,
		EstimatedPrice: cost(12.34), Duration: intPtr(3600), Created: 1370266418, Updated: 1370544276,
	})
	s.seedServiceTemplate(&serviceTemplate{
		Name: SeedServiceTemplates[1], Description: "Flush all the intercoolers",
		ServiceLineID: s.serviceLineByAbbr("BF").ID, Frequency: "yearly", Interval: 1, RepeatWeekday: true,
		Duration: intPtr(0), Created: 1370266450, Updated: 1371456236,
	})
}

func intPtr(v int64) *int64 { return &v }

func (s *Server) seedServiceTemplate(st *serviceTemplate) {
	st.ID = s.newID()
	s.serviceTemplates[st.ID] = st
}

// SetServiceTemplateAssociations makes n objects (service requests,
// recurrences or service items, which the emulator does not model) refer
// to the template, so that DELETE answers 409 while n > 0. It is a test
// hook; it reports whether the template exists.
func (s *Server) SetServiceTemplateAssociations(id int64, n int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.serviceTemplates[id]
	if st != nil {
		st.associated = n
	}
	return st != nil
}

// SetServiceTemplateFrequency changes a template's frequency as the
// application can, to values the API returns but does not take (quarterly,
// semiannually). It is a test hook; it reports whether the template exists.
func (s *Server) SetServiceTemplateFrequency(id int64, frequency string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.serviceTemplates[id]
	if st != nil {
		st.Frequency = frequency
		st.Updated = max(time.Now().Unix(), st.Updated+1)
	}
	return st != nil
}

// serviceTemplateJSON renders a template as the reference's examples do:
// the whole service line, the preferred techs as users {id, uri, name}
// (an empty array when none), the preferred vendor as a company or null,
// estimatedPrice and duration null when unset. Called with s.mu held.
func (s *Server) serviceTemplateJSON(r *http.Request, st *serviceTemplate) map[string]any {
	var line map[string]any
	if sl := s.serviceLines[st.ServiceLineID]; sl != nil {
		line = s.serviceLineJSON(r, sl)
	}
	techs := []map[string]any{}
	for _, id := range st.PreferredTechIDs {
		if u := s.users[id]; u != nil {
			techs = append(techs, map[string]any{"id": u.ID, "uri": s.uri(r, "user", u.ID), "name": u.FirstName + " " + u.LastName})
		}
	}
	return map[string]any{
		"uri": s.uri(r, "servicetemplate", st.ID), "id": st.ID, "name": st.Name, "description": st.Description,
		"serviceLine": line, "frequency": st.Frequency, "interval": st.Interval, "repeatWeekday": st.RepeatWeekday,
		"preferredTechs": techs, "preferredVendor": s.companyRef(r, s.companies[st.PreferredVendorID]),
		"estimatedPrice": st.EstimatedPrice, "duration": st.Duration,
		"created": st.Created, "updated": st.Updated,
	}
}

func (s *Server) serviceTemplateCollection(w http.ResponseWriter, r *http.Request) {
	s.serveCollection(w, r, collectionVerbs{
		list: func() {
			// "string to find in the service template name": a
			// case-insensitive substring, like every ServiceTrade name
			// filter.
			name := strings.ToLower(r.URL.Query().Get("name"))
			writeList(s, w, r, "serviceTemplates", s.serviceTemplates, func(st *serviceTemplate) bool {
				return name == "" || strings.Contains(strings.ToLower(st.Name), name)
			}, s.serviceTemplateJSON)
		},
		create: func(fields map[string]json.RawMessage) {
			// Not documented: without frequency and interval the template
			// recurs every 1 year (a server-side default, the least
			// convenient plausible answer: a client must not expect null).
			// repeatWeekday "defaults to false if not supplied".
			st := &serviceTemplate{Frequency: "yearly", Interval: 1, PreferredTechIDs: []int64{}}
			if v := s.applyServiceTemplate(st, fields, true); v != nil {
				writeInvalid(w, "servicetemplate not created: malformed data", v)
				return
			}
			st.ID, st.Created, st.Updated = s.newRecord()
			s.serviceTemplates[st.ID] = st
			writeData(w, s.serviceTemplateJSON(r, st))
		},
		// DELETE /servicetemplate is documented as 405 "not allowed"; PUT
		// on the collection is not documented and answers the same.
		refuse: func() { writeError(w, http.StatusMethodNotAllowed, "not allowed") },
	})
}

func (s *Server) serviceTemplateItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "servicetemplate")
	if !ok {
		return
	}
	if r.Method == http.MethodDelete {
		// DELETE documents 204, 403 "servicetemplate 123 not editable by
		// user" and 409, but no 404. Not documented: an unknown id is the
		// 403, the least convenient plausible answer (a permission check
		// that finds nothing to permit).
		s.mu.Lock()
		defer s.mu.Unlock()
		st := s.serviceTemplates[id]
		switch {
		case st == nil:
			writeError(w, http.StatusForbidden, fmt.Sprintf("servicetemplate %d not editable by user", id))
		case st.associated > 0:
			writeError(w, http.StatusConflict, "servicetemplate cannot be deleted because it has associated items")
		default:
			delete(s.serviceTemplates, id)
			w.WriteHeader(http.StatusNoContent)
		}
		return
	}
	serveObject(s, w, r, byID(s.serviceTemplates, "servicetemplate", id), objectVerbs[serviceTemplate]{
		get: func(st *serviceTemplate) { writeData(w, s.serviceTemplateJSON(r, st)) },
		put: func(st *serviceTemplate, fields map[string]json.RawMessage) {
			// PUT is a partial update (only what is sent changes).
			updated := *st
			updated.PreferredTechIDs = slices.Clone(st.PreferredTechIDs)
			if v := s.applyServiceTemplate(&updated, fields, false); v != nil {
				writeInvalid(w, "servicetemplate not updated: malformed data", v)
				return
			}
			updated.Updated = max(time.Now().Unix(), st.Updated+1)
			*st = updated
			writeData(w, s.serviceTemplateJSON(r, st))
		},
	})
}

// applyServiceTemplate copies POST/PUT fields onto st and returns the
// validation errors. name, description and serviceLineId are required on
// create. Called with s.mu held.
func (s *Server) applyServiceTemplate(st *serviceTemplate, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	requiredString(f, v, "name", create, &st.Name)
	requiredString(f, v, "description", create, &st.Description)
	if raw, sent := f["serviceLineId"]; sent || create {
		var id int64
		switch err := json.Unmarshal(raw, &id); {
		case !sent || err != nil || id <= 0:
			v["serviceLineId"] = append(v["serviceLineId"], "serviceLineId is required")
		case s.serviceLines[id] == nil:
			// Not documented: an unknown id is a 400 on the parameter, as
			// for every reference (CHOICES.md).
			v["serviceLineId"] = append(v["serviceLineId"], fmt.Sprintf("service line %d not found", id))
		default:
			st.ServiceLineID = id
		}
	}
	// Not documented: a negative price or duration is refused.
	nullable(f, v, "estimatedPrice", "a number or null", &st.EstimatedPrice)
	if st.EstimatedPrice != nil && *st.EstimatedPrice < 0 {
		v["estimatedPrice"] = append(v["estimatedPrice"], "estimatedPrice must not be negative")
	}
	nullable(f, v, "duration", "a whole number of seconds or null", &st.Duration)
	if st.Duration != nil && *st.Duration < 0 {
		v["duration"] = append(v["duration"], "duration must not be negative")
	}
	if raw, sent := f["preferredTechIds"]; sent {
		var ids []int64
		if err := json.Unmarshal(raw, &ids); err != nil {
			v["preferredTechIds"] = append(v["preferredTechIds"], "preferredTechIds must be an array of user ids")
		} else {
			// Not documented: every id must be a user who is a technician
			// (isTech), active or not; duplicates collapse, and the
			// answer lists them by id, not in the order sent.
			clean := []int64{}
			for _, id := range ids {
				switch u := s.users[id]; {
				case u == nil:
					v["preferredTechIds"] = append(v["preferredTechIds"], fmt.Sprintf("user %d not found", id))
				case !u.IsTech:
					v["preferredTechIds"] = append(v["preferredTechIds"], fmt.Sprintf("user %d is not a technician", id))
				case !slices.Contains(clean, id):
					clean = append(clean, id)
				}
			}
			slices.Sort(clean)
			st.PreferredTechIDs = clean
		}
	}
	nullableRef(f, v, "preferredVendorId", &st.PreferredVendorID, func(id int64) bool { return s.companies[id] != nil })
	// quarterly and semiannually are returned, never taken.
	oneOf(f, v, "frequency", false, ServiceTemplateFrequencies, "frequency must be one of: "+strings.Join(ServiceTemplateFrequencies, ", "), &st.Frequency)
	if raw, sent := f["interval"]; sent {
		var n int64
		if err := json.Unmarshal(raw, &n); err != nil || n < 1 {
			// Not documented: the interval is a whole number of at least 1.
			v["interval"] = append(v["interval"], "interval must be a whole number of at least 1")
		} else {
			st.Interval = n
		}
	}
	if raw, sent := f["repeatWeekday"]; sent {
		// "Only applies if frequency is monthly", but the reference's own
		// example returns it true on a yearly template: it is stored as
		// sent, whatever the frequency.
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			v["repeatWeekday"] = append(v["repeatWeekday"], "repeatWeekday must be a boolean")
		} else {
			st.RepeatWeekday = b
		}
	}
	return problems(v)
}
