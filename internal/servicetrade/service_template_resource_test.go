package servicetrade_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const serviceTemplateAddr = "fieldservice_servicetrade_service_template.test"

// serviceTemplateConfig is the test template with the required attributes
// and extra lines.
func serviceTemplateConfig(name string, serviceLineID int64, extra string) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_service_template" "test" {
  name            = %q
  description     = "Inspect every extinguisher"
  service_line_id = %d
  %s
}
`, name, serviceLineID, extra)
}

// seedTechIDs returns the ids of the seeded technicians (an active and an
// inactive one), looked up by username.
func seedTechIDs(t *testing.T) (int64, int64) {
	t.Helper()
	list, err := acctest.ServiceTradeClient(t).ListUsers(context.Background(), api.UserFilter{Statuses: []string{"active", "inactive"}})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, u := range list {
		ids[u.Username] = u.ID
	}
	if ids["ttech"] == 0 || ids["fformer"] == 0 {
		t.Fatalf("seeded technicians ttech and fformer not found")
	}
	return ids["ttech"], ids["fformer"]
}

func TestAccServiceTemplate_lifecycle(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("svctpl")
	alarm := seedServiceLineID(t, "Fire Alarm")
	sprinkler := seedServiceLineID(t, "Sprinkler")
	vendorID := seedCompanyID(t, emust.VendorCompany)
	tech1, tech2 := seedTechIDs(t)
	full := fmt.Sprintf(`estimated_price     = 150.25
  duration            = 5400
  preferred_tech_ids  = [%d, %d]
  preferred_vendor_id = %d
  frequency           = "monthly"
  interval            = 3
  repeat_weekday      = true`, tech1, tech2, vendorID)
	var id string
	var ids []string
	keep := func(*terraform.State) error { ids = append(ids, id); return nil }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkServiceTemplatesDestroyed(t, &ids),
		Steps: []resource.TestStep{
			// Create with only the required attributes: price, duration,
			// techs and vendor come back null or empty and stay so;
			// frequency and interval take ServiceTrade's values.
			{
				Config: serviceTemplateConfig(name, alarm, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(serviceTemplateAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectUnknownValue(serviceTemplateAddr, tfjsonpath.New("frequency")),
						plancheck.ExpectKnownValue(serviceTemplateAddr, tfjsonpath.New("repeat_weekday"), knownvalue.Bool(false)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(serviceTemplateAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(serviceTemplateAddr, "name", name),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "service_line_id", strconv.FormatInt(alarm, 10)),
					resource.TestCheckNoResourceAttr(serviceTemplateAddr, "estimated_price"),
					resource.TestCheckNoResourceAttr(serviceTemplateAddr, "duration"),
					resource.TestCheckNoResourceAttr(serviceTemplateAddr, "preferred_tech_ids.#"),
					resource.TestCheckNoResourceAttr(serviceTemplateAddr, "preferred_vendor_id"),
					resource.TestCheckResourceAttrSet(serviceTemplateAddr, "frequency"),
					resource.TestCheckResourceAttrSet(serviceTemplateAddr, "interval"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "repeat_weekday", "false"),
					resource.TestMatchResourceAttr(serviceTemplateAddr, "uri", regexpMust(`/servicetemplate/\d+$`)),
				),
			},
			// Empty re-plan.
			{Config: serviceTemplateConfig(name, alarm, ""), PlanOnly: true},
			// Update everything in place.
			{
				Config: serviceTemplateConfig(name+"-renamed", sprinkler, full),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(serviceTemplateAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(serviceTemplateAddr, "id", &id),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "name", name+"-renamed"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "service_line_id", strconv.FormatInt(sprinkler, 10)),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "estimated_price", "150.25"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "duration", "5400"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "preferred_tech_ids.#", "2"),
					resource.TestCheckTypeSetElemAttr(serviceTemplateAddr, "preferred_tech_ids.*", strconv.FormatInt(tech1, 10)),
					resource.TestCheckTypeSetElemAttr(serviceTemplateAddr, "preferred_tech_ids.*", strconv.FormatInt(tech2, 10)),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "preferred_vendor_id", strconv.FormatInt(vendorID, 10)),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "frequency", "monthly"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "interval", "3"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "repeat_weekday", "true"),
				),
			},
			// Import by id.
			{ResourceName: serviceTemplateAddr, ImportState: true, ImportStateVerify: true},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					c := acctest.ServiceTradeClient(t)
					tid, _ := strconv.ParseInt(id, 10, 64)
					if _, err := c.UpdateServiceTemplate(context.Background(), tid, api.ServiceTemplateInput{
						Name: name + "-renamed", Description: "Changed in the application", ServiceLineID: sprinkler,
						EstimatedPrice: api.Some(99.0), Duration: api.Some[int64](5400), PreferredTechIDs: []int64{tech1}, PreferredVendorID: api.Some(vendorID),
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: serviceTemplateConfig(name+"-renamed", sprinkler, full),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(serviceTemplateAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(serviceTemplateAddr, tfjsonpath.New("estimated_price"), knownvalue.Float64Exact(150.25)),
						plancheck.ExpectKnownValue(serviceTemplateAddr, tfjsonpath.New("description"), knownvalue.StringExact("Inspect every extinguisher")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(serviceTemplateAddr, "id", &id),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "preferred_tech_ids.#", "2"),
				),
			},
			// Removing the optional values clears them (null in
			// ServiceTrade, no diff afterwards); a yearly template keeps
			// repeat_weekday as ServiceTrade has it when it is left out.
			{
				Config: serviceTemplateConfig(name+"-renamed", sprinkler, "frequency = \"yearly\"\n  interval = 1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(serviceTemplateAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(serviceTemplateAddr, tfjsonpath.New("repeat_weekday"), knownvalue.Bool(true)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(serviceTemplateAddr, "id", &id),
					resource.TestCheckNoResourceAttr(serviceTemplateAddr, "estimated_price"),
					resource.TestCheckNoResourceAttr(serviceTemplateAddr, "duration"),
					resource.TestCheckNoResourceAttr(serviceTemplateAddr, "preferred_tech_ids.#"),
					resource.TestCheckNoResourceAttr(serviceTemplateAddr, "preferred_vendor_id"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "frequency", "yearly"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "interval", "1"),
				),
			},
			// Back to monthly without repeat_weekday: it takes its default.
			{
				Config: serviceTemplateConfig(name+"-renamed", sprinkler, "frequency = \"monthly\"\n  interval = 1\n  preferred_tech_ids = []"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(serviceTemplateAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(serviceTemplateAddr, tfjsonpath.New("repeat_weekday"), knownvalue.Bool(false)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(serviceTemplateAddr, "repeat_weekday", "false"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "preferred_tech_ids.#", "0"),
				),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					tid, _ := strconv.ParseInt(id, 10, 64)
					if err := acctest.ServiceTradeClient(t).DeleteServiceTemplate(context.Background(), tid); err != nil {
						t.Fatal(err)
					}
				},
				Config: serviceTemplateConfig(name+"-renamed", sprinkler, "frequency = \"monthly\"\n  interval = 1\n  preferred_tech_ids = []"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(serviceTemplateAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(acctest.Capture(serviceTemplateAddr, "id", &id), keep),
			},
		},
	})
}

// Templates made in ServiceTrade's application can hold what the API does
// not take: a quarterly frequency, repeatWeekday on a yearly template (the
// reference's own example), a zero duration. Adopted with import blocks
// and a configuration that leaves those out, they plan no change; a
// settable frequency then replaces the quarterly one.
func TestAccServiceTemplate_adoptsApplicationValues(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t)
	ctx := context.Background()
	c := acctest.ServiceTradeClient(t)
	name := acctest.RandomName("svctpl-app")
	bf := seedServiceLineID(t, "Fire Suppression")
	yearly, one, on := "yearly", int64(1), true
	flush, err := c.CreateServiceTemplate(ctx, api.ServiceTemplateInput{Name: name + "-flush", Description: "Flush all the intercoolers", ServiceLineID: bf,
		Frequency: yearly, Interval: &one, RepeatWeekday: &on, Duration: api.Some[int64](0), PreferredTechIDs: []int64{}})
	if err != nil {
		t.Fatal(err)
	}
	quarterly, err := c.CreateServiceTemplate(ctx, api.ServiceTemplateInput{Name: name + "-quarterly", Description: "Inspect all the quarters", ServiceLineID: bf, PreferredTechIDs: []int64{}})
	if err != nil {
		t.Fatal(err)
	}
	run, err := acctest.Shared()
	if err != nil {
		t.Fatal(err)
	}
	if !run.ServiceTrade.SetServiceTemplateFrequency(quarterly.ID, "quarterly") {
		t.Fatal("the quarterly template is not in the emulator")
	}
	ids := []string{strconv.FormatInt(flush.ID, 10), strconv.FormatInt(quarterly.ID, 10)}
	adopted := func(quarterlyExtra string) string {
		return fmt.Sprintf(`
import {
  to = fieldservice_servicetrade_service_template.flush
  id = "%d"
}
import {
  to = fieldservice_servicetrade_service_template.quarterly
  id = "%d"
}
resource "fieldservice_servicetrade_service_template" "flush" {
  name            = "%s-flush"
  description     = "Flush all the intercoolers"
  service_line_id = %d
  duration        = 0
}
resource "fieldservice_servicetrade_service_template" "quarterly" {
  name            = "%s-quarterly"
  description     = "Inspect all the quarters"
  service_line_id = %d
  %s
}
`, flush.ID, quarterly.ID, name, bf, name, bf, quarterlyExtra)
	}
	const flushAddr = "fieldservice_servicetrade_service_template.flush"
	const quarterlyAddr = "fieldservice_servicetrade_service_template.quarterly"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkServiceTemplatesDestroyed(t, &ids),
		Steps: []resource.TestStep{
			{
				Config: adopted(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(flushAddr, plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction(quarterlyAddr, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(flushAddr, "frequency", "yearly"),
					resource.TestCheckResourceAttr(flushAddr, "repeat_weekday", "true"),
					resource.TestCheckResourceAttr(flushAddr, "duration", "0"),
					resource.TestCheckNoResourceAttr(flushAddr, "estimated_price"),
					resource.TestCheckResourceAttr(quarterlyAddr, "frequency", "quarterly"),
				),
			},
			// A settable frequency replaces the quarterly one in place.
			{
				Config: adopted("frequency = \"monthly\"\n  interval = 3"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(quarterlyAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(flushAddr, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(quarterlyAddr, "frequency", "monthly"),
					resource.TestCheckResourceAttr(quarterlyAddr, "interval", "3"),
				),
			},
		},
	})
}

// The configuration Terraform generates at import for a yearly template
// with repeatWeekday true (the reference's own example) states both
// values: it plans cleanly, with no change, and changes that send nothing
// of the two apply. A configuration that would send repeat_weekday = true
// with another frequency than monthly is still refused at plan time: a
// new frequency, or true set on a template that does not have it.
func TestAccServiceTemplate_generatedConfigOfYearlyWeekday(t *testing.T) {
	preCheck(t)
	ctx := context.Background()
	c := acctest.ServiceTradeClient(t)
	name := acctest.RandomName("svctpl-gen")
	bf := seedServiceLineID(t, "Fire Suppression")
	yearly, one, on := "yearly", int64(1), true
	tpl, err := c.CreateServiceTemplate(ctx, api.ServiceTemplateInput{Name: name, Description: "Flush all the intercoolers", ServiceLineID: bf,
		Frequency: yearly, Interval: &one, RepeatWeekday: &on, PreferredTechIDs: []int64{}})
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{strconv.FormatInt(tpl.ID, 10)}
	// generated is the resource block as -generate-config-out writes it for
	// the template, with the recurrence given.
	generated := func(recurrence string) string {
		return fmt.Sprintf(`
import {
  to = fieldservice_servicetrade_service_template.test
  id = "%d"
}
resource "fieldservice_servicetrade_service_template" "test" {
  allow_duplicate     = false
  description         = "Flush all the intercoolers"
  duration            = null
  estimated_price     = null
  name                = %q
  preferred_tech_ids  = null
  preferred_vendor_id = null
  service_line_id     = %d
  %s
}
`, tpl.ID, name, bf, recurrence)
	}
	refused := acctest.ErrorText(`repeat_weekday = true ties a monthly recurrence to a weekday (the 3rd Friday); ServiceTrade applies it only when frequency is "monthly", and frequency is "weekly".`)
	stored := func(frequency string, interval int64, weekday bool) func(*terraform.State) error {
		return func(*terraform.State) error {
			got, err := c.GetServiceTemplate(ctx, tpl.ID)
			if err != nil || got.Frequency != frequency || got.Interval == nil || *got.Interval != interval || got.RepeatWeekday != weekday {
				return fmt.Errorf("service template as stored = %+v, %v; want %s every %d, repeatWeekday %v", got, err, frequency, interval, weekday)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkServiceTemplatesDestroyed(t, &ids),
		Steps: []resource.TestStep{
			// Imported with the generated configuration: no error, no change.
			{
				Config: generated("frequency = \"yearly\"\n  interval = 1\n  repeat_weekday = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(serviceTemplateAddr, plancheck.ResourceActionNoop)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(serviceTemplateAddr, "frequency", "yearly"),
					resource.TestCheckResourceAttr(serviceTemplateAddr, "repeat_weekday", "true"),
					stored("yearly", 1, true),
				),
			},
			// A new frequency other than monthly would send it with true.
			{
				Config:      generated("frequency = \"weekly\"\n  interval = 1\n  repeat_weekday = true"),
				PlanOnly:    true,
				ExpectError: refused,
			},
			// A change that sends neither applies, and keeps them.
			{
				Config: generated("frequency = \"yearly\"\n  interval = 2\n  repeat_weekday = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(serviceTemplateAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: stored("yearly", 2, true),
			},
			// Without repeat_weekday, a weekly template.
			{
				Config: generated("frequency = \"weekly\"\n  interval = 2\n  repeat_weekday = false"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: stored("weekly", 2, false),
			},
			// Setting true on it is refused.
			{
				Config:      generated("frequency = \"weekly\"\n  interval = 2\n  repeat_weekday = true"),
				PlanOnly:    true,
				ExpectError: refused,
			},
		},
	})
}

// A template that something in ServiceTrade still refers to cannot be
// deleted (409): the destroy fails saying what to do, and succeeds once
// the references are gone.
func TestAccServiceTemplate_deleteInUse(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t)
	name := acctest.RandomName("svctpl-used")
	alarm := seedServiceLineID(t, "Fire Alarm")
	var id string
	var ids []string
	associate := func(n int) func() {
		return func() {
			run, err := acctest.Shared()
			if err != nil {
				t.Fatal(err)
			}
			if !run.ServiceTrade.SetServiceTemplateAssociations(mustID(t, id), n) {
				t.Fatalf("service template %s is not in the emulator", id)
			}
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkServiceTemplatesDestroyed(t, &ids),
		Steps: []resource.TestStep{
			{
				Config: serviceTemplateConfig(name, alarm, ""),
				Check: resource.ComposeAggregateTestCheckFunc(acctest.Capture(serviceTemplateAddr, "id", &id),
					func(*terraform.State) error { ids = append(ids, id); return nil }),
			},
			{
				PreConfig: associate(1),
				Config:    serviceTemplateConfig(name, alarm, ""),
				Destroy:   true,
				ExpectError: regexpMust(`(?s)Deleting ServiceTrade service template \d+ failed.*ServiceTrade\s+refuses\s+to\s+delete\s+the\s+service\s+template\s+while\s+service\s+requests.*` +
					`Remove\s+or\s+move\s+those\s+in\s+ServiceTrade\s+first.*has\s+associated\s+items`),
			},
			{
				PreConfig: associate(0),
				Config:    serviceTemplateConfig(name, alarm, ""),
				PlanOnly:  true,
			},
		},
	})
}

// checkServiceTemplatesDestroyed asserts that every template the test
// created is gone.
func checkServiceTemplatesDestroyed(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no service template id was captured")
		}
		for _, raw := range *ids {
			tid, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				return fmt.Errorf("captured service template id %q is not numeric", raw)
			}
			if _, err := acctest.ServiceTradeClient(t).GetServiceTemplate(context.Background(), tid); !api.IsNotFound(err) {
				return fmt.Errorf("service template %d still exists after destroy (err=%v)", tid, err)
			}
		}
		return nil
	}
}
