package servicetrade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// contract is a default, company or template contract (/contract). Quote
// contracts (POST with quoteId/jobId) are not emulated. Ids of referenced
// objects are 0 when unset.
type contract struct {
	ID                             int64
	Type, Name                     string
	VendorID, CustomerID, ParentID int64
	RegionID, OfficeID, LocationID int64
	OwnerID, SalesID               int64
	JobTermsID, QuoteTermsID       int64
	InvoiceTermsID, PaymentTermsID int64
	// Dates are stored at day granularity (midnight UTC).
	StartsOn, ExpiresOn, ReviewOn        *int64
	JobType                              *string
	Description, InvoiceNotes            string
	ExpectedRevenue, ExpectedMargin      *float64
	CustomerPo                           *string
	InvoiceDetailLevel, QuoteDetailLevel []string
	Active                               bool
	Created, Updated                     int64
}

// Contract types that POST creates (quote contracts are out of scope).
var contractTypes = []string{"default", "company", "template"}

// Documented detail levels ("Subset of (...)").
var (
	contractInvoiceDetailLevels = []string{"public", "items", "noprices", "items_by_type", "type_detail"}
	contractQuoteDetailLevels   = []string{"public", "items", "noprices", "time_and_materials", "by_type", "type_detail"}
)

// contractDefaultDetailLevel is what a contract created without detail
// levels reports: every example of the reference, including the "Create a
// non-quote contract" one whose request sends none, answers
// ["public","items_by_type","type_detail"] for both. (For quotes that list
// holds "items_by_type", which is not among the documented quote values: the
// server's default is not subject to request validation.)
var contractDefaultDetailLevel = []string{"public", "items_by_type", "type_detail"}

const contractDay = 24 * 60 * 60

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.contracts = map[int64]*contract{}
		mux.HandleFunc("/contract", s.protected(s.contractCollection))
		mux.HandleFunc("/contract/{id}", s.protected(s.contractItem))
		mux.HandleFunc("/contract/{id}/deactivate", s.protected(s.contractDeactivate))
		mux.HandleFunc("/contract/{id}/{action}", s.protected(s.contractAction))
	})
	// Terms used as job, quote or invoice terms of a contract cannot be
	// deleted (DELETE /terms/{id} answers 409 "referenced by other
	// entities").
	termsReferences = append(termsReferences, func(s *Server, termsID int64) bool {
		for _, c := range s.contracts {
			if c.JobTermsID == termsID || c.QuoteTermsID == termsID || c.InvoiceTermsID == termsID {
				return true
			}
		}
		return false
	})
}

// RemoveContract deletes a contract, and its rules, behind the API's back,
// as only ServiceTrade support could (the API has no DELETE). It is a test
// hook for "deleted out of band"; it reports whether the contract existed.
func (s *Server) RemoveContract(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.contracts[id]
	delete(s.contracts, id)
	for rid, rule := range s.contractRules {
		if rule.ContractID == id {
			delete(s.contractRules, rid)
		}
	}
	return ok
}

// contractDayOf truncates a Unix timestamp to midnight UTC of its day. The
// reference's example reads back local midnight (1445522820 becomes
// 1445486400, 04:00 UTC); the emulator, which has no account time zone,
// uses UTC.
func contractDayOf(ts int64) int64 {
	return ts - ((ts%contractDay)+contractDay)%contractDay
}

// contractRefJSON is the {id, uri, name} form of a contract nested in other
// objects (a contract's parent, a rule's contract). Called with s.mu held.
func (s *Server) contractRefJSON(r *http.Request, c *contract) map[string]any {
	if c == nil {
		return nil
	}
	return map[string]any{"id": c.ID, "uri": s.uri(r, "contract", c.ID), "name": c.Name}
}

// contractJSON renders a contract as GET /contract/{id} does. Called with
// s.mu held. Objects that were removed since they were referenced render as
// null.
func (s *Server) contractJSON(r *http.Request, c *contract) map[string]any {
	companyRef := func(id int64) any {
		co := s.companies[id]
		if co == nil {
			return nil
		}
		ref := s.companyRef(r, co)
		ref["status"] = co.Status
		return ref
	}
	userRef := func(id int64) any {
		u := s.users[id]
		if u == nil {
			return nil
		}
		return map[string]any{
			"id": u.ID, "uri": s.uri(r, "user", u.ID), "name": u.FirstName + " " + u.LastName,
			"email": u.Email, "status": u.Status, "isTech": u.IsTech, "isHelper": u.IsHelper,
		}
	}
	termsRef := func(id int64) any {
		t := s.terms[id]
		if t == nil {
			return nil
		}
		return map[string]any{"id": t.ID, "uri": s.uri(r, "terms", t.ID), "name": t.Name}
	}
	locRef := func(id int64) any {
		l := s.locations[id]
		if l == nil {
			return nil
		}
		return s.locationRef(r, l)
	}
	var region, paymentTerms any
	if rg := s.regions[c.RegionID]; rg != nil {
		region = map[string]any{"id": rg.ID, "uri": s.uri(r, "region", rg.ID), "name": rg.Name}
	}
	if p := s.paymentTerms[c.PaymentTermsID]; p != nil {
		paymentTerms = s.paymentTermsJSON(r, p)
	}
	var parent any
	if p := s.contracts[c.ParentID]; p != nil {
		parent = s.contractRefJSON(r, p)
	}
	locationContext := "all"
	if c.LocationID != 0 {
		locationContext = "location"
	}
	return map[string]any{
		"id": c.ID, "uri": s.uri(r, "contract", c.ID), "name": c.Name, "type": c.Type,
		"vendor": companyRef(c.VendorID), "customer": companyRef(c.CustomerID), "parent": parent,
		"startsOn": c.StartsOn, "expiresOn": c.ExpiresOn, "reviewOn": c.ReviewOn,
		"owner": userRef(c.OwnerID), "sales": userRef(c.SalesID),
		"office": locRef(c.OfficeID), "region": region,
		"locationContext": locationContext, "location": locRef(c.LocationID),
		// No request parameter sets an entity filter.
		"entityFilter": nil,
		"jobType":      c.JobType, "description": c.Description, "customerPo": c.CustomerPo,
		// The emulator has no jobs or invoices: revenue is never
		// calculated, there are no costs (so every item "has" one), and
		// there is no margin to speak of.
		"revenue": nil, "revenueAsOf": nil, "totalCost": 0, "allItemsHaveCosts": true, "actualMargin": nil,
		"tags": []any{}, "active": c.Active, "complexity": "simple",
		"expectedRevenue": c.ExpectedRevenue, "expectedMargin": c.ExpectedMargin,
		"jobTerms": termsRef(c.JobTermsID), "quoteTerms": termsRef(c.QuoteTermsID), "invoiceTerms": termsRef(c.InvoiceTermsID),
		"paymentTerms": paymentTerms, "invoiceNotes": c.InvoiceNotes,
		"invoiceDetailLevel": nonNilStrings(c.InvoiceDetailLevel), "quoteDetailLevel": nonNilStrings(c.QuoteDetailLevel),
		"created": c.Created, "updated": c.Updated,
	}
}

func nonNilStrings(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

func (s *Server) contractCollection(w http.ResponseWriter, r *http.Request) {
	// PUT is not documented on the collection, DELETE is a documented 405:
	// there is no DELETE at all.
	s.serveCollection(w, r, collectionVerbs{
		list: func() { s.listContracts(w, r) },
		create: func(fields map[string]json.RawMessage) {
			_, quote := fields["quoteId"]
			_, job := fields["jobId"]
			if quote || job {
				// Quote contracts ("create a quote-specific contract, or
				// return the existing one") need quotes and jobs, which the
				// emulator does not model; the provider does not manage them.
				writeNotEmulated(w, r)
				return
			}
			c := &contract{Active: true,
				InvoiceDetailLevel: slices.Clone(contractDefaultDetailLevel),
				QuoteDetailLevel:   slices.Clone(contractDefaultDetailLevel)}
			raw, v := s.applyContract(c, fields, true)
			if v != nil {
				writeValidation(w, v)
				return
			}
			c.ID, c.Created, c.Updated = s.newRecord()
			s.contracts[c.ID] = c
			out := s.contractJSON(r, c)
			// The POST echo carries the dates as sent; only later reads show
			// the day the API stored (see the reference's create and modify
			// examples: 1445522820 in the echo, 1445486400 after a PUT).
			for k, ts := range raw {
				out[k] = ts
			}
			writeData(w, out)
		},
	})
}

func (s *Server) contractItem(w http.ResponseWriter, r *http.Request) {
	// "Available Verbs: GET, POST, PUT. There is no DELETE": DELETE on a
	// contract is the API's 405, as on the collection.
	serveByID(s, w, r, "contract", s.contracts, objectVerbs[contract]{
		get: func(c *contract) { writeData(w, s.contractJSON(r, c)) },
		put: func(c *contract, fields map[string]json.RawMessage) {
			// PUT is a partial update: only the fields sent change.
			updated := *c
			updated.InvoiceDetailLevel = slices.Clone(c.InvoiceDetailLevel)
			updated.QuoteDetailLevel = slices.Clone(c.QuoteDetailLevel)
			if _, v := s.applyContract(&updated, fields, false); v != nil {
				writeValidation(w, v)
				return
			}
			updated.Updated = max(time.Now().Unix(), c.Updated)
			*c = updated
			writeData(w, s.contractJSON(r, c))
		},
	})
}

// contractDeactivate is POST /contract/{id}/deactivate, the substitute for
// the missing DELETE: 204 with an empty body; the contract stays, inactive.
func (s *Server) contractDeactivate(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "contract")
	if !ok {
		return
	}
	if r.Method != http.MethodPost {
		s.methodNotAllowed(w, r)
		return
	}
	// The body is optional: every parameter is an optional boolean.
	body, _ := io.ReadAll(r.Body)
	fields := map[string]json.RawMessage{}
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &fields); err != nil {
			writeError(w, http.StatusBadRequest, "malformed request body: "+err.Error())
			return
		}
	}
	v := map[string][]string{}
	for _, name := range []string{"cancelServices", "cancelJobs", "cancelQuotes", "cancelRecurringInvoices"} {
		if raw, sent := fields[name]; sent {
			var b bool
			if json.Unmarshal(raw, &b) != nil {
				v[name] = append(v[name], name+" must be a boolean")
			}
			// There are no service requests, jobs, quotes or recurring
			// invoices in the emulator to cancel.
		}
	}
	if len(v) > 0 {
		writeValidation(w, v)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.contracts[id]
	if c == nil {
		writeError(w, http.StatusNotFound, "contract not found")
		return
	}
	c.Active = false
	c.Updated = max(time.Now().Unix(), c.Updated)
	w.WriteHeader(http.StatusNoContent)
}

// contractAction answers the documented actions the provider does not use:
// GET /contract/{id}/accept is a documented 405; POSTing accept, copy or
// child is not emulated.
func (s *Server) contractAction(w http.ResponseWriter, r *http.Request) {
	switch r.PathValue("action") {
	case "accept", "copy", "child":
	default:
		writeError(w, http.StatusNotFound, "requested URI not found")
		return
	}
	if r.Method != http.MethodPost {
		s.methodNotAllowed(w, r)
		return
	}
	writeNotEmulated(w, r)
}

// applyContract copies POST/PUT fields onto c and returns the raw dates as
// sent (for the POST echo) and the validation errors. Called with s.mu held.
//
// PUT ignores type and customerPo: neither is a PUT parameter, and the API
// ignores parameters it does not take (the reference's POST example sends
// read-only figures such as totalCost, which are ignored). Null clears the
// optional references: the docs say so for ownerId and salesId ("or null if
// there isn't one"); the other optional ids are taken to work alike, since
// the returned objects are documented as "or null".
func (s *Server) applyContract(c *contract, f map[string]json.RawMessage, create bool) (map[string]int64, map[string][]string) {
	v := map[string][]string{}
	bad := func(field, msg string) { v[field] = append(v[field], msg) }

	if create {
		var typ string
		if err := json.Unmarshal(f["type"], &typ); err != nil || typ == "" {
			bad("type", "type is required: one of default, company, template")
		} else if !slices.Contains(contractTypes, typ) {
			bad("type", fmt.Sprintf("type must be one of default, company, template, got %q", typ))
		} else {
			c.Type = typ
		}
		if raw, sent := f["customerPo"]; sent && !isNull(raw) {
			var po string
			if err := json.Unmarshal(raw, &po); err != nil {
				bad("customerPo", "customerPo must be a string")
			} else if po != "" {
				c.CustomerPo = &po
			}
		}
	}
	requiredString(f, v, "name", create, &c.Name)

	// References: each must name an existing object.
	refs := []struct {
		key    string
		dst    *int64
		exists func(int64) bool
		what   string
	}{
		{"vendorId", &c.VendorID, func(id int64) bool { return s.companies[id] != nil }, "company"},
		{"customerId", &c.CustomerID, func(id int64) bool { return s.companies[id] != nil }, "company"},
		{"ownerId", &c.OwnerID, func(id int64) bool { return s.users[id] != nil }, "user"},
		{"salesId", &c.SalesID, func(id int64) bool { return s.users[id] != nil }, "user"},
		{"parentId", &c.ParentID, func(id int64) bool { return s.contracts[id] != nil }, "contract"},
		{"regionId", &c.RegionID, func(id int64) bool { return s.regions[id] != nil }, "region"},
		{"officeId", &c.OfficeID, func(id int64) bool { l := s.locations[id]; return l != nil && l.IsVendor }, "office"},
		{"locationId", &c.LocationID, func(id int64) bool { return s.locations[id] != nil }, "location"},
		{"jobTermsId", &c.JobTermsID, func(id int64) bool { return s.terms[id] != nil }, "terms"},
		{"quoteTermsId", &c.QuoteTermsID, func(id int64) bool { return s.terms[id] != nil }, "terms"},
		{"invoiceTermsId", &c.InvoiceTermsID, func(id int64) bool { return s.terms[id] != nil }, "terms"},
		{"paymentTermsId", &c.PaymentTermsID, func(id int64) bool { return s.paymentTerms[id] != nil }, "payment terms"},
	}
	sentNonNull := map[string]bool{}
	for _, ref := range refs {
		sentNonNull[ref.key] = contractRef(f, v, ref.key, ref.what, ref.dst, ref.exists)
	}
	if c.ParentID != 0 && sentNonNull["parentId"] {
		// A contract cannot be its own ancestor.
		for p, hops := c.ParentID, 0; p != 0 && hops < 1000; hops++ {
			if p == c.ID && c.ID != 0 {
				bad("parentId", "a contract cannot be its own parent or ancestor")
				break
			}
			if pc := s.contracts[p]; pc != nil {
				p = pc.ParentID
			} else {
				break
			}
		}
	}

	// Which types take which companies: vendorId is "required for default,
	// company" and "only allowed on types default and company" (PUT);
	// customerId "required for company" and "only allowed on type company";
	// locationId "only valid for company contracts". The emulator applies
	// the PUT rules to POST too.
	if c.Type != "" {
		hasVendor := c.Type == "default" || c.Type == "company"
		switch {
		case hasVendor && c.VendorID == 0:
			bad("vendorId", "vendorId is required for default and company contracts")
		case !hasVendor && sentNonNull["vendorId"]:
			bad("vendorId", "vendorId is only allowed on types default and company")
		}
		switch {
		case c.Type == "company" && c.CustomerID == 0:
			bad("customerId", "customerId is required for company contracts")
		case c.Type != "company" && sentNonNull["customerId"]:
			bad("customerId", "customerId is only allowed on type company")
		}
		if c.Type != "company" && sentNonNull["locationId"] {
			bad("locationId", "locationId is only valid for company contracts")
		}
	}

	// Dates: Unix timestamps, stored at day granularity.
	raw := map[string]int64{}
	for _, d := range []struct {
		key string
		dst **int64
	}{{"startsOn", &c.StartsOn}, {"expiresOn", &c.ExpiresOn}, {"reviewOn", &c.ReviewOn}} {
		rawTS, sent := f[d.key]
		if !sent {
			continue
		}
		if isNull(rawTS) {
			*d.dst = nil
			continue
		}
		var ts int64
		if err := json.Unmarshal(rawTS, &ts); err != nil {
			bad(d.key, d.key+" must be a Unix timestamp (integer seconds)")
			continue
		}
		day := contractDayOf(ts)
		*d.dst = &day
		raw[d.key] = ts
	}

	for _, n := range []struct {
		key string
		dst **float64
	}{{"expectedRevenue", &c.ExpectedRevenue}, {"expectedMargin", &c.ExpectedMargin}} {
		rawN, sent := f[n.key]
		if !sent {
			continue
		}
		var num *float64
		if err := json.Unmarshal(rawN, &num); err != nil || (num != nil && (math.IsNaN(*num) || math.IsInf(*num, 0))) {
			bad(n.key, n.key+" must be numeric")
			continue
		}
		*n.dst = num
	}

	for _, t := range []struct {
		key string
		dst *string
	}{{"description", &c.Description}, {"invoiceNotes", &c.InvoiceNotes}} {
		rawS, sent := f[t.key]
		if !sent {
			continue
		}
		var str *string
		if err := json.Unmarshal(rawS, &str); err != nil {
			bad(t.key, t.key+" must be a string")
			continue
		}
		*t.dst = ""
		if str != nil {
			*t.dst = *str
		}
	}
	if rawJT, sent := f["jobType"]; sent {
		// Job types are account settings (/accountsettings jobTypes), which
		// the emulator does not model: any non-empty string is accepted.
		var jt *string
		if err := json.Unmarshal(rawJT, &jt); err != nil {
			bad("jobType", "jobType must be a string")
		} else if jt == nil || *jt == "" {
			c.JobType = nil
		} else {
			c.JobType = jt
		}
	}

	for _, dl := range []struct {
		key     string
		dst     *[]string
		allowed []string
	}{{"invoiceDetailLevel", &c.InvoiceDetailLevel, contractInvoiceDetailLevels}, {"quoteDetailLevel", &c.QuoteDetailLevel, contractQuoteDetailLevels}} {
		rawDL, sent := f[dl.key]
		if !sent {
			continue
		}
		var levels []string
		if err := json.Unmarshal(rawDL, &levels); err != nil {
			bad(dl.key, dl.key+" must be an array of strings")
			continue
		}
		out := []string{}
		for _, l := range levels {
			if !slices.Contains(dl.allowed, l) {
				bad(dl.key, fmt.Sprintf("%q is not a valid %s; allowed: %s", l, dl.key, strings.Join(dl.allowed, ", ")))
				continue
			}
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
		*dl.dst = out
	}

	if rawA, sent := f["active"]; sent {
		var b *bool
		if err := json.Unmarshal(rawA, &b); err != nil || b == nil {
			bad("active", "active must be a boolean")
		} else {
			c.Active = *b
		}
	}

	if len(v) > 0 {
		return nil, v
	}
	return raw, nil
}

// listContracts is GET /contract. An index without jobId, vendorId or
// customerId (or their deprecated aliases) is a 405, and a filter that
// matches nothing is a 404, not an empty list. Called with s.mu held.
func (s *Server) listContracts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := q.Get(k); v != "" {
				return v
			}
		}
		return ""
	}
	vendor, customer := first("vendorId", "contractorId"), first("customerId", "contracteeId")
	if q.Get("jobId") == "" && vendor == "" && customer == "" {
		writeError(w, http.StatusMethodNotAllowed, "not allowed: provide jobId, vendorId or customerId")
		return
	}
	noneFound := func() { writeError(w, http.StatusNotFound, "no contracts found valid for this combination") }
	if q.Get("jobId") != "" {
		// jobId "overrides all other query parameters"; the emulator has no
		// jobs, so no job has contracts.
		noneFound()
		return
	}
	idParam := func(name, v string) (int64, bool) {
		if v == "" {
			return 0, true
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			writeValidation(w, map[string][]string{name: {name + " must be an integer id"}})
			return 0, false
		}
		return id, true
	}
	vendorID, ok1 := idParam("vendorId", vendor)
	customerID, ok2 := idParam("customerId", customer)
	parentID, ok3 := idParam("parentId", q.Get("parentId"))
	possibleParentOf, ok4 := idParam("possibleParentOf", q.Get("possibleParentOf"))
	locationID, ok5 := idParam("locationId", q.Get("locationId"))
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
		return
	}
	tsParam := func(name string) (*int64, bool) {
		v := q.Get(name)
		if v == "" {
			return nil, true
		}
		ts, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			writeValidation(w, map[string][]string{name: {name + " must be a Unix timestamp"}})
			return nil, false
		}
		return &ts, true
	}
	reviewAfter, ok6 := tsParam("reviewOnAfter")
	reviewBefore, ok7 := tsParam("reviewOnBefore")
	if !ok6 || !ok7 {
		return
	}
	name := strings.ToLower(q.Get("name"))
	salesIDs := parseIDList(q.Get("salesId"))
	tags := splitList(q.Get("tag"))
	jobType := q.Get("jobType")

	if possibleParentOf != 0 && s.contracts[possibleParentOf] == nil {
		writeValidation(w, map[string][]string{"possibleParentOf": {"possibleParentOf must be an existing contract id"}})
		return
	}
	// descends reports whether c is possibleParentOf or one of its
	// descendants, which cannot become its parent.
	descends := func(c *contract) bool {
		for p, hops := c.ID, 0; p != 0 && hops < 1000; hops++ {
			if p == possibleParentOf {
				return true
			}
			pc := s.contracts[p]
			if pc == nil {
				return false
			}
			p = pc.ParentID
		}
		return false
	}
	out := collect(r, s.contracts, func(c *contract) bool {
		switch {
		case vendorID != 0 && c.VendorID != vendorID,
			customerID != 0 && c.CustomerID != customerID,
			parentID != 0 && c.ParentID != parentID,
			possibleParentOf != 0 && descends(c),
			name != "" && !strings.Contains(strings.ToLower(c.Name), name),
			len(salesIDs) > 0 && !slices.Contains(salesIDs, c.SalesID),
			// Contracts carry no tags in the emulator (tags are managed
			// through the Tag API, which it does not model).
			len(tags) > 0,
			reviewAfter != nil && (c.ReviewOn == nil || *c.ReviewOn < *reviewAfter),
			reviewBefore != nil && (c.ReviewOn == nil || *c.ReviewOn > *reviewBefore):
			return false
		}
		if locationID == 0 {
			return true
		}
		// The contracts that might apply at the location: those for that
		// location or for all locations. (The API narrows these to "the
		// most specific" unless allMatches is true; the emulator always
		// answers as with allMatches.) jobType only counts with a
		// locationId, as documented.
		return (c.LocationID == 0 || c.LocationID == locationID) &&
			(jobType == "" || c.JobType == nil || *c.JobType == jobType)
	}, s.contractJSON)
	if len(out) == 0 {
		noneFound()
		return
	}
	writeData(w, page(s, r, "contracts", out, 0))
}
