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

const libItemAddr = "fieldservice_servicetrade_lib_item.test"

// libItemBlock is a lib item resource labelled label with the attribute
// lines given.
func libItemBlock(label string, lines ...string) string {
	return fmt.Sprintf("resource \"fieldservice_servicetrade_lib_item\" %q {\n  %s\n}\n", label, strings.Join(lines, "\n  "))
}

// serviceLineAndCompany returns the id of a service line and of a
// customer company of the account, for the test's references.
func serviceLineAndCompany(t *testing.T) (int64, int64) {
	t.Helper()
	c := acctest.ServiceTradeClient(t)
	lines, err := c.ListServiceLines(context.Background(), api.ServiceLineFilter{})
	if err != nil || len(lines) == 0 {
		t.Fatalf("the account's service lines: %v, %v; this test needs one", lines, err)
	}
	companies, err := c.ListCompanies(context.Background(), api.CompanyFilter{})
	if err != nil || len(companies) == 0 {
		t.Fatalf("the account's companies: %v, %v; this test needs one", companies, err)
	}
	return lines[0].ID, companies[len(companies)-1].ID
}

func libItemID(t *testing.T, raw string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		t.Fatalf("lib item id %q is not numeric", raw)
	}
	return id
}

// Note: the API cannot delete lib items, so every run leaves the items it
// created in the account, deactivated (with random tfacc- codes).
func TestAccLibItem_lifecycle(t *testing.T) {
	preCheck(t)
	code := acctest.RandomName("li")
	line, company := serviceLineAndCompany(t)
	var id string
	var ids []string
	keep := func(*terraform.State) error {
		ids = append(ids, id)
		return nil
	}
	first := libItemBlock("test", `name = "Widget, Left-handed"`, `type = "part"`, fmt.Sprintf("code = %q", code), `cost = 5.99`,
		fmt.Sprintf("service_line_id = %d", line))
	updated := libItemBlock("test", `name = "Widget"`, `type = "general_conditions"`, fmt.Sprintf("code = %q", code+"-v2"),
		`taxable = false`, fmt.Sprintf("company_id = %d", company))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkLibItemsDeactivated(t, &ids),
		Steps: []resource.TestStep{
			// Create. The POST echo says "part", the GETs "Part": the
			// refreshed plan must stay empty.
			{
				Config: first,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(libItemAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
						plancheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("taxable"), knownvalue.Bool(true)),
						plancheck.ExpectUnknownValue(libItemAddr, tfjsonpath.New("is_generic")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("type"), knownvalue.StringExact("part")),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("cost"), knownvalue.Float64Exact(5.99)),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("service_line_id"), knownvalue.Int64Exact(line)),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("company_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("is_generic"), knownvalue.Bool(false)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(libItemAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(libItemAddr, "code", code),
					resource.TestMatchResourceAttr(libItemAddr, "uri", regexpMust(`/libitem/\d+$`)),
				),
			},
			// A second plan after a refresh is empty too.
			{Config: first, PlanOnly: true},
			// A second item with the same code is refused before the create,
			// with the way to import the existing one.
			{
				Config:      first + libItemBlock("copy", `name = "Copy"`, `type = "part"`, fmt.Sprintf("code = %q", code)),
				ExpectError: regexpMust(fmt.Sprintf(`A\s+ServiceTrade\s+lib\s+item\s+with\s+code\s+"%s"\s+already\s+exists\s+\(id\s+\d+\):\s+to\s+manage\s+it\s+with\s+Terraform,\s+import\s+it`, code)),
			},
			// Everything is updatable in place: name, type, code, taxable,
			// company; removing cost and service_line_id clears them.
			{
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(libItemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("id"), knownvalue.NotNull()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("type"), knownvalue.StringExact("general_conditions")),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("cost"), knownvalue.Null()),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("service_line_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("company_id"), knownvalue.Int64Exact(company)),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("taxable"), knownvalue.Bool(false)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(libItemAddr, &id),
					resource.TestCheckResourceAttr(libItemAddr, "name", "Widget"),
					resource.TestCheckResourceAttr(libItemAddr, "code", code+"-v2"),
				),
			},
			// Import by id.
			{
				ResourceName:      libItemAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					name, typ := "changed behind terraform", "labor"
					if _, err := acctest.ServiceTradeClient(t).UpdateLibItem(context.Background(), libItemID(t, id), api.LibItemUpdate{
						Name: &name, Type: &typ, Cost: api.Some(1.5), CompanyID: api.Null[int64](),
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(libItemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("name"), knownvalue.StringExact("Widget")),
						plancheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("type"), knownvalue.StringExact("general_conditions")),
						plancheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("cost"), knownvalue.Null()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(libItemAddr, &id),
					resource.TestCheckResourceAttr(libItemAddr, "name", "Widget"),
					resource.TestCheckResourceAttr(libItemAddr, "company_id", strconv.FormatInt(company, 10)),
					resource.TestCheckNoResourceAttr(libItemAddr, "cost"),
				),
			},
			// Deactivated out of band: planned back to active, in place.
			{
				PreConfig: func() {
					if err := acctest.ServiceTradeClient(t).DeactivateLibItem(context.Background(), libItemID(t, id)); err != nil {
						t.Fatal(err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(libItemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(libItemAddr, &id),
					resource.TestCheckResourceAttr(libItemAddr, "active", "true"),
					func(*terraform.State) error {
						if li, err := acctest.ServiceTradeClient(t).GetLibItem(context.Background(), libItemID(t, id)); err != nil || !li.Active {
							return fmt.Errorf("after apply the item is %+v, %v; want it active again", li, err)
						}
						return nil
					},
				),
			},
			// An item of another company with the code is not among the
			// items the natural-key check can list (the API lists the user's
			// own company's items): ServiceTrade itself refuses the create,
			// with its message.
			{
				Config:      updated + libItemBlock("copy", `name = "Copy"`, `type = "part"`, fmt.Sprintf("code = %q", code+"-v2")),
				ExpectError: regexpMust(fmt.Sprintf(`Creating\s+ServiceTrade\s+lib\s+item\s+"Copy"\s+\(code\s+"%s-v2"\)\s+failed(?s:.*)400`, code)),
			},
			// Removing optional attributes from the configuration clears
			// them: the code, and the company (a global item again);
			// active = false keeps the item, inactive.
			{
				Config: libItemBlock("test", `name = "Widget"`, `type = "general_conditions"`, `taxable = false`, `active = false`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(libItemAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("code"), knownvalue.Null()),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("company_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("active"), knownvalue.Bool(false)),
				},
				Check: sameID(libItemAddr, &id),
			},
			// Active again, with a code, for the destroy.
			{
				Config: libItemBlock("test", `name = "Widget"`, `type = "general_conditions"`, fmt.Sprintf("code = %q", code)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(libItemAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(libItemAddr, &id), resource.TestCheckResourceAttr(libItemAddr, "active", "true")),
			},
		},
	})
}

// The code of a destroyed (deactivated) item stays taken: creating an item
// with it fails with the import command, and importing it reactivates it.
func TestAccLibItem_codeOfDeactivatedItem(t *testing.T) {
	preCheck(t)
	code := acctest.RandomName("li-old")
	li, err := acctest.ServiceTradeClient(t).CreateLibItem(context.Background(), api.LibItemInput{Name: "Retired", Type: "fee", Code: api.Some(code)})
	if err != nil {
		t.Fatal(err)
	}
	if err := acctest.ServiceTradeClient(t).DeactivateLibItem(context.Background(), li.ID); err != nil {
		t.Fatal(err)
	}
	id := formatTestID(li.ID)
	ids := []string{id}
	config := libItemBlock("test", `name = "Retired"`, `type = "fee"`, fmt.Sprintf("code = %q", code))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkLibItemsDeactivated(t, &ids),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: acctest.ErrorText(fmt.Sprintf(`A ServiceTrade lib item with code %q already exists (id %s)`, code, id)),
			},
			{
				Config: config + fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", libItemAddr, id),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(libItemAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(libItemAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(libItemAddr, "id", id),
					resource.TestCheckResourceAttr(libItemAddr, "active", "true"),
				),
			},
		},
	})
}

// Removed behind Terraform's back (only ServiceTrade support can, so this
// needs the emulator's hook): the next plan creates it again.
func TestAccLibItem_removedOutOfBand(t *testing.T) {
	config := func() string { return libItemBlock("test", `name = "Out of band"`, `type = "material"`, `cost = 2`) }
	testRecreatedAfterRemoval(t, "lib item", libItemAddr, config, (*emust.Server).RemoveLibItem)
}

// Every documented constraint fails at plan time, naming the attribute.
func TestAccLibItem_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		lines []string
		want  string
	}{
		{[]string{`name = "x"`, `type = "Part"`}, `Attribute type value must be one of:`},
		{[]string{`name = "x"`, `type = "widget"`}, `got: "widget"`},
		{[]string{`name = ""`, `type = "part"`}, `Attribute name string length must be at least 1, got: 0`},
		{[]string{`name = "x"`, `type = "part"`, `code = ""`}, `Attribute code string length must be between 1 and 100, got: 0`},
		{[]string{`name = "x"`, `type = "part"`, fmt.Sprintf("code = %q", strings.Repeat("c", 101))}, `Attribute code string length must be between 1 and 100, got: 101`},
		{[]string{`name = "x"`, `type = "part"`, `service_line_id = 0`}, `Attribute service_line_id value must be at least 1, got: 0`},
		{[]string{`name = "x"`, `type = "part"`, `company_id = -1`}, `Attribute company_id value must be at least 1, got: -1`},
		{[]string{`type = "part"`}, `The argument "name" is required, but no definition was found.`},
		{[]string{`name = "x"`}, `The argument "type" is required, but no definition was found.`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{Config: libItemBlock("test", tc.lines...), PlanOnly: true, ExpectError: acctest.ErrorText(tc.want)})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories(), Steps: steps})
}

// Destroying a lib item deactivates it, leaves it in ServiceTrade, and says
// so in a warning, both when planning and when applying. (terraform-plugin-
// testing does not expose warnings, hence this test calls the resource
// directly.)
func TestLibItemDestroyDeactivatesAndWarns(t *testing.T) {
	ctx := context.Background()
	e, c := servicetrade.EmulatedClient(t)
	li, err := c.CreateLibItem(ctx, api.LibItemInput{Name: "Widget", Type: "part", Code: api.Some("WDGT")})
	if err != nil {
		t.Fatal(err)
	}
	r := servicetrade.NewLibItemResource()
	r.(fwresource.ResourceWithConfigure).Configure(ctx, fwresource.ConfigureRequest{
		ProviderData: &providerdata.Data{ServiceTrade: providerdata.Vendor[*api.Client]{Name: "ServiceTrade", Client: c}},
	}, &fwresource.ConfigureResponse{})
	var sch fwresource.SchemaResponse
	r.Schema(ctx, fwresource.SchemaRequest{}, &sch)
	objType := sch.Schema.Type().TerraformType(ctx)
	null := tftypes.NewValue(objType, nil)
	state := tfsdk.State{Schema: sch.Schema, Raw: null}
	// The state of an imported item: set id, then read it.
	var readResp fwresource.ReadResponse
	if d := state.SetAttribute(ctx, path.Root("id"), formatTestID(li.ID)); d.HasError() {
		t.Fatal(d)
	}
	readResp.State = state
	r.Read(ctx, fwresource.ReadRequest{State: state}, &readResp)
	if readResp.Diagnostics.HasError() {
		t.Fatal(readResp.Diagnostics)
	}
	state = readResp.State
	wantSummary := `ServiceTrade lib item "Widget" (code "WDGT", id ` + formatTestID(li.ID) + `) still exists, deactivated`

	planResp := fwresource.ModifyPlanResponse{Plan: tfsdk.Plan{Schema: sch.Schema, Raw: null}}
	r.(fwresource.ResourceWithModifyPlan).ModifyPlan(ctx, fwresource.ModifyPlanRequest{
		State: state, Plan: tfsdk.Plan{Schema: sch.Schema, Raw: null}, Config: tfsdk.Config{Schema: sch.Schema, Raw: null},
	}, &planResp)
	if planResp.Diagnostics.HasError() || planResp.Diagnostics.WarningsCount() != 1 || planResp.Diagnostics.Warnings()[0].Summary() != wantSummary {
		t.Errorf("destroy plan diagnostics = %v; want exactly the warning %q", planResp.Diagnostics, wantSummary)
	}
	if got, err := c.GetLibItem(ctx, li.ID); err != nil || !got.Active {
		t.Fatalf("planning changed the item: %+v, %v", got, err)
	}

	resp := fwresource.DeleteResponse{State: state}
	r.Delete(ctx, fwresource.DeleteRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("Delete diagnostics = %v; want exactly one warning", resp.Diagnostics)
	}
	if w := resp.Diagnostics.Warnings()[0]; w.Summary() != wantSummary || !strings.Contains(w.Detail(), "active = false") || !strings.Contains(w.Detail(), "import") {
		t.Errorf("warning = %q / %q", w.Summary(), w.Detail())
	}
	if got, err := c.GetLibItem(ctx, li.ID); err != nil || got.Active || got.Code != "WDGT" {
		t.Errorf("after Delete, GetLibItem = %+v, %v; want the item, deactivated, with its code", got, err)
	}

	// An item already gone is done: no error, no warning.
	if !e.ServiceTrade.RemoveLibItem(li.ID) {
		t.Fatal("RemoveLibItem found nothing")
	}
	resp = fwresource.DeleteResponse{State: state}
	r.Delete(ctx, fwresource.DeleteRequest{State: state}, &resp)
	if len(resp.Diagnostics) != 0 {
		t.Errorf("deleting a removed item: %v", resp.Diagnostics)
	}
}

func formatTestID(id int64) string { return strconv.FormatInt(id, 10) }

// checkLibItemsDeactivated is deliberately not a "gone" check: ServiceTrade
// cannot delete lib items, so after destroy every item the test created
// must still exist, inactive.
func checkLibItemsDeactivated(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no lib item id was captured")
		}
		for _, raw := range *ids {
			li, err := acctest.ServiceTradeClient(t).GetLibItem(context.Background(), libItemID(t, raw))
			if err != nil {
				return fmt.Errorf("lib item %s should still exist after destroy, but reading it failed: %v", raw, err)
			}
			if li.Active {
				return fmt.Errorf("lib item %s is still active after destroy; want it deactivated", raw)
			}
		}
		return nil
	}
}
