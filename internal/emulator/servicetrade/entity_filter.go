package servicetrade

import (
	"net/http"
	"strings"
)

// entityFilter is a named set of a customer company's locations
// (/entityfilter), read-only: POST, PUT and DELETE are documented as 405,
// and nothing in the API creates one, so the emulator seeds them.
type entityFilter struct {
	ID        int64
	Name      string
	CompanyID int64
	// LocationIDs are the company's locations the filter covers; none
	// means all of them.
	LocationIDs []int64
}

// SeedEntityFilters are the entity filters with unique names, in creation
// order. The first covers all of its company's locations (the reference's
// example, "locations": null).
var SeedEntityFilters = []string{"Acme Sites", "Hwy 55 Burgers - Main St Only"}

// DuplicateEntityFilter is the name of two entity filters, one for each
// DuplicateCompany customer.
const DuplicateEntityFilter = "Main Street Deli Sites"

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.entityFilters = map[int64]*entityFilter{}
		mux.HandleFunc("/entityfilter", s.protected(s.entityFilterCollection))
		mux.HandleFunc("/entityfilter/{id}", s.protected(s.entityFilterItem))
	})
	builtinSeeds = append(builtinSeeds, (*Server).seedEntityFilters)
}

func (s *Server) seedEntityFilters() {
	locationsOf := func(c *company) []int64 {
		var ids []int64
		for _, id := range sortedKeys(s.locations) {
			if s.locations[id].CompanyID == c.ID {
				ids = append(ids, id)
			}
		}
		return ids
	}
	hwy := s.companyByName(SeedCustomerCompanies[0])
	seed := []*entityFilter{
		{Name: SeedEntityFilters[0], CompanyID: s.companyByName(SeedCustomerCompanies[1]).ID},
		{Name: SeedEntityFilters[1], CompanyID: hwy.ID, LocationIDs: locationsOf(hwy)},
	}
	for _, id := range sortedKeys(s.companies) {
		if c := s.companies[id]; c.Name == DuplicateCompany {
			seed = append(seed, &entityFilter{Name: DuplicateEntityFilter, CompanyID: c.ID, LocationIDs: locationsOf(c)})
		}
	}
	for _, f := range seed {
		f.ID = s.newID()
		s.entityFilters[f.ID] = f
	}
}

// entityFilterJSON is a filter as a list shows it: "company" and
// "locations" are returned "only in response to an individual GET".
func (s *Server) entityFilterJSON(r *http.Request, f *entityFilter) map[string]any {
	return map[string]any{"id": f.ID, "uri": s.uri(r, "entityfilter", f.ID), "name": f.Name, "type": "location"}
}

// entityFilterFullJSON is a filter as GET /entityfilter/{id} shows it.
// Called with s.mu held.
func (s *Server) entityFilterFullJSON(r *http.Request, f *entityFilter) map[string]any {
	out := s.entityFilterJSON(r, f)
	var co map[string]any
	if c := s.companies[f.CompanyID]; c != nil {
		co = s.companyRef(r, c)
		co["status"] = c.Status
	}
	out["company"] = co
	// The field table says the list "will be empty" for a filter covering
	// every location; the reference's example shows null, and so does the
	// emulator (the least convenient of the two).
	var locs []map[string]any
	for _, id := range f.LocationIDs {
		if l := s.locations[id]; l != nil {
			locs = append(locs, s.locationRef(r, l))
		}
	}
	if locs == nil {
		out["locations"] = nil
	} else {
		out["locations"] = locs
	}
	return out
}

func (s *Server) entityFilterCollection(w http.ResponseWriter, r *http.Request) {
	if !s.getOnly(w, r) {
		return
	}
	q := r.URL.Query()
	// "string to find in the filter name": a substring, matched ignoring
	// case (not documented; it returns more than a case-sensitive match).
	name := strings.ToLower(q.Get("name"))
	// Only "location" is documented; another type matches no filter (not
	// documented).
	typ := q.Get("type")
	s.mu.Lock()
	defer s.mu.Unlock()
	writeList(s, w, r, "entityFilters", s.entityFilters, func(f *entityFilter) bool {
		return strings.Contains(strings.ToLower(f.Name), name) && (typ == "" || typ == "location")
	}, s.entityFilterJSON)
}

func (s *Server) entityFilterItem(w http.ResponseWriter, r *http.Request) {
	// The documented 404 text is "entityfilter 123 not found".
	getSeeded(s, w, r, "entityfilter", s.entityFilters, s.entityFilterFullJSON)
}
