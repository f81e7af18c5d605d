package faulttest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	ksapi "github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
)

const ksVendor = "kickserv"

// Fault paths are below the vendor's mount point, so they start with the
// account slug. Item paths (one employee) are distinct from the list path
// that the checks use.
var (
	ksCollection = "/" + emuks.Account + "/employees.xml"
	ksItems      = "/" + emuks.Account + "/employees/"
)

func ksProvider(run *emulator.Running, settings string) string {
	return providerBlock(settings, fmt.Sprintf(`  kickserv {
    base_url  = %q
    account   = %q
    api_token = %q
  }`, run.KickservURL(), emuks.Account, emuks.APIToken))
}

func ksClient(t *testing.T, run *emulator.Running) *ksapi.Client {
	t.Helper()
	c, err := ksapi.New(ksapi.Config{BaseURL: run.KickservURL(), Account: emuks.Account, APIToken: emuks.APIToken})
	if err != nil {
		t.Fatalf("building a Kickserv client: %v", err)
	}
	return c
}

func ksUsername(i int) string { return fmt.Sprintf("fault_employee_%d", i) }

// ksConfig manages employees 0..n-1; an update moves them to another city.
func ksConfig(run *emulator.Running, settings string, n int, updated bool) string {
	city := "Austin"
	if updated {
		city = "Dallas"
	}
	var b strings.Builder
	b.WriteString(ksProvider(run, settings))
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `
resource "fieldservice_kickserv_employee" "e%d" {
  name     = "Fault Employee %d"
  username = %q
  city     = %q
}
`, i, i, ksUsername(i), city)
	}
	return b.String()
}

// ksEmployees lists every employee (active or not) by username.
func ksEmployees(t *testing.T, c *ksapi.Client) map[string][]ksapi.Employee {
	t.Helper()
	list, err := c.ListEmployees(context.Background(), ksapi.EmployeeFilter{})
	if err != nil {
		t.Fatalf("listing Kickserv employees: %v", err)
	}
	out := map[string][]ksapi.Employee{}
	for _, e := range list {
		if e.Username != nil {
			out[*e.Username] = append(out[*e.Username], e)
		}
	}
	return out
}

// ksCheckInventory fails unless each of employees 0..total-1 exists exactly
// once (Kickserv cannot delete employees: destroying one deactivates it),
// active with the expected city for 0..active-1, inactive for the rest.
func ksCheckInventory(t *testing.T, c *ksapi.Client, active, total int, updated bool) {
	t.Helper()
	wantCity := "Austin"
	if updated {
		wantCity = "Dallas"
	}
	byName := ksEmployees(t, c)
	var all []string
	for i := 0; i < total; i++ {
		all = append(all, ksUsername(i))
	}
	exactlyOnce(t, "Kickserv employee", counts(byName), all, nil)
	for i, u := range all {
		for _, e := range byName[u] {
			if wantActive := i < active; e.Active != wantActive {
				t.Errorf("employee %q is active = %t, want %t", u, e.Active, wantActive)
			}
			if i < active && (e.City == nil || *e.City != wantCity) {
				t.Errorf("employee %q has city %v, want %q", u, e.City, wantCity)
			}
		}
	}
}

// ksDestroyed checks that destroy deactivated every employee of the test,
// leaving each exactly once.
func ksDestroyed(t *testing.T, c *ksapi.Client, total int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		byName := ksEmployees(t, c)
		for i := 0; i < total; i++ {
			es := byName[ksUsername(i)]
			if len(es) != 1 {
				return fmt.Errorf("employee %q exists %d times after destroy, want exactly once (deactivated)", ksUsername(i), len(es))
			}
			if es[0].Active {
				return fmt.Errorf("employee %q is still active after destroy", ksUsername(i))
			}
		}
		return nil
	}
}

// kickservFixture's object i is employee i; an update moves it to another
// city, and removing it deactivates it.
var kickservFixture = vendorFixture{
	name:      ksVendor,
	config:    ksConfig,
	addresses: func(i int) []string { return []string{fmt.Sprintf("fieldservice_kickserv_employee.e%d", i)} },
	open: func(t *testing.T, run *emulator.Running) inventory {
		c := ksClient(t, run)
		return inventory{
			check:     func(active, total int, updated bool) { ksCheckInventory(t, c, active, total, updated) },
			destroyed: func(total int) resource.TestCheckFunc { return ksDestroyed(t, c, total) },
		}
	},
}
