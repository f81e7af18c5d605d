package servicetrade

import "encoding/json"

// Entity filters: a named set of one company's locations (none: all of
// them). type is always "location", the only documented one.

// seedEntityFilter is an entity filter entry.
type seedEntityFilter struct {
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	CompanyID   int64   `json:"companyId"`
	LocationIDs []int64 `json:"locationIds,omitempty"`
	// Type is derived (always "location"): accepted, and checked.
	Type string `json:"type,omitempty"`
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "entity_filters", after: []string{"companies", "locations"}, ids: true,
		load: loadEntityFilters,
		dump: func(s *Server) any {
			return dumpSorted(s.entityFilters, func(f *entityFilter) seedEntityFilter {
				return seedEntityFilter{ID: f.ID, Name: f.Name, CompanyID: f.CompanyID, LocationIDs: f.LocationIDs}
			})
		},
	})
}

func loadEntityFilters(l *seedLoader, raw json.RawMessage) {
	s := l.s
	for _, it := range seedEntries[seedEntityFilter](l, "entity_filters", raw, "name") {
		v := it.v
		it.required("name", v.Name)
		it.oneOf("type", v.Type, "location", []string{"location"})
		requiredRef(it.seedEntry, "companyId", v.CompanyID, s.companies, "a company", "companies")
		it.refList("locationIds", v.LocationIDs, func(field string, id int64) bool {
			if loc := s.locations[id]; loc == nil || loc.CompanyID != v.CompanyID {
				it.fail("%s %d is not a location of the filter's company %d", field, id, v.CompanyID)
				return false
			}
			return true
		})
		if id, ok := it.id(v.ID); ok {
			s.entityFilters[id] = &entityFilter{ID: id, Name: v.Name, CompanyID: v.CompanyID, LocationIDs: v.LocationIDs}
		}
	}
}
