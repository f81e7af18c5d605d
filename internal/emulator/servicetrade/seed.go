package servicetrade

import (
	"net/http"
	"time"
)

// The reference data every emulator starts with. Tests refer to seeds by
// these names (never by id: ids depend on seeding order and on what other
// resources seed). Each Duplicate* name is carried by two objects of its
// kind, so that ambiguous lookups can be exercised.

// VendorCompany is the account's own company: the authenticated user
// belongs to it, and the offices are its locations.
const VendorCompany = "Emulated Fire Pros, Inc."

// SeedCustomerCompanies are customer companies with unique names.
var SeedCustomerCompanies = []string{"Hwy 55 Burgers", "Acme Property Management"}

// DuplicateCompany is the name of two distinct customer companies (one in
// Goldsboro, one in Wilson), as accounts that imported customers twice have.
const DuplicateCompany = "Main Street Deli"

// SeedOffices are the offices (vendor locations), exported for tests that
// reference offices by name.
var SeedOffices = []string{"Goose Creek Office", "Raleigh Office", "Charlotte Satellite Office"}

// SeedCustomerLocations are customer locations with unique names.
var SeedCustomerLocations = []string{"Hwy 55 Burgers - Main St", "Acme Tower"}

// DuplicateLocation is the name of the two locations of the two
// DuplicateCompany customers.
const DuplicateLocation = "Main Street Deli"

// SeedUser describes a seeded user of the vendor company.
type SeedUser struct {
	Username, FirstName, LastName, Email string
	Status                               string // active or inactive
	IsSales, IsTech, IsHelper            bool
}

// SeedUsers are the users of the vendor company. The first one is the user
// the emulator's credentials authenticate as (Username).
var SeedUsers = []SeedUser{
	{Username: Username, FirstName: "Emma", LastName: "Ulator", Email: "emma@example.com", Status: "active"},
	{Username: "ssales", FirstName: "Sam", LastName: "Sellers", Email: "sam.sellers@example.com", Status: "active", IsSales: true},
	{Username: "ttech", FirstName: "Terry", LastName: "Tekk", Email: SharedUserEmail, Status: "active", IsTech: true},
	{Username: "hhelper", FirstName: "Hal", LastName: "Helper", Email: SharedUserEmail, Status: "active", IsHelper: true},
	{Username: "fformer", FirstName: "Fran", LastName: "Former", Email: "fran.former@example.com", Status: "inactive", IsTech: true},
}

// SharedUserEmail is the e-mail address of two active users (a crew
// mailbox), for ambiguous e-mail lookups.
const SharedUserEmail = "crew@example.com"

// SeedTerms are the seeded terms, with unique names.
var SeedTerms = []string{"Standard Terms", "Net 30 Job Terms"}

// SeedPaymentTerms are payment terms with unique names, in orderIndex order.
var SeedPaymentTerms = []string{"Due on receipt", "Net 15", "Net 30"}

// DuplicatePaymentTerms names two payment terms entries (a legacy copy).
const DuplicatePaymentTerms = "COD"

// SeedServiceLine describes a seeded service line. Provided lines are
// provided by the vendor company; the others are listed only with
// showAll=true.
type SeedServiceLine struct {
	Name, Abbr, Trade string
	Provided          bool
}

// SeedServiceLines are the service lines. Two carry the name
// DuplicateServiceLine, in different trades.
var SeedServiceLines = []SeedServiceLine{
	{Name: "Fire Suppression", Abbr: "SUPP", Trade: "Fire Protection", Provided: true},
	{Name: "Fire Alarm", Abbr: "ALRM", Trade: "Fire Protection", Provided: true},
	{Name: "Sprinkler", Abbr: "SPRK", Trade: "Fire Protection", Provided: true},
	{Name: DuplicateServiceLine, Abbr: "BF", Trade: "Fire Protection", Provided: true},
	{Name: DuplicateServiceLine, Abbr: "BFP", Trade: "Plumbing"},
	{Name: "HVAC", Abbr: "HVAC", Trade: "HVAC"},
}

// DuplicateServiceLine is the name of two service lines.
const DuplicateServiceLine = "Backflow"

// SeedLibItem describes a seeded lib item. Type is the lowercase API type
// ("part"); ServiceLine is a service line abbreviation or empty.
type SeedLibItem struct {
	Name, Code, Type, ServiceLine string
	Cost                          *float64
	Active, IsGeneric             bool
}

func cost(v float64) *float64 { return &v }

// SeedLibItems are the lib items. "Inspection Labor" is a substring of
// another item's name; DuplicateLibItem names two items with distinct codes;
// one item is inactive.
var SeedLibItems = []SeedLibItem{
	{Name: "CCW Zirconium Flange", Code: "CCW-ZF", Type: "part", ServiceLine: "SUPP", Cost: cost(18.75), Active: true},
	{Name: "Personal Item", Code: "PERSONAL", Type: "other", Active: true, IsGeneric: true},
	{Name: "Inspection Labor", Code: "LAB-INSP", Type: "labor", ServiceLine: "SPRK", Cost: cost(45), Active: true},
	{Name: "Inspection Labor, Overtime", Code: "LAB-INSP-OT", Type: "labor", ServiceLine: "SPRK", Cost: cost(67.5), Active: true},
	{Name: "Annual Fire Alarm Inspection", Code: "SVC-ALRM-ANN", Type: "service", ServiceLine: "ALRM", Active: true},
	{Name: "Blow-off Cap, Metal", Code: "BCAP-M", Type: "other", ServiceLine: "SUPP", Cost: cost(4.25), Active: true},
	{Name: "Blow-off Cap, Rubber", Code: "BCAP-R", Type: "other", ServiceLine: "SUPP", Cost: cost(3.25), Active: true},
	{Name: DuplicateLibItem, Code: "SH-P-155", Type: "part", ServiceLine: "SPRK", Cost: cost(6.10), Active: true},
	{Name: DuplicateLibItem, Code: "SH-P-200", Type: "part", ServiceLine: "SPRK", Cost: cost(6.85), Active: true},
	{Name: "Halon 1301 Recharge", Code: "HALON-RCHG", Type: "service", ServiceLine: "SUPP", Cost: cost(120), Active: false},
}

// DuplicateLibItem is the name of two lib items.
const DuplicateLibItem = "Sprinkler Head, Pendent"

// seedTime is the created/updated stamp of seeded objects.
var seedTime = time.Date(2024, 1, 15, 9, 0, 0, 0, time.UTC).Unix()

// seedReferenceData creates the reference data in dependency order:
// companies, locations, service lines, users, terms, payment terms, lib
// items.
func (s *Server) seedReferenceData() {
	s.seedCompanies()
	s.seedLocations()
	s.seedServiceLines()
	s.seedUsers()
	s.seedTerms()
	s.seedPaymentTerms()
	s.seedLibItems()
}

// writeNotEmulated answers a verb the API documents but the provider never
// uses (creating companies or locations). 501 keeps it
// apart from the API's own 405 "method not implemented"; transport retries
// do not apply to it.
func writeNotEmulated(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotImplemented, "not emulated: "+r.Method+" "+r.URL.Path+" is part of the ServiceTrade API but not of the emulator")
}
