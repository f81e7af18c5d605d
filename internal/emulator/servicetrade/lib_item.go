package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// libItem is a price-book item (part, labor, service, ...): seeded items,
// and those clients create with POST /libitem. The API cannot delete lib
// items (DELETE answers 405): they are deactivated with PUT active=false.
type libItem struct {
	ID              int64
	Name, Code      string
	Type            string // lowercase API type, as POSTed ("part")
	Cost            *float64
	ServiceLineID   int64 // 0: none
	CompanyID       int64 // 0: a global item
	Active, Taxable bool
	IsGeneric       bool
	Created         int64
	Updated         int64
	// TechCosts are the per-technician costs of a labor item (PUT with
	// techId), by user id. They never show in the item's cost, which is
	// the standard cost.
	TechCosts map[int64]*float64
}

// LibItemTypes are the documented lib item types, in the order the
// reference lists them. The POST echo's typeId is the position in this
// list, from 1: the reference's one example has "part" with typeId 3.
var LibItemTypes = []string{"inspection", "service", "part", "labor", "fee", "material", "general_conditions", "equipment", "subcontractor", "other"}

// maxLibItemCode is the documented maximum length of a code.
const maxLibItemCode = 100

func (s *Server) seedLibItems() {
	for _, it := range SeedLibItems {
		li := &libItem{ID: s.newID(), Name: it.Name, Code: it.Code, Type: it.Type, Cost: it.Cost, Active: it.Active, Taxable: true, IsGeneric: it.IsGeneric,
			Created: seedTime, Updated: seedTime}
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
		"isGeneric": li.IsGeneric, "created": li.Created, "updated": li.Updated,
	}
}

// libItemCreatedJSON renders a lib item as the POST echo does: the type in
// its lowercase request form, plus typeId, which appears nowhere else.
func (s *Server) libItemCreatedJSON(r *http.Request, li *libItem) map[string]any {
	m := s.libItemJSON(r, li)
	m["type"] = li.Type
	m["typeId"] = slices.Index(LibItemTypes, li.Type) + 1
	return m
}

func (s *Server) libItemCollection(w http.ResponseWriter, r *http.Request) {
	// PUT and DELETE on /libitem are documented as 405.
	s.serveCollection(w, r, collectionVerbs{
		list: func() { s.listLibItems(w, r) },
		create: func(fields map[string]json.RawMessage) {
			li := &libItem{Active: true, Taxable: true}
			v := map[string][]string{}
			// name and type are required "on POST"; techId is "PUT ONLY"
			// and, like every parameter a verb does not take, ignored.
			s.applyLibItem(li, fields, v, true)
			if len(v) > 0 {
				writeValidation(w, v)
				return
			}
			li.ID, li.Created, li.Updated = s.newRecord()
			s.libItems[li.ID] = li
			writeData(w, s.libItemCreatedJSON(r, li))
		},
	})
}

// listLibItems answers GET /libitem. Called with s.mu held.
func (s *Server) listLibItems(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	search := strings.ToLower(q.Get("search"))
	code := strings.ToLower(q.Get("code"))
	name := strings.ToLower(q.Get("name"))
	typ := strings.ToLower(q.Get("type"))
	serviceLineIDs := parseIDList(q.Get("serviceLineIds"))
	// "if not specified, defaults to true".
	active := q.Get("active") != "false" && q.Get("active") != "0"
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
	// The documented verbs are GET, POST and PUT; DELETE (documented as 405
	// on the collection) is a 405 here too, whether or not the item
	// exists. A single GET returns inactive items too.
	if r.Method == http.MethodDelete {
		s.methodNotAllowed(w, r)
		return
	}
	serveByID(s, w, r, "lib item", s.libItems, objectVerbs[libItem]{
		get: func(li *libItem) { writeData(w, s.libItemJSON(r, li)) },
		put: func(li *libItem, fields map[string]json.RawMessage) {
			// A partial update; the answer is rendered as a GET renders
			// the item (capitalised type, no typeId): the reference shows
			// no PUT answer.
			updated := *li
			updated.TechCosts = li.TechCosts
			v := map[string][]string{}
			techCost := s.applyLibItem(&updated, fields, v, false)
			if len(v) > 0 {
				writeValidation(w, v)
				return
			}
			if techCost != nil {
				if updated.TechCosts == nil {
					updated.TechCosts = map[int64]*float64{}
				}
				updated.TechCosts[techCost.userID] = techCost.cost
			}
			// updated is a Unix time in seconds; it moves forward on every
			// PUT even within the same second.
			updated.Updated = max(time.Now().Unix(), li.Updated+1)
			*li = updated
			writeData(w, s.libItemJSON(r, li))
		},
	})
}

// techCost is the cost a PUT with techId sets for one technician.
type techCost struct {
	userID int64
	cost   *float64
}

// applyLibItem copies the POST/PUT parameters onto li and records what is
// wrong in v. On a PUT with techId, the cost sent is that technician's
// (returned, for the caller to record) and the standard cost is left as it
// is.
func (s *Server) applyLibItem(li *libItem, f map[string]json.RawMessage, v map[string][]string, create bool) *techCost {
	requiredString(f, v, "name", create, &li.Name)
	// Only the lowercase request form is accepted: "Part", the form GETs
	// answer with, is a 400 (the reference lists lowercase values only).
	oneOf(f, v, "type", create, LibItemTypes, "type must be one of "+strings.Join(LibItemTypes, ", "), &li.Type)
	if raw, sent := f["code"]; sent {
		var code *string
		switch err := json.Unmarshal(raw, &code); {
		case err != nil:
			v["code"] = append(v["code"], "code must be a string")
		case code == nil || *code == "":
			li.Code = "" // null or "" clears it
		case len(*code) > maxLibItemCode:
			v["code"] = append(v["code"], fmt.Sprintf("code must be at most %d characters long", maxLibItemCode))
		default:
			// "must be unique": among every item, active or not, of any
			// company, ignoring case (the reference does not say whether
			// case matters; ignoring it is the stricter reading).
			for _, other := range s.libItems {
				if other.ID != li.ID && strings.EqualFold(other.Code, *code) {
					v["code"] = append(v["code"], fmt.Sprintf("lib item code %q is already in use", other.Code))
					break
				}
			}
			li.Code = *code
		}
	}
	var tech *techCost
	if raw, sent := f["techId"]; sent && !create {
		var id int64
		switch err := json.Unmarshal(raw, &id); {
		case err != nil || s.users[id] == nil:
			v["techId"] = append(v["techId"], "techId must be the id of an existing user")
		case li.Type != "labor":
			// "sets a labor item's cost": refused on other types.
			v["techId"] = append(v["techId"], "techId is only allowed for labor items")
		default:
			tech = &techCost{userID: id}
		}
	}
	cost := &li.Cost
	if tech != nil {
		cost = &tech.cost
	}
	nullable(f, v, "cost", "a number or null", cost)
	// null clears the service line and the company (a global item).
	contractRef(f, v, "serviceLineId", "service line", &li.ServiceLineID, func(id int64) bool { return s.serviceLines[id] != nil })
	contractRef(f, v, "companyId", "company", &li.CompanyID, func(id int64) bool { return s.companies[id] != nil })
	for key, dst := range map[string]*bool{"active": &li.Active, "taxable": &li.Taxable} {
		if raw, sent := f[key]; sent {
			if err := json.Unmarshal(raw, dst); err != nil || isNull(raw) {
				v[key] = append(v[key], key+" must be a boolean")
			}
		}
	}
	return tech
}

// RemoveLibItem deletes a lib item behind the API's back, as only
// ServiceTrade support could (the API answers DELETE with 405). It is a
// test hook for "deleted out of band"; it reports whether the item existed.
func (s *Server) RemoveLibItem(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.libItems[id]
	delete(s.libItems, id)
	return ok
}
