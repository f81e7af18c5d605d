package faulttest_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
)

// vendorFixture is what the fault tests that every vendor shares
// (faults_test.go) need to know about one vendor: how to configure its
// test objects and how to see what really exists on the server. Each
// vendor's file defines its fixture beside the helpers it wraps.
type vendorFixture struct {
	// name is the subtest's name and the emulator's key for the vendor's
	// faults.
	name string
	// config manages the vendor's test objects 0..n-1, updated or not.
	config func(run *emulator.Running, settings string, n int, updated bool) string
	// addresses are the resource addresses that config gives object i.
	addresses func(i int) []string
	// open binds the server-side checks to one API client of the test's
	// emulator.
	open func(t *testing.T, run *emulator.Running) inventory
}

// inventory checks what the server holds, through the vendor's API client.
type inventory struct {
	// check fails the test unless objects 0..present-1 exist exactly once
	// (updated or not) and objects present..total-1 are gone (Kickserv:
	// deactivated, still there once).
	check func(present, total int, updated bool)
	// destroyed is the CheckDestroy for objects 0..total-1.
	destroyed func(total int) resource.TestCheckFunc
}

// vendorCase runs one vendor's row of a shared fault test as a subtest
// named after the vendor, with a private emulator and its inventory.
func vendorCase(t *testing.T, fx vendorFixture, test func(t *testing.T, run *emulator.Running, inv inventory)) {
	t.Run(fx.name, func(t *testing.T) {
		run := isolated(t)
		test(t, run, fx.open(t, run))
	})
}
