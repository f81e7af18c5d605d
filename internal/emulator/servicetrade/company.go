package servicetrade

import (
	"net/http"
	"strconv"
	"strings"
)

// company is a seeded company. Companies are business data: the emulator
// serves them for reference (look-ups by name or id) and does not create,
// change or delete them.
type company struct {
	ID                          int64
	Name                        string
	Status                      string
	Customer, Vendor            bool
	Street, City, State, Postal string
	Phone                       string
}

func (s *Server) seedCompanies() {
	seed := []company{
		{Name: VendorCompany, Vendor: true, Street: "1 Fayetteville St", City: "Raleigh", State: "NC", Postal: "27601", Phone: "(919) 555-0100"},
		{Name: SeedCustomerCompanies[0], Customer: true, Street: "55 Main St", City: "Mount Olive", State: "NC", Postal: "28365", Phone: "(910) 555-0100"},
		{Name: SeedCustomerCompanies[1], Customer: true, Street: "200 Acme Tower Blvd", City: "Durham", State: "NC", Postal: "27701", Phone: "(919) 555-0177"},
		{Name: DuplicateCompany, Customer: true, Street: "12 N Center St", City: "Goldsboro", State: "NC", Postal: "27530", Phone: "(919) 555-0121"},
		{Name: DuplicateCompany, Customer: true, Status: "on_hold", Street: "9 Nash St", City: "Wilson", State: "NC", Postal: "27893", Phone: "(252) 555-0109"},
	}
	for _, c := range seed {
		c.ID = s.newID()
		if c.Status == "" {
			c.Status = "active"
		}
		if c.Name == VendorCompany {
			s.accountCompanyID = c.ID
		}
		s.companies[c.ID] = &c
	}
}

// companyByName returns the first seeded company with that exact name.
// Called with s.mu held or during seeding.
func (s *Server) companyByName(name string) *company {
	for _, id := range sortedKeys(s.companies) {
		if s.companies[id].Name == name {
			return s.companies[id]
		}
	}
	return nil
}

// vendorCompany is the account's own company (VendorCompany in the
// built-in seed; the one a seed file names, see seed_companies.go). Every
// seed has one. Called with s.mu held or during seeding.
func (s *Server) vendorCompany() *company { return s.companies[s.accountCompanyID] }

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/company", s.protected(s.companyCollection))
		mux.HandleFunc("/company/{id}", s.protected(s.companyItem))
	})
}

// companyRef is the {id, uri, name} form nested in other objects.
func (s *Server) companyRef(r *http.Request, c *company) map[string]any {
	if c == nil {
		return nil
	}
	return map[string]any{"id": c.ID, "uri": s.uri(r, "company", c.ID), "name": c.Name}
}

func (s *Server) companyJSON(r *http.Request, c *company) map[string]any {
	provided := []map[string]any{}
	if c.Vendor {
		for _, id := range sortedKeys(s.serviceLines) {
			if sl := s.serviceLines[id]; sl.Provided {
				provided = append(provided, s.serviceLineJSON(r, sl))
			}
		}
	}
	return map[string]any{
		"uri": s.uri(r, "company", c.ID), "id": c.ID, "refNumber": strconv.FormatInt(c.ID, 10),
		"name": c.Name, "status": c.Status,
		"customer": c.Customer, "vendor": c.Vendor, "partsVendor": false, "primeContractor": false,
		"shareId": nil, "managingAccount": nil,
		"address":              map[string]any{"street": c.Street, "city": c.City, "state": c.State, "postalCode": c.Postal},
		"serviceLinesProvided": provided,
		"phoneNumber":          c.Phone,
		"defaultBrand":         nil, "logo": nil, "tags": []any{},
		"created": seedTime, "updated": seedTime,
	}
}

func (s *Server) companyCollection(w http.ResponseWriter, r *http.Request) {
	// Documented (POST /company, and PUT on the collection), but the
	// provider never creates or changes companies.
	if !s.getOnly(w, r, http.MethodPost, http.MethodPut) {
		return
	}
	q := r.URL.Query()
	name := strings.ToLower(q.Get("name"))
	status := strings.ToLower(q.Get("status"))
	isVendor, isCustomer := boolParam(q.Get("isVendor")), boolParam(q.Get("isCustomer"))
	s.mu.Lock()
	defer s.mu.Unlock()
	writeList(s, w, r, "companies", s.companies, func(c *company) bool {
		switch {
		case name != "" && !strings.Contains(strings.ToLower(c.Name), name),
			status != "" && c.Status != status,
			isVendor && !c.Vendor || isCustomer && !c.Customer:
			return false
		}
		return true
	}, s.companyJSON)
}

func (s *Server) companyItem(w http.ResponseWriter, r *http.Request) {
	getSeeded(s, w, r, "company", s.companies, s.companyJSON, http.MethodPut, http.MethodDelete)
}
