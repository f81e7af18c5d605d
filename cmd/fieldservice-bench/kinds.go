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
	},
	{
		Name:   "servicetrade_webhook",
		Vendor: "servicetrade",
		Body: `hook_url           = "https://hooks.example.com/bench/servicetrade/${count.index}"
  include_changesets = true`,
		Auth:     true,
		DeleteOp: opDelete,
		KeyLists: 1,
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
}

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

// config is the Terraform configuration of n objects of k. The provider
// block is empty: the emulator's URLs and credentials come from the
// environment, for every vendor, as a user configuring all of them would
// have it.
func (k kind) config(n int) string {
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
`, k.Name, n, k.Body)
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
