package servicetrade

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// location is a seeded location. Offices are the vendor company's own
// locations (IsVendor); the others are customer locations, each served by
// offices. The API manages locations as business data; the emulator only
// serves them for reference.
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
	CompanyID   int64
	Status      string
	Taxable     bool
	// OfficeIDs are the offices serving a customer location.
	OfficeIDs []int64
}

func (s *Server) seedLocations() {
	vendor := s.vendorCompany()
	offices := []location{
		{Name: SeedOffices[0], Lat: 32.969788, Lon: -80.007392, Phone: "(843) 555-1233", Email: "goosecreek@example.com", Street: "1500 Red Bank Road", City: "Goose Creek", State: "SC", PostalCode: "29445", ContactName: [2]string{"Stan", "Dalone"}},
		{Name: SeedOffices[1], Lat: 35.7796, Lon: -78.6382, Phone: "(919) 555-0142", Email: "raleigh@example.com", Street: "1 Fayetteville St", City: "Raleigh", State: "NC", PostalCode: "27601", ContactName: [2]string{"Rae", "Leigh"}},
		{Name: SeedOffices[2], Lat: 35.2271, Lon: -80.8431, Phone: "(704) 555-0199", Email: "charlotte@example.com", Street: "600 S Tryon St", City: "Charlotte", State: "NC", PostalCode: "28202", ContactName: [2]string{"Char", "Lotte"}},
	}
	var officeIDs []int64
	for _, l := range offices {
		l.ID = s.newID()
		l.IsVendor, l.CompanyID, l.Status = true, vendor.ID, "active"
		s.locations[l.ID] = &l
		officeIDs = append(officeIDs, l.ID)
	}
	deli := []*company{}
	for _, id := range sortedKeys(s.companies) {
		if s.companies[id].Name == DuplicateCompany {
			deli = append(deli, s.companies[id])
		}
	}
	customers := []location{
		{Name: SeedCustomerLocations[0], Lat: 35.2207, Lon: -78.0711, Phone: "(910) 555-0100", Street: "55 Main St", City: "Mount Olive", State: "NC", PostalCode: "28365", ContactName: [2]string{"Pat", "Tee"}, CompanyID: s.companyByName(SeedCustomerCompanies[0]).ID, Taxable: true, OfficeIDs: []int64{officeIDs[1]}},
		{Name: SeedCustomerLocations[1], Lat: 35.9940, Lon: -78.8986, Phone: "(919) 555-0177", Email: "facilities@acme.example.com", Street: "200 Acme Tower Blvd", City: "Durham", State: "NC", PostalCode: "27701", ContactName: [2]string{"Wile", "Coyote"}, CompanyID: s.companyByName(SeedCustomerCompanies[1]).ID, Taxable: true, OfficeIDs: []int64{officeIDs[1], officeIDs[2]}},
		{Name: DuplicateLocation, Lat: 35.3849, Lon: -77.9928, Phone: "(919) 555-0121", Street: "12 N Center St", City: "Goldsboro", State: "NC", PostalCode: "27530", ContactName: [2]string{"Del", "Icatessen"}, CompanyID: deli[0].ID, Taxable: true, OfficeIDs: []int64{officeIDs[1]}},
		{Name: DuplicateLocation, Lat: 35.7212, Lon: -77.9155, Phone: "(252) 555-0109", Street: "9 Nash St", City: "Wilson", State: "NC", PostalCode: "27893", ContactName: [2]string{"Del", "Monte"}, CompanyID: deli[1].ID, Status: "inactive", OfficeIDs: []int64{officeIDs[1]}},
	}
	for _, l := range customers {
		l.ID = s.newID()
		if l.Status == "" {
			l.Status = "active"
		}
		s.locations[l.ID] = &l
	}
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/location", s.protected(s.locationCollection))
		mux.HandleFunc("/location/{id}", s.protected(s.locationItem))
	})
}

// locationJSON renders a location as GET /location/{id} does. Called with
// s.mu held.
func (s *Server) locationJSON(r *http.Request, l *location) map[string]any {
	out := s.locationRef(r, l)
	out["refNumber"] = strconv.FormatInt(l.ID, 10)
	out["geocodeQuality"] = 87
	out["distance"] = nil
	out["generalManager"] = l.ContactName[0] + " " + l.ContactName[1]
	out["primaryContact"] = map[string]any{
		"id": l.ID + 1000, "uri": s.uri(r, "contact", l.ID+1000), "firstName": l.ContactName[0], "lastName": l.ContactName[1],
		"phone": l.Phone, "mobile": "", "alternatePhone": "", "email": l.Email, "type": "management",
	}
	out["storeNumber"] = nil
	out["company"] = s.companyRef(r, s.companies[l.CompanyID])
	out["brand"] = nil
	out["tags"] = []any{}
	offices := []map[string]any{}
	for _, id := range l.OfficeIDs {
		if o := s.locations[id]; o != nil {
			offices = append(offices, s.locationRef(r, o))
		}
	}
	out["offices"] = offices
	out["created"], out["updated"] = seedTime, seedTime
	return out
}

// locationRef is the short form of a location nested in other objects (a
// location's offices, a user's home office).
func (s *Server) locationRef(r *http.Request, l *location) map[string]any {
	return map[string]any{
		"id": l.ID, "uri": s.uri(r, "location", l.ID), "name": l.Name, "legacyId": nil, "lat": l.Lat, "lon": l.Lon,
		"phoneNumber": l.Phone, "email": l.Email,
		"address": map[string]any{"street": l.Street, "city": l.City, "state": l.State, "postalCode": l.PostalCode},
		"taxable": l.Taxable, "status": l.Status,
	}
}

func (s *Server) locationCollection(w http.ResponseWriter, r *http.Request) {
	// POST is documented, but the provider never creates locations. PUT and
	// DELETE on the collection are not documented: 405, the API's "method
	// not implemented".
	if !s.getOnly(w, r, http.MethodPost) {
		return
	}
	q := r.URL.Query()
	name := strings.ToLower(q.Get("name"))
	// isVendor=true lists offices only. Otherwise isCustomer "defaults to
	// true" (customer locations only); isCustomer=false lifts that filter.
	// The docs do not say how the two combine; isVendor winning is what
	// makes the documented office look-up (?isVendor=true) work.
	vendorOnly := boolParam(q.Get("isVendor"))
	customerOnly := !vendorOnly && q.Get("isCustomer") != "false" && q.Get("isCustomer") != "0"
	companyIDs := parseIDList(q.Get("companyId"))
	statuses := splitList(q.Get("status"))
	refNumber := q.Get("refNumber")
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit <= 0 {
		limit = 10
	}
	limit = min(limit, 5000)
	s.mu.Lock()
	defer s.mu.Unlock()
	out := collect(r, s.locations, func(l *location) bool {
		switch {
		case vendorOnly && !l.IsVendor, customerOnly && l.IsVendor,
			name != "" && !strings.Contains(strings.ToLower(l.Name), name),
			len(companyIDs) > 0 && !slices.Contains(companyIDs, l.CompanyID),
			len(statuses) > 0 && !slices.Contains(statuses, l.Status),
			refNumber != "" && refNumber != strconv.FormatInt(l.ID, 10):
			return false
		}
		return true
	}, s.locationJSON)
	writeData(w, page(s, r, "locations", out, limit))
}

func (s *Server) locationItem(w http.ResponseWriter, r *http.Request) {
	// PUT and DELETE are documented, but the provider never changes or
	// deletes locations.
	getSeeded(s, w, r, "location", s.locations, s.locationJSON, http.MethodPut, http.MethodDelete)
}
