package servicetrade_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// testRecreatedAfterRemoval is the out-of-band deletion test of a kind
// the API cannot delete (only ServiceTrade support can, so this needs the
// emulator's hook, remove): after the object at addr, made by the
// configuration that config builds (once the test is known to run), is
// removed behind Terraform's back, the next plan creates it again, with a
// new id, and the plan after that is empty.
func testRecreatedAfterRemoval(t *testing.T, noun, addr string, config func() string, remove func(s *emust.Server, id int64) bool) {
	t.Helper()
	preCheck(t)
	acctest.RequireEmulator(t)
	cfg := config()
	var id, first string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: cfg, Check: acctest.Capture(addr, "id", &first)},
			{
				PreConfig: func() {
					run, err := acctest.Shared()
					if err != nil {
						t.Fatal(err)
					}
					n, err := strconv.ParseInt(first, 10, 64)
					if err != nil {
						t.Fatalf("the %s's id %q is not a number: %v", noun, first, err)
					}
					if !remove(run.ServiceTrade, n) {
						t.Fatalf("%s %s was not in the emulator", noun, first)
					}
				},
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(addr, "id", &id),
					func(*terraform.State) error {
						if id == first {
							return fmt.Errorf("the %s was not created again (id %s)", noun, id)
						}
						return nil
					},
				),
			},
		},
	})
}
