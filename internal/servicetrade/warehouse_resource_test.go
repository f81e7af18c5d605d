package servicetrade_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const warehouseAddr = "fieldservice_servicetrade_warehouse.test"

// warehouseBlock is a warehouse resource labelled label with the attribute
// lines given.
func warehouseBlock(label string, lines ...string) string {
	return fmt.Sprintf("resource \"fieldservice_servicetrade_warehouse\" %q {\n  %s\n}\n", label, strings.Join(lines, "\n  "))
}

// officeAndCustomerLocation returns the id of an office of the account and
// of a customer location (not an office), for the test's references.
func officeAndCustomerLocation(t *testing.T) (int64, int64) {
	t.Helper()
	c := acctest.ServiceTradeClient(t)
	offices, err := c.ListLocations(context.Background(), api.LocationFilter{OfficesOnly: true})
	if err != nil || len(offices) == 0 {
		t.Fatalf("the account's offices: %v, %v; this test needs one", offices, err)
	}
	all, err := c.ListLocations(context.Background(), api.LocationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range all {
		isOffice := false
		for _, o := range offices {
			isOffice = isOffice || o.ID == l.ID
		}
		if !isOffice {
			return offices[0].ID, l.ID
		}
	}
	t.Fatalf("the account has no customer location; this test needs one")
	return 0, 0
}

func warehouseID(t *testing.T, raw string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		t.Fatalf("warehouse id %q is not numeric", raw)
	}
	return id
}

// Note: the API cannot delete warehouses, so every run leaves the
// warehouses it created in the account, deactivated (with random tfacc-
// names).
func TestAccWarehouse_lifecycle(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("wh")
	office, customer := officeAndCustomerLocation(t)
	var id string
	var ids []string
	keep := func(*terraform.State) error {
		ids = append(ids, id)
		return nil
	}
	first := warehouseBlock("test", fmt.Sprintf("name = %q", name), fmt.Sprintf("office_id = %d", office))
	updated := warehouseBlock("test", fmt.Sprintf("name = %q", name+" v2"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkWarehousesDeactivated(t, &ids),
		Steps: []resource.TestStep{
			// Create: active by default, with its office.
			{
				Config: first,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(warehouseAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
						plancheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("allow_duplicate"), knownvalue.Bool(false)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("office_id"), knownvalue.Int64Exact(office)),
					statecheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(warehouseAddr, "id", &id), keep,
					resource.TestMatchResourceAttr(warehouseAddr, "uri", regexpMust(`/warehouse/\d+$`)),
				),
			},
			// A second plan after a refresh is empty too.
			{Config: first, PlanOnly: true},
			// A second warehouse with the name is refused before the create,
			// with the way to import the existing one.
			{
				Config:      first + warehouseBlock("copy", fmt.Sprintf("name = %q", name)),
				ExpectError: regexpMust(fmt.Sprintf(`A\s+ServiceTrade\s+warehouse\s+with\s+name\s+"%s"\s+already\s+exists\s+\(id\s+\d+\)(?s:.*)import`, name)),
			},
			// Rename in place; removing office_id clears it.
			{
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(warehouseAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("office_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+" v2")),
				},
				Check: sameID(warehouseAddr, &id),
			},
			// Import by id.
			{
				ResourceName:      warehouseAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					if _, err := acctest.ServiceTradeClient(t).UpdateWarehouse(context.Background(), warehouseID(t, id), api.WarehouseInput{
						Name: "changed behind terraform", OfficeID: api.Some(office),
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(warehouseAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+" v2")),
						plancheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("office_id"), knownvalue.Null()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(warehouseAddr, &id),
					resource.TestCheckNoResourceAttr(warehouseAddr, "office_id"),
				),
			},
			// Deactivated out of band: planned back to active, in place.
			{
				PreConfig: func() {
					if err := acctest.ServiceTradeClient(t).DeactivateWarehouse(context.Background(), warehouseID(t, id)); err != nil {
						t.Fatal(err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(warehouseAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(warehouseAddr, &id),
					func(*terraform.State) error {
						if w, err := acctest.ServiceTradeClient(t).GetWarehouse(context.Background(), warehouseID(t, id)); err != nil || !w.Active() {
							return fmt.Errorf("after apply the warehouse is %+v, %v; want it active again", w, err)
						}
						return nil
					},
				),
			},
			// A customer location is not an office: ServiceTrade refuses it,
			// and the error says which warehouse.
			{
				Config:      warehouseBlock("test", fmt.Sprintf("name = %q", name+" v2"), fmt.Sprintf("office_id = %d", customer)),
				ExpectError: regexpMust(`(?s)ServiceTrade\s+warehouse.*400.*officeId`),
			},
			// status = "inactive" keeps the warehouse, inactive.
			{
				Config: warehouseBlock("test", fmt.Sprintf("name = %q", name+" v2"), `status = "inactive"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(warehouseAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(warehouseAddr, &id), resource.TestCheckResourceAttr(warehouseAddr, "status", "inactive")),
			},
			// Active again, with the office, for the destroy.
			{
				Config: first,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(warehouseAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(warehouseAddr, &id), resource.TestCheckResourceAttr(warehouseAddr, "status", "active")),
			},
		},
	})
}

// The name of a destroyed (deactivated) warehouse stays taken: creating a
// warehouse with it fails with the import command, importing it
// reactivates it, and allow_duplicate creates a second one.
func TestAccWarehouse_nameOfDeactivatedWarehouse(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("wh-old")
	w, err := acctest.ServiceTradeClient(t).CreateWarehouse(context.Background(), api.WarehouseInput{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	if err := acctest.ServiceTradeClient(t).DeactivateWarehouse(context.Background(), w.ID); err != nil {
		t.Fatal(err)
	}
	id := formatTestID(w.ID)
	ids := []string{id}
	var dup string
	config := warehouseBlock("test", fmt.Sprintf("name = %q", name))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkWarehousesDeactivated(t, &ids),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: acctest.ErrorText(fmt.Sprintf(`A ServiceTrade warehouse with name %q already exists (id %s)`, name, id)),
			},
			{
				Config: config + fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", warehouseAddr, id),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(warehouseAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(warehouseAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(warehouseAddr, "id", id),
					resource.TestCheckResourceAttr(warehouseAddr, "status", "active"),
				),
			},
			// allow_duplicate says a second warehouse of the name is meant.
			{
				Config: config + warehouseBlock("dup", fmt.Sprintf("name = %q", name), `allow_duplicate = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture("fieldservice_servicetrade_warehouse.dup", "id", &dup),
					func(*terraform.State) error {
						if dup == id {
							return fmt.Errorf("the duplicate has the id of the first warehouse")
						}
						ids = append(ids, dup)
						return nil
					},
				),
			},
		},
	})
}

// Removed behind Terraform's back (only ServiceTrade support can, so this
// needs the emulator's hook): the next plan creates it again.
func TestAccWarehouse_removedOutOfBand(t *testing.T) {
	config := func() string { return warehouseBlock("test", fmt.Sprintf("name = %q", acctest.RandomName("wh-oob"))) }
	testRecreatedAfterRemoval(t, "warehouse", warehouseAddr, config, (*emust.Server).RemoveWarehouse)
}

// Every documented constraint fails at plan time, naming the attribute.
func TestAccWarehouse_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		lines []string
		want  string
	}{
		{[]string{`name = ""`}, `Attribute name must not be blank, got: `},
		{[]string{`name = "  "`}, `Attribute name must not be blank, got:   `},
		{[]string{`name = "x"`, `status = "closed"`}, `Attribute status value must be one of: ["active" "inactive"], got: "closed"`},
		{[]string{`name = "x"`, `status = "all"`}, `got: "all"`},
		{[]string{`name = "x"`, `office_id = 0`}, `Attribute office_id value must be at least 1, got: 0`},
		{[]string{`office_id = 5`}, `The argument "name" is required, but no definition was found.`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{Config: warehouseBlock("test", tc.lines...), PlanOnly: true, ExpectError: acctest.ErrorText(tc.want)})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories(), Steps: steps})
}

// Destroying a warehouse deactivates it, leaves it in ServiceTrade, and
// says so in a warning, both when planning and when applying.
// (terraform-plugin-testing does not expose warnings, hence this test
// calls the resource directly.)
func TestWarehouseDestroyDeactivatesAndWarns(t *testing.T) {
	ctx := context.Background()
	e, c := servicetrade.EmulatedClient(t)
	w, err := c.CreateWarehouse(ctx, api.WarehouseInput{Name: "Van 12"})
	if err != nil {
		t.Fatal(err)
	}
	r := servicetrade.NewWarehouseResource()
	r.(fwresource.ResourceWithConfigure).Configure(ctx, fwresource.ConfigureRequest{
		ProviderData: &providerdata.Data{ServiceTrade: providerdata.Vendor[*api.Client]{Name: "ServiceTrade", Client: c}},
	}, &fwresource.ConfigureResponse{})
	var sch fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &sch)
	null := tftypes.NewValue(sch.Schema.Type().TerraformType(ctx), nil)
	state := tfsdk.State{Schema: sch.Schema, Raw: null}
	var readResp fwresource.ReadResponse
	if d := state.SetAttribute(ctx, path.Root("id"), formatTestID(w.ID)); d.HasError() {
		t.Fatal(d)
	}
	readResp.State = state
	r.Read(ctx, fwresource.ReadRequest{State: state}, &readResp)
	if readResp.Diagnostics.HasError() {
		t.Fatal(readResp.Diagnostics)
	}
	state = readResp.State
	wantSummary := `ServiceTrade warehouse "Van 12" (id ` + formatTestID(w.ID) + `) still exists, deactivated`

	planResp := fwresource.ModifyPlanResponse{Plan: tfsdk.Plan{Schema: sch.Schema, Raw: null}}
	r.(fwresource.ResourceWithModifyPlan).ModifyPlan(ctx, fwresource.ModifyPlanRequest{
		State: state, Plan: tfsdk.Plan{Schema: sch.Schema, Raw: null}, Config: tfsdk.Config{Schema: sch.Schema, Raw: null},
	}, &planResp)
	if planResp.Diagnostics.HasError() || planResp.Diagnostics.WarningsCount() != 1 || planResp.Diagnostics.Warnings()[0].Summary() != wantSummary {
		t.Errorf("destroy plan diagnostics = %v; want exactly the warning %q", planResp.Diagnostics, wantSummary)
	}
	if got, err := c.GetWarehouse(ctx, w.ID); err != nil || !got.Active() {
		t.Fatalf("planning changed the warehouse: %+v, %v", got, err)
	}

	resp := fwresource.DeleteResponse{State: state}
	r.Delete(ctx, fwresource.DeleteRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("Delete diagnostics = %v; want exactly one warning", resp.Diagnostics)
	}
	if wn := resp.Diagnostics.Warnings()[0]; wn.Summary() != wantSummary || !strings.Contains(wn.Detail(), `status = "inactive"`) || !strings.Contains(wn.Detail(), "import") {
		t.Errorf("warning = %q / %q", wn.Summary(), wn.Detail())
	}
	if got, err := c.GetWarehouse(ctx, w.ID); err != nil || got.Active() || got.Name != "Van 12" {
		t.Errorf("after Delete, GetWarehouse = %+v, %v; want the warehouse, deactivated", got, err)
	}

	// A warehouse already gone is done: no error, no warning.
	if !e.ServiceTrade.RemoveWarehouse(w.ID) {
		t.Fatal("RemoveWarehouse found nothing")
	}
	resp = fwresource.DeleteResponse{State: state}
	r.Delete(ctx, fwresource.DeleteRequest{State: state}, &resp)
	if len(resp.Diagnostics) != 0 {
		t.Errorf("deleting a removed warehouse: %v", resp.Diagnostics)
	}
}

// checkWarehousesDeactivated is deliberately not a "gone" check:
// ServiceTrade cannot delete warehouses, so after destroy every warehouse
// the test created must still exist, inactive.
func checkWarehousesDeactivated(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no warehouse id was captured")
		}
		for _, raw := range *ids {
			w, err := acctest.ServiceTradeClient(t).GetWarehouse(context.Background(), warehouseID(t, raw))
			if err != nil {
				return fmt.Errorf("warehouse %s should still exist after destroy, but reading it failed: %v", raw, err)
			}
			if w.Active() {
				return fmt.Errorf("warehouse %s is still active after destroy; want it deactivated", raw)
			}
		}
		return nil
	}
}
