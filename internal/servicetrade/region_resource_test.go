package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func preCheck(t *testing.T) {
	acctest.PreCheck(t, "SERVICETRADE_BASE_URL")
}

const regionAddr = "fieldservice_servicetrade_region.test"

func regionConfig(name, color string, extraPoint bool, officeIDs ...int64) string {
	colorLine := ""
	if color != "" {
		colorLine = fmt.Sprintf("color = %q", color)
	}
	officeLine := ""
	if officeIDs != nil {
		officeLine = "office_ids = ["
		for i, id := range officeIDs {
			if i > 0 {
				officeLine += ", "
			}
			officeLine += strconv.FormatInt(id, 10)
		}
		officeLine += "]"
	}
	extra := ""
	if extraPoint {
		extra = "{ lat = 27.0000001, lon = -70.1 },"
	}
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_region" "test" {
  name  = %q
  %s
  %s
  points = [
    { lat = 25.774252, lon = -80.190262 },
    { lat = 18.466465, lon = -66.118292 },
    { lat = 32.321384, lon = -64.75737 },
    %s
  ]
}
`, name, colorLine, officeLine, extra)
}

// officeIDs returns the ids of the first n offices of the account.
func officeIDs(t *testing.T, n int) []int64 {
	t.Helper()
	offices, err := acctest.ServiceTradeClient(t).ListOffices(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(offices) < n {
		t.Fatalf("the account has %d offices; this test needs %d", len(offices), n)
	}
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = offices[i].ID
	}
	return ids
}

func TestAccRegion_lifecycle(t *testing.T) {
	name := acctest.RandomName("region")
	var id string
	preCheck(t)
	offices := officeIDs(t, 2)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkRegionsDestroyed(t, &id),
		Steps: []resource.TestStep{
			// Create; the harness then checks that a second plan is empty.
			{
				Config: regionConfig(name, "#ff9000", false),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(regionAddr, "id", &id),
					resource.TestCheckResourceAttr(regionAddr, "name", name),
					resource.TestCheckResourceAttr(regionAddr, "color", "#ff9000"),
					resource.TestCheckResourceAttr(regionAddr, "points.#", "3"),
					resource.TestCheckResourceAttr(regionAddr, "points.2.lat", "32.321384"),
					resource.TestCheckNoResourceAttr(regionAddr, "office_ids"),
					resource.TestMatchResourceAttr(regionAddr, "uri", regexp.MustCompile(`/region/\d+$`)),
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			// Update in place: name, color, one more point, two offices.
			{
				Config: regionConfig(name+"-renamed", "#000", true, offices...),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(regionAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(regionAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
					statecheck.ExpectKnownValue(regionAddr, tfjsonpath.New("points"), knownvalue.ListSizeExact(4)),
					statecheck.ExpectKnownValue(regionAddr, tfjsonpath.New("office_ids"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.Int64Exact(offices[0]), knownvalue.Int64Exact(offices[1]),
					})),
				},
				Check: func(s *terraform.State) error {
					if got := s.RootModule().Resources[regionAddr].Primary.ID; got != id {
						return fmt.Errorf("id changed from %s to %s: the update replaced the region", id, got)
					}
					return nil
				},
			},
			// Import by id.
			{
				ResourceName:      regionAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			// Color and offices removed: null in the API, null in state.
			{
				Config: regionConfig(name+"-renamed", "", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(regionAddr, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckNoResourceAttr(regionAddr, "color"),
					resource.TestCheckNoResourceAttr(regionAddr, "office_ids"),
				),
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					c := acctest.ServiceTradeClient(t)
					rid, _ := strconv.ParseInt(id, 10, 64)
					r, err := c.GetRegion(context.Background(), rid)
					if err != nil {
						t.Fatal(err)
					}
					color := "#abcdef"
					in := api.RegionInput{Name: "changed behind terraform", Points: r.Points, Color: &color, OfficeIDs: []int64{}}
					if _, err := c.UpdateRegion(context.Background(), rid, in); err != nil {
						t.Fatal(err)
					}
				},
				Config: regionConfig(name+"-renamed", "", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(regionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(regionAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+"-renamed")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckNoResourceAttr(regionAddr, "color"),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					rid, _ := strconv.ParseInt(id, 10, 64)
					if err := acctest.ServiceTradeClient(t).DeleteRegion(context.Background(), rid); err != nil {
						t.Fatal(err)
					}
				},
				Config: regionConfig(name+"-renamed", "", true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(regionAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: acctest.Capture(regionAddr, "id", &id),
			},
		},
	})
}

// checkRegionsDestroyed asserts that the region last captured in *id is gone.
func checkRegionsDestroyed(t *testing.T, id *string) func(*terraform.State) error {
	return func(*terraform.State) error {
		rid, err := strconv.ParseInt(*id, 10, 64)
		if err != nil {
			return fmt.Errorf("no region id was captured: %q", *id)
		}
		_, err = acctest.ServiceTradeClient(t).GetRegion(context.Background(), rid)
		if !api.IsNotFound(err) {
			return fmt.Errorf("region %d still exists after destroy (err=%v)", rid, err)
		}
		return nil
	}
}
