package servicetrade

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// location is a seeded office (vendor location). The API manages locations
// as business data; the emulator only serves them for reference.
type location struct {
	ID          int64
	Name        string
	Lat, Lon    float64
	Phone       string
	Email       string
	Street      string
	City        string
	State       string
	PostalCode  string
	IsVendor    bool
	ContactName [2]string
}

// Seeded office names, exported for tests that reference offices by name.
var SeedOffices = []string{"Goose Creek Office", "Raleigh Office", "Charlotte Satellite Office"}

func (s *Server) seedLocations() {
	seed := []location{
		{Name: SeedOffices[0], Lat: 32.969788, Lon: -80.007392, Phone: "(843) 555-1233", Email: "goosecreek@example.com", Street: "1500 Red Bank Road", City: "Goose Creek", State: "SC", PostalCode: "29445", IsVendor: true, ContactName: [2]string{"Stan", "Dalone"}},
		{Name: SeedOffices[1], Lat: 35.7796, Lon: -78.6382, Phone: "(919) 555-0142", Email: "raleigh@example.com", Street: "1 Fayetteville St", City: "Raleigh", State: "NC", PostalCode: "27601", IsVendor: true, ContactName: [2]string{"Rae", "Leigh"}},
		{Name: SeedOffices[2], Lat: 35.2271, Lon: -80.8431, Phone: "(704) 555-0199", Email: "charlotte@example.com", Street: "600 S Tryon St", City: "Charlotte", State: "NC", PostalCode: "28202", IsVendor: true, ContactName: [2]string{"Char", "Lotte"}},
		{Name: "Hwy 55 Burgers - Main St", Lat: 35.0, Lon: -79.0, Phone: "(910) 555-0100", Email: "", Street: "55 Main St", City: "Mount Olive", State: "NC", PostalCode: "28365"},
	}
	for _, l := range seed {
		l.ID = s.newID()
		s.locations[l.ID] = &l
	}
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/location", s.protected(s.locationCollection))
		mux.HandleFunc("/location/{id}", s.protected(s.locationItem))
	})
}

func (s *Server) locationJSON(r *http.Request, l *location) map[string]any {
	return map[string]any{
		"id": l.ID, "uri": s.uri(r, "location", l.ID), "name": l.Name, "lat": l.Lat, "lon": l.Lon,
		"phoneNumber": l.Phone, "email": l.Email,
		"primaryContact": map[string]any{
			"id": l.ID + 1000, "uri": s.uri(r, "contact", l.ID+1000), "firstName": l.ContactName[0], "lastName": l.ContactName[1],
			"phone": l.Phone, "mobile": "", "alternatePhone": "", "email": l.Email, "type": "management",
		},
		"address": map[string]any{"street": l.Street, "city": l.City, "state": l.State, "postalCode": l.PostalCode},
	}
}

func (s *Server) locationCollection(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		// Creating locations is business data the emulator does not model.
		s.methodNotAllowed(w, r)
		return
	}
	q := r.URL.Query()
	name := strings.ToLower(q.Get("name"))
	vendorOnly := q.Get("isVendor") == "true" || q.Get("isVendor") == "1"
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit <= 0 {
		limit = 10
	}
	limit = min(limit, 5000)
	s.mu.Lock()
	ids := sortedKeys(s.locations)
	var out []map[string]any
	for _, id := range ids {
		l := s.locations[id]
		if vendorOnly && !l.IsVendor {
			continue
		}
		if name != "" && !strings.Contains(strings.ToLower(l.Name), name) {
			continue
		}
		out = append(out, s.locationJSON(r, l))
	}
	s.mu.Unlock()
	writeData(w, http.StatusOK, page(s, r, "locations", out, limit))
}

func (s *Server) locationItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "location")
	if !ok {
		return
	}
	if r.Method != http.MethodGet {
		s.methodNotAllowed(w, r)
		return
	}
	s.mu.Lock()
	l := s.locations[id]
	var out map[string]any
	if l != nil {
		out = s.locationJSON(r, l)
	}
	s.mu.Unlock()
	if l == nil {
		writeError(w, http.StatusNotFound, "location "+strconv.FormatInt(id, 10)+" not found")
		return
	}
	writeData(w, http.StatusOK, out)
}

func sortedKeys[V any](m map[int64]V) []int64 {
	keys := make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
