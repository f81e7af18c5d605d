package servicetrade

import (
	"encoding/json"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// Companies, and which one is the account's own: the company the login
// user and the other users belong to by default, whose locations are the
// offices.
//
// The rule: account_company_id names it when given; otherwise it is the
// one company with "vendor": true. A section without companies gets the
// built-in VendorCompany (with the id account_company_id gives, if any),
// so that a section holding only, say, webhooks works.

// companyStatuses are the documented company statuses.
var companyStatuses = []string{"active", "pending", "inactive", "on_hold"}

// seedCompany is a company entry.
type seedCompany struct {
	ID          int64        `json:"id"`
	Name        string       `json:"name"`
	Status      string       `json:"status"`
	Customer    bool         `json:"customer,omitempty"`
	Vendor      bool         `json:"vendor,omitempty"`
	Address     *seedAddress `json:"address,omitempty"`
	PhoneNumber string       `json:"phoneNumber,omitempty"`
	seedURI
	// RefNumber is derived (the id, as text): accepted and ignored.
	RefNumber json.RawMessage `json:"refNumber,omitempty"`
}

// seedAddress is the address object of companies and locations.
type seedAddress struct {
	Street     string `json:"street,omitempty"`
	City       string `json:"city,omitempty"`
	State      string `json:"state,omitempty"`
	PostalCode string `json:"postalCode,omitempty"`
}

// fields returns a's fields, or none when a is nil.
func (a *seedAddress) fields() seedAddress {
	if a == nil {
		return seedAddress{}
	}
	return *a
}

// dumpAddress is nil for an empty address, which the dump leaves out.
func dumpAddress(a seedAddress) *seedAddress {
	if a == (seedAddress{}) {
		return nil
	}
	return &a
}

func init() {
	registerSeedKind(seedKind{
		name: "account_company_id",
		load: func(l *seedLoader, raw json.RawMessage) {
			if raw != nil {
				l.accountCompanyID, _ = seedfile.Decode[int64](raw, seedSection+".account_company_id", &l.errs)
			}
		},
		dump: func(s *Server) any { return s.accountCompanyID },
	})
	registerSeedKind(seedKind{
		name: "companies", after: []string{"account_company_id"}, ids: true,
		load: loadCompanies,
		dump: func(s *Server) any {
			return dumpSorted(s.companies, func(c *company) seedCompany {
				return seedCompany{ID: c.ID, Name: c.Name, Status: c.Status, Customer: c.Customer, Vendor: c.Vendor,
					Address: dumpAddress(seedAddress{c.Street, c.City, c.State, c.Postal}), PhoneNumber: c.Phone}
			})
		},
	})
}

func loadCompanies(l *seedLoader, raw json.RawMessage) {
	items := seedEntries[seedCompany](l, "companies", raw, "name")
	for _, it := range items {
		c := it.v
		it.required("name", c.Name)
		id, ok := it.id(c.ID)
		if !ok {
			continue
		}
		a := c.Address.fields()
		l.s.companies[id] = &company{ID: id, Name: c.Name, Status: it.oneOf("status", c.Status, "active", companyStatuses),
			Customer: c.Customer, Vendor: c.Vendor, Street: a.Street, City: a.City, State: a.State, Postal: a.PostalCode, Phone: c.PhoneNumber}
	}
	var given []json.RawMessage
	_ = json.Unmarshal(raw, &given)
	l.settleAccountCompany(len(given))
}

// settleAccountCompany decides the account company, as the rule above
// says; given is how many companies the section lists.
func (l *seedLoader) settleAccountCompany(given int) {
	s, path := l.s, seedSection+".account_company_id"
	if given > 0 && len(s.companies) == 0 {
		return // every entry was refused, and said why
	}
	if given == 0 {
		e := seedEntry{l: l, path: path}
		if id, ok := e.id(l.accountCompanyID); ok {
			s.companies[id] = &company{ID: id, Name: VendorCompany, Status: "active", Vendor: true,
				Street: "1 Fayetteville St", City: "Raleigh", State: "NC", Postal: "27601", Phone: "(919) 555-0100"}
			s.accountCompanyID = id
		}
		return
	}
	if l.accountCompanyID != 0 {
		c := s.companies[l.accountCompanyID]
		switch {
		case c == nil:
			l.errs.Add(path, "", "%d is not a company of this seed (%s)", l.accountCompanyID, seedIDs("companies", sortedKeys(s.companies)))
		case !c.Vendor:
			l.errs.Add(path, "", "company %d (%q) is the account's own company: give it \"vendor\": true", c.ID, c.Name)
		default:
			s.accountCompanyID = c.ID
		}
		return
	}
	var vendors []int64
	for _, id := range sortedKeys(s.companies) {
		if s.companies[id].Vendor {
			vendors = append(vendors, id)
		}
	}
	switch len(vendors) {
	case 1:
		s.accountCompanyID = vendors[0]
	case 0:
		l.errs.Add(seedSection+".companies", "", "no company is the account's own: give it \"vendor\": true (or name it with account_company_id)")
	default:
		l.errs.Add(path, "", "is required when several companies have \"vendor\": true (ids %s): it names the account's own", seedfile.FormatIDs(vendors))
	}
}
