package servicetrade

import (
	"encoding/json"
	"slices"
	"strings"
)

// Contracts (default, company and template; quote contracts are not
// emulated). The API's rules on types apply: vendorId is required for
// default and company contracts and refused on templates, customerId is
// required for company contracts only, locationId is for company
// contracts only. Dates are kept at day granularity (midnight UTC), as the
// API keeps them: a time within a day is moved to its midnight. Without
// detail levels, a contract has the server's default ones
// (contractDefaultDetailLevel); a dump always writes them.

// seedContract is a contract entry.
type seedContract struct {
	ID                 int64    `json:"id"`
	Type               string   `json:"type"`
	Name               string   `json:"name"`
	VendorID           int64    `json:"vendorId,omitempty"`
	CustomerID         int64    `json:"customerId,omitempty"`
	ParentID           int64    `json:"parentId,omitempty"`
	RegionID           int64    `json:"regionId,omitempty"`
	OfficeID           int64    `json:"officeId,omitempty"`
	LocationID         int64    `json:"locationId,omitempty"`
	OwnerID            int64    `json:"ownerId,omitempty"`
	SalesID            int64    `json:"salesId,omitempty"`
	JobTermsID         int64    `json:"jobTermsId,omitempty"`
	QuoteTermsID       int64    `json:"quoteTermsId,omitempty"`
	InvoiceTermsID     int64    `json:"invoiceTermsId,omitempty"`
	PaymentTermsID     int64    `json:"paymentTermsId,omitempty"`
	StartsOn           *int64   `json:"startsOn,omitempty"`
	ExpiresOn          *int64   `json:"expiresOn,omitempty"`
	ReviewOn           *int64   `json:"reviewOn,omitempty"`
	JobType            *string  `json:"jobType,omitempty"`
	Description        string   `json:"description,omitempty"`
	InvoiceNotes       string   `json:"invoiceNotes,omitempty"`
	ExpectedRevenue    *float64 `json:"expectedRevenue,omitempty"`
	ExpectedMargin     *float64 `json:"expectedMargin,omitempty"`
	CustomerPo         *string  `json:"customerPo,omitempty"`
	InvoiceDetailLevel []string `json:"invoiceDetailLevel"`
	QuoteDetailLevel   []string `json:"quoteDetailLevel"`
	Active             *bool    `json:"active"`
	seedStamp
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name:  "contracts",
		after: []string{"companies", "locations", "users", "regions", "terms", "payment_terms"}, ids: true,
		load: loadContracts,
		dump: func(s *Server) any {
			return dumpSorted(s.contracts, func(c *contract) seedContract {
				return seedContract{ID: c.ID, Type: c.Type, Name: c.Name, VendorID: c.VendorID, CustomerID: c.CustomerID,
					ParentID: c.ParentID, RegionID: c.RegionID, OfficeID: c.OfficeID, LocationID: c.LocationID,
					OwnerID: c.OwnerID, SalesID: c.SalesID, JobTermsID: c.JobTermsID, QuoteTermsID: c.QuoteTermsID,
					InvoiceTermsID: c.InvoiceTermsID, PaymentTermsID: c.PaymentTermsID,
					StartsOn: c.StartsOn, ExpiresOn: c.ExpiresOn, ReviewOn: c.ReviewOn, JobType: c.JobType,
					Description: c.Description, InvoiceNotes: c.InvoiceNotes, ExpectedRevenue: c.ExpectedRevenue,
					ExpectedMargin: c.ExpectedMargin, CustomerPo: c.CustomerPo,
					InvoiceDetailLevel: orEmpty(c.InvoiceDetailLevel), QuoteDetailLevel: orEmpty(c.QuoteDetailLevel),
					Active: ptr(c.Active), seedStamp: seedStamp{ptr(c.Created), ptr(c.Updated)}}
			})
		},
	})
}

func loadContracts(l *seedLoader, raw json.RawMessage) {
	s := l.s
	stored := map[int64]seedItem[seedContract]{}
	for _, it := range seedEntries[seedContract](l, "contracts", raw, "name") {
		v := it.v
		it.required("name", v.Name)
		if it.required("type", v.Type) {
			it.oneOf("type", v.Type, "", contractTypes)
		}
		checkContractRefs(it.seedEntry, v)
		c := &contract{Type: v.Type, Name: v.Name, VendorID: v.VendorID, CustomerID: v.CustomerID, ParentID: v.ParentID,
			RegionID: v.RegionID, OfficeID: v.OfficeID, LocationID: v.LocationID, OwnerID: v.OwnerID, SalesID: v.SalesID,
			JobTermsID: v.JobTermsID, QuoteTermsID: v.QuoteTermsID, InvoiceTermsID: v.InvoiceTermsID, PaymentTermsID: v.PaymentTermsID,
			StartsOn: seedContractDay(v.StartsOn), ExpiresOn: seedContractDay(v.ExpiresOn), ReviewOn: seedContractDay(v.ReviewOn),
			JobType: v.JobType, Description: v.Description, InvoiceNotes: v.InvoiceNotes,
			ExpectedRevenue: v.ExpectedRevenue, ExpectedMargin: v.ExpectedMargin, CustomerPo: v.CustomerPo,
			InvoiceDetailLevel: detailLevels(it.seedEntry, "invoiceDetailLevel", v.InvoiceDetailLevel, contractInvoiceDetailLevels),
			QuoteDetailLevel:   detailLevels(it.seedEntry, "quoteDetailLevel", v.QuoteDetailLevel, contractQuoteDetailLevels),
			Active:             v.Active == nil || *v.Active}
		if c.JobType != nil && *c.JobType == "" {
			c.JobType = nil // as the API clears it
		}
		c.Created, c.Updated = it.stamps(v.Created, v.Updated)
		if id, ok := it.id(v.ID); ok {
			c.ID = id
			s.contracts[id] = c
			stored[id] = it
		}
	}
	// Parents are other entries of the kind: checked once all are in.
	for _, id := range sortedKeys(s.contracts) {
		it := stored[id]
		if !ref(it.seedEntry, "parentId", s.contracts[id].ParentID, s.contracts, "a contract", "contracts") {
			continue
		}
		// A contract cannot be its own ancestor: follow the parents (at
		// most one hop per contract) and see whether they come back.
		for p, hops := s.contracts[id].ParentID, 0; p != 0 && s.contracts[p] != nil && hops <= len(s.contracts); hops++ {
			if p == id {
				it.fail("parentId %d: a contract cannot be its own parent or ancestor", s.contracts[id].ParentID)
				break
			}
			p = s.contracts[p].ParentID
		}
	}
}

// checkContractRefs checks what a contract refers to, and which types take
// which companies.
func checkContractRefs(e seedEntry, v seedContract) {
	s := e.l.s
	requiredOr := func(field string, id int64, need bool) {
		if need {
			requiredRef(e, field, id, s.companies, "a company", "companies")
		} else {
			ref(e, field, id, s.companies, "a company", "companies")
		}
	}
	hasVendor := v.Type == "default" || v.Type == "company"
	requiredOr("vendorId", v.VendorID, hasVendor)
	requiredOr("customerId", v.CustomerID, v.Type == "company")
	if v.Type != "" && !hasVendor && v.VendorID != 0 {
		e.fail("vendorId is only allowed on types default and company")
	}
	if v.Type != "" && v.Type != "company" {
		if v.CustomerID != 0 {
			e.fail("customerId is only allowed on type company")
		}
		if v.LocationID != 0 {
			e.fail("locationId is only valid for company contracts")
		}
	}
	ref(e, "regionId", v.RegionID, s.regions, "a region", "regions")
	if v.OfficeID != 0 {
		e.l.checkOffice(e, "officeId", v.OfficeID)
	}
	ref(e, "locationId", v.LocationID, s.locations, "a location", "locations")
	ref(e, "ownerId", v.OwnerID, s.users, "a user", "users")
	ref(e, "salesId", v.SalesID, s.users, "a user", "users")
	for _, t := range []struct {
		field string
		id    int64
	}{{"jobTermsId", v.JobTermsID}, {"quoteTermsId", v.QuoteTermsID}, {"invoiceTermsId", v.InvoiceTermsID}} {
		ref(e, t.field, t.id, s.terms, "terms", "terms")
	}
	ref(e, "paymentTermsId", v.PaymentTermsID, s.paymentTerms, "payment terms", "payment_terms")
}

// seedContractDay is a date as the API keeps it: midnight UTC of its day.
func seedContractDay(ts *int64) *int64 {
	if ts == nil {
		return nil
	}
	return ptr(contractDayOf(*ts))
}

// detailLevels checks a detail level list (nil: the server's default).
// The values of the server's default are allowed too, since a contract
// created without detail levels holds them (for quotes, "items_by_type" is
// not a documented request value).
func detailLevels(e seedEntry, field string, levels, documented []string) []string {
	if levels == nil {
		return slices.Clone(contractDefaultDetailLevel)
	}
	allowed := slices.Clone(documented)
	for _, lvl := range contractDefaultDetailLevel {
		if !slices.Contains(allowed, lvl) {
			allowed = append(allowed, lvl)
		}
	}
	for i, lvl := range levels {
		switch {
		case slices.Contains(levels[:i], lvl):
			e.fail("%s[%d] %q is given twice", field, i, lvl)
		case !slices.Contains(allowed, lvl):
			e.fail("%s[%d] %q is not one of %s", field, i, lvl, strings.Join(allowed, ", "))
		}
	}
	return levels
}
