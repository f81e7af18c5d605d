package main

import (
	"fmt"
	"strings"
)

// kind is one resource type the benchmark applies N of.
type kind struct {
	// Name is the -kinds name and the resource type without the provider
	// prefix ("servicetrade_region").
	Name   string
	Vendor string
	// Body is the resource block's arguments; ${count.index} makes every
	// object distinct.
	Body string
	// ListOnly is true for vendors without GET by id: the ideal refresh
	// is one list page per 50 objects for the whole run.
	ListOnly bool
	// Auth is true when the vendor has an authentication call (a
	// ServiceTrade token or session); Kimoby and Kickserv send HTTP Basic
	// on every request.
	Auth bool
	// DeleteOp is the operation that retires an object: DELETE, or PUT
	// active=false for Kickserv employees, which cannot be deleted.
	DeleteOp string
	// KeyLists is what the natural-key check costs an apply, in list
	// requests: before creating an object with a natural key (a webhook's
	// URL, an employee's username), the provider lists the kind once per
	// provider process, whatever N (internal/naturalkey), and refuses a
	// key that is taken. Into the bench's fresh emulator the listing is one
	// page. Kickserv employees are listed active and inactive separately
	// (what the list holds without the filter is not documented), and a
	// Kickserv list has no total, so each listing ends with an empty page:
	// four requests. Regions have no natural key (people repeat region
	// names).
	KeyLists int
	// RetireReads is the reads by id that retiring one object costs
	// besides DeleteOp: a ServiceTrade user is read before the PUT that
	// deactivates it, which sends the user back whole.
	RetireReads int
	// Refs names the emulator's seeded objects that Body refers to (see
	// refs.go), resolved before the first command of a run.
	Refs []string
	// Listable is true for a ServiceTrade kind whose list endpoint answers
	// with the same representation as the GET by id, so that a refresh can
	// be served from list pages (the latency targets of issue 15 judge
	// those kinds only). Set it to false for a kind that BENCHMARKS.md
	// lists as keeping GET by id.
	Listable bool
	// AlsoListed is how many objects of the kind the fresh emulator holds
	// before the run that the refresh's listing returns too (its seeded
	// ones): the pages a listed refresh reads are counted over N plus
	// these, since no account holds only the objects one configuration
	// manages.
	AlsoListed int
}

// kimobyPageSize is the page size the ideal Kimoby refresh is counted in
// (the API's maximum per_page).
const kimobyPageSize = 50

var kinds = []kind{
	{
		Name:   "servicetrade_region",
		Vendor: "servicetrade",
		Body: `name  = "Bench region ${count.index}"
  color = "#ff9000"
  points = [
    { lat = 35.00, lon = -80.00 },
    { lat = 35.00, lon = -79.50 },
    { lat = 35.50, lon = -79.50 },
  ]`,
		Auth:     true,
		DeleteOp: opDelete,
		// Region list entries carry no offices: regions keep GET by id.
		Listable: false,
	},
	{
		Name:   "servicetrade_webhook",
		Vendor: "servicetrade",
		Body: `hook_url           = "https://hooks.example.com/bench/servicetrade/${count.index}"
  include_changesets = true`,
		Auth:     true,
		DeleteOp: opDelete,
		KeyLists: 1,
		Listable: true,
	},
	{
		Name:     "kimoby_webhook",
		Vendor:   "kimoby",
		Body:     `url = "https://hooks.example.com/bench/kimoby/${count.index}"`,
		ListOnly: true,
		DeleteOp: opDelete,
		KeyLists: 1,
	},
	{
		Name:   "kickserv_employee",
		Vendor: "kickserv",
		// A username, so that the apply measures the natural-key check.
		Body: `name          = "Bench Technician ${count.index}"
  username      = "bench.tech.${count.index}"
  email_address = "bench.${count.index}@example.com"
  city          = "Austin"
  state         = "TX"`,
		DeleteOp: opPut,
		KeyLists: 4,
	},
	{
		Name:   "servicetrade_lib_item",
		Vendor: "servicetrade",
		// A code, so that the apply measures the natural-key check (codes
		// are unique, inactive items included). ServiceTrade cannot delete
		// lib items: destroy deactivates them (PUT isActive=false).
		Body: `name = "Bench part ${count.index}"
  code = "BENCH-${count.index}"
  type = "part"`,
		Auth:     true,
		DeleteOp: opPut,
		// Active and inactive items are listed separately, one page each
		// into the fresh emulator's ten seeded items.
		KeyLists: 2,
		// Lib items keep GET by id: the reference's list example shows a
		// cost (null) that its GET shows set, and the list holds only one
		// company's items, active or inactive at a time.
		Listable: false,
	},
	{
		Name:   "servicetrade_user",
		Vendor: "servicetrade",
		// The required arguments only, in the seeded company and office;
		// a password, which ServiceTrade needs to create a user (password,
		// not password_wo, which needs Terraform 1.11). ServiceTrade cannot
		// delete users: destroy deactivates them (PUT status=inactive).
		Body: `username    = "bench.user.${count.index}"
  first_name  = "Bench"
  last_name   = "User ${count.index}"
  email       = "bench.user.${count.index}@example.com"
  company_id  = ` + refCompany + `
  location_id = ` + refOffice + `
  password    = "bench-passw0rd"`,
		Auth:        true,
		DeleteOp:    opPut,
		RetireReads: 1,
		// The users of the own company, of every listed status: one page
		// into the fresh emulator's five seeded users.
		KeyLists:   1,
		Refs:       []string{refCompany, refOffice},
		Listable:   true,
		AlsoListed: seededUsers(),
	},
}

// defaultKinds are the kinds of the runs at -latency (today's report).
const defaultKinds = "servicetrade_region,servicetrade_webhook,kimoby_webhook,kickserv_employee"

// defaultWANKinds are the kinds of the runs at -wan-latency: the
// ServiceTrade kinds of issue 15.
const defaultWANKinds = "servicetrade_region,servicetrade_webhook,servicetrade_lib_item,servicetrade_user"

func kindByName(name string) (kind, bool) {
	for _, k := range kinds {
		if k.Name == name {
			return k, true
		}
	}
	return kind{}, false
}

func kindNames() string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.Name
	}
	return strings.Join(names, ",")
}

// config is the Terraform configuration of n objects of k, with the
// references of k.Refs replaced by refs. The provider block is empty: the
// emulator's URLs and credentials come from the environment, for every
// vendor, as a user configuring all of them would have it.
func (k kind) config(n int, refs map[string]string) (string, error) {
	body := k.Body
	for _, name := range k.Refs {
		v, ok := refs[name]
		if !ok {
			return "", fmt.Errorf("%s: no value for %s", k.Name, name)
		}
		body = strings.ReplaceAll(body, name, v)
	}
	return fmt.Sprintf(`terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}

provider "fieldservice" {}

resource "fieldservice_%s" "bench" {
  count = %d

  %s
}
`, k.Name, n, body), nil
}

// ideal returns the ideal number of requests of a phase, as the issue
// defines it: one create per object on apply, one read per object on
// refresh (one list page per 50 objects for a vendor without GET by id),
// one delete per object on destroy, plus one authentication per Terraform
// command for a vendor that has one.
func (k kind) ideal(phase string, n int) int {
	auth := 0
	if k.Auth {
		auth = 1
	}
	switch phase {
	case phaseRefresh:
		if k.ListOnly {
			return ceilDiv(n, kimobyPageSize) + auth
		}
		return n + auth
	default: // apply, destroy
		// The natural-key check's listing (KeyLists) is left out of the
		// ideal on purpose, so that the apply ratio shows what it costs.
		return n + auth
	}
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// byIDRequests is what a phase of n objects of k costs a provider that
// reads every object by id, as the provider did before issue 15's list
// pages: on apply, the creates, the natural-key check's listing and one
// authentication; on refresh, one read per object (one list page per 50
// for a vendor without GET by id) and one authentication; on destroy, the
// refresh's reads, the retiring requests, and one authentication for each
// of the command's two provider processes that make requests.
func (k kind) byIDRequests(phase string, n int) int {
	auth := 0
	if k.Auth {
		auth = 1
	}
	reads := n
	if k.ListOnly {
		reads = ceilDiv(n, kimobyPageSize)
	}
	switch phase {
	case phaseApply:
		return n + k.KeyLists + auth
	case phaseRefresh:
		return reads + auth
	default: // destroy
		return reads + n*(1+k.RetireReads) + 2*auth
	}
}
