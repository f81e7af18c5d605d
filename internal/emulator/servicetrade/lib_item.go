package servicetrade

import (
	"net/http"
	"slices"
	"strings"
)

// libItem is a price-book item (part, labor, service, ...). The emulator
// serves the seeded items for reference; the provider never creates or
// changes lib items.
type libItem struct {
	ID              int64
	Name, Code      string
	Type            string // lowercase API type, as POSTed ("part")
	Cost            *float64
	ServiceLineID   int64 // 0: none
	CompanyID       int64 // 0: a global item
	Active, Taxable bool
	IsGeneric       bool
}

func (s *Server) seedLibItems() {
	for _, it := range SeedLibItems {
		li := &libItem{ID: s.newID(), Name: it.Name, Code: it.Code, Type: it.Type, Cost: it.Cost, Active: it.Active, Taxable: true, IsGeneric: it.IsGeneric}
		if it.ServiceLine != "" {
			li.ServiceLineID = s.serviceLineByAbbr(it.ServiceLine).ID
		}
		s.libItems[li.ID] = li
	}
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/libitem", s.protected(s.libItemCollection))
		mux.HandleFunc("/libitem/{id}", s.protected(s.libItemItem))
	})
}

// displayLibItemType is the type as GETs return it: capitalised ("Other",
// "Part"), where the POST echo (and every request) uses lowercase. The
// reference only shows "Other"; multi-word types are assumed to read
// "General Conditions".
func displayLibItemType(t string) string {
	words := strings.Split(t, "_")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// libItemJSON renders a lib item as GET does. Called with s.mu held.
func (s *Server) libItemJSON(r *http.Request, li *libItem) map[string]any {
	var sl map[string]any
	if l := s.serviceLines[li.ServiceLineID]; l != nil {
		sl = s.serviceLineJSON(r, l)
		sl["abbreviation"] = l.Abbr // deprecated alias of abbr
	}
	var code any
	if li.Code != "" {
		code = li.Code
	}
	return map[string]any{
		"uri": s.uri(r, "libitem", li.ID), "id": li.ID, "code": code, "name": li.Name,
		"type": displayLibItemType(li.Type), "active": li.Active,
		// price and priceRuleType are only set in a contract context,
		// which the emulator does not model.
		"price": nil, "priceRuleType": nil,
		"taxable": li.Taxable, "cost": li.Cost,
		"company": s.companyRef(r, s.companies[li.CompanyID]), "serviceLine": sl,
		"isGeneric": li.IsGeneric, "created": seedTime, "updated": seedTime,
	}
}

func (s *Server) libItemCollection(w http.ResponseWriter, r *http.Request) {
	// POST is documented, but the provider never creates lib items; PUT and
	// DELETE on /libitem are documented as 405.
	if !s.getOnly(w, r, http.MethodPost) {
		return
	}
	q := r.URL.Query()
	search := strings.ToLower(q.Get("search"))
	code := strings.ToLower(q.Get("code"))
	name := strings.ToLower(q.Get("name"))
	typ := strings.ToLower(q.Get("type"))
	serviceLineIDs := parseIDList(q.Get("serviceLineIds"))
	// "if not specified, defaults to true".
	active := q.Get("active") != "false" && q.Get("active") != "0"
	s.mu.Lock()
	defer s.mu.Unlock()
	// companyIds adds company-specific items to the global ones and
	// "defaults to the current user's company".
	companyIDs := parseIDList(q.Get("companyIds"))
	if len(companyIDs) == 0 {
		companyIDs = []int64{s.vendorCompany().ID}
	}
	writeList(s, w, r, "libItems", s.libItems, func(li *libItem) bool {
		lname, lcode := strings.ToLower(li.Name), strings.ToLower(li.Code)
		// search, code and name are case-insensitive substring matches
		// ("string to match against", "string to find in"); the docs do
		// not say whether code is exact, and a substring is the safe guess
		// for a client that filters exact matches itself.
		switch {
		case li.Active != active,
			li.CompanyID != 0 && !slices.Contains(companyIDs, li.CompanyID),
			search != "" && !strings.Contains(lname, search) && !strings.Contains(lcode, search),
			code != "" && !strings.Contains(lcode, code),
			name != "" && !strings.Contains(lname, name),
			typ != "" && li.Type != typ,
			len(serviceLineIDs) > 0 && !slices.Contains(serviceLineIDs, li.ServiceLineID):
			return false
		}
		return true
	}, s.libItemJSON)
}

func (s *Server) libItemItem(w http.ResponseWriter, r *http.Request) {
	// PUT is documented, but the provider never changes lib items; DELETE
	// is not among the documented verbs (GET, POST, PUT): 405. A single GET
	// returns inactive items too.
	getSeeded(s, w, r, "lib item", s.libItems, s.libItemJSON, http.MethodPut)
}
