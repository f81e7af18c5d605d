package servicetrade

import (
	"encoding/json"
	"slices"
)

// Service templates. frequency takes the values the API returns, quarterly
// and semiannually included (the application sets them; POST does not
// take them). preferredTechIds are technicians (isTech), kept in ascending
// order as the API keeps them.

// serviceTemplateStoredFrequencies are the frequencies a template can have.
var serviceTemplateStoredFrequencies = append(slices.Clone(ServiceTemplateFrequencies), "quarterly", "semiannually")

// seedServiceTemplate is a service template entry.
type seedServiceTemplate struct {
	ID                int64    `json:"id"`
	Name              string   `json:"name"`
	Description       string   `json:"description"`
	ServiceLineID     int64    `json:"serviceLineId"`
	Frequency         string   `json:"frequency"`
	Interval          *int64   `json:"interval"`
	RepeatWeekday     bool     `json:"repeatWeekday,omitempty"`
	PreferredTechIDs  []int64  `json:"preferredTechIds,omitempty"`
	PreferredVendorID int64    `json:"preferredVendorId,omitempty"`
	EstimatedPrice    *float64 `json:"estimatedPrice,omitempty"`
	Duration          *int64   `json:"duration,omitempty"`
	seedStamp
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "service_templates", after: []string{"service_lines", "users", "companies"}, ids: true,
		load: loadServiceTemplates,
		dump: func(s *Server) any {
			return dumpSorted(s.serviceTemplates, func(st *serviceTemplate) seedServiceTemplate {
				return seedServiceTemplate{ID: st.ID, Name: st.Name, Description: st.Description, ServiceLineID: st.ServiceLineID,
					Frequency: st.Frequency, Interval: ptr(st.Interval), RepeatWeekday: st.RepeatWeekday,
					PreferredTechIDs: st.PreferredTechIDs, PreferredVendorID: st.PreferredVendorID,
					EstimatedPrice: st.EstimatedPrice, Duration: st.Duration, seedStamp: seedStamp{ptr(st.Created), ptr(st.Updated)}}
			})
		},
	})
}

func loadServiceTemplates(l *seedLoader, raw json.RawMessage) {
	s := l.s
	for _, it := range seedEntries[seedServiceTemplate](l, "service_templates", raw, "name") {
		v := it.v
		it.required("name", v.Name)
		it.required("description", v.Description)
		requiredRef(it.seedEntry, "serviceLineId", v.ServiceLineID, s.serviceLines, "a service line", "service_lines")
		ref(it.seedEntry, "preferredVendorId", v.PreferredVendorID, s.companies, "a company", "companies")
		st := &serviceTemplate{Name: v.Name, Description: v.Description, ServiceLineID: v.ServiceLineID,
			Frequency: it.oneOf("frequency", v.Frequency, "yearly", serviceTemplateStoredFrequencies), Interval: 1,
			RepeatWeekday: v.RepeatWeekday, PreferredTechIDs: slices.Sorted(slices.Values(v.PreferredTechIDs)),
			PreferredVendorID: v.PreferredVendorID, EstimatedPrice: v.EstimatedPrice, Duration: v.Duration}
		if v.Interval != nil {
			if *v.Interval < 1 {
				it.fail("interval %d is not a whole number of at least 1", *v.Interval)
			}
			st.Interval = *v.Interval
		}
		if v.EstimatedPrice != nil && *v.EstimatedPrice < 0 {
			it.fail("estimatedPrice %v is negative", *v.EstimatedPrice)
		}
		if v.Duration != nil && *v.Duration < 0 {
			it.fail("duration %d is negative", *v.Duration)
		}
		it.refList("preferredTechIds", v.PreferredTechIDs, func(field string, id int64) bool {
			if !ref(it.seedEntry, field, id, s.users, "a user", "users") {
				return false
			}
			if !s.users[id].IsTech {
				it.fail("%s %d (%q) is not a technician (\"isTech\": true)", field, id, s.users[id].Username)
				return false
			}
			return true
		})
		st.Created, st.Updated = it.stamps(v.Created, v.Updated)
		if id, ok := it.id(v.ID); ok {
			st.ID = id
			s.serviceTemplates[id] = st
		}
	}
}
