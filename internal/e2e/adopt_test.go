package e2e_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// brandCompany is the company whose brands the guide adopts, as its text
// names it.
const brandCompany = "Hwy 55 Burgers"

// The "adopting an existing account" guide, run as written: objects that
// exist before Terraform are discovered with the plural data sources,
// imported with generated import blocks and -generate-config-out, and the
// plan after the import is empty.
func TestAdoptExistingAccountGuide(t *testing.T) {
	run := startEmulator(t, emulator.Options{PageSize: 2})
	ws := emulatedWorkspace(t, run)
	want := existingAccount(t, run).total()

	guide := filepath.Join(moduleRoot(t), "examples", "guides", "adopt")
	discover := ws.in(filepath.Join(ws.dir, "discover"))
	copyDir(t, filepath.Join(guide, "discover"), discover.dir)
	copyDir(t, guide, ws.dir)

	discover.run(nil, "apply", "-auto-approve", "-input=false", `-var=brand_companies=["`+brandCompany+`"]`)
	count, _ := discover.run(nil, "output", "-raw", "count")
	if strings.TrimSpace(count) != strconv.Itoa(want) {
		t.Fatalf("discovered %s objects, want %d", count, want)
	}
	blocks, _ := discover.run(nil, "output", "-raw", "import_blocks")
	writeFile(t, filepath.Join(ws.dir, "imports.tf"), blocks)

	out, _ := ws.run([]int{0}, "plan", "-input=false", "-generate-config-out=generated.tf")
	if !strings.Contains(out, strconv.Itoa(want)+" to import") {
		t.Fatalf("the plan does not import %d objects:\n%s", want, out)
	}
	if _, err := os.Stat(filepath.Join(ws.dir, "generated.tf")); err != nil {
		t.Fatalf("no generated configuration: %v", err)
	}
	out, _ = ws.run(nil, "apply", "-auto-approve", "-input=false")
	if !strings.Contains(out, strconv.Itoa(want)+" imported") {
		t.Fatalf("the apply did not import %d objects:\n%s", want, out)
	}
	if out, code := ws.run([]int{0, 2}, "plan", "-detailed-exitcode", "-input=false"); code != 0 {
		t.Fatalf("the plan after adoption is not empty:\n%s", out)
	}
}

// account counts the objects of each kind an account has before
// Terraform: what existingAccount made and what the emulator seeds.
type account struct {
	regions, webhooks, quoteTemplates, systems, libItems, terms, taxGroups, tags, serviceTemplates, warehouses, brands int
	// brandCompanyID is the id of the company whose brands are adopted.
	brandCompanyID int64
}

// total is how many objects the guides adopt.
func (a account) total() int {
	return a.regions + a.webhooks + a.quoteTemplates + a.systems + a.libItems + a.terms + a.taxGroups + a.tags + a.serviceTemplates + a.warehouses + a.brands
}

// existingAccount makes, outside Terraform, the objects an account
// configured by hand has (three regions, two webhooks, two quote
// templates), and counts them with the ones the emulator seeds.
func existingAccount(t *testing.T, run *emulator.Running) account {
	t.Helper()
	c := serviceTradeClient(t, run)
	ctx := context.Background()
	color := "#123abc"
	for _, name := range []string{"North", "South", "East"} {
		in := stapi.RegionInput{Name: name, Points: []stapi.Point{{35.1, -80.1}, {35.2, -80.9}, {35.9, -80.5}}, OfficeIDs: []int64{}}
		if name == "North" {
			in.Color = &color
		}
		if _, err := c.CreateRegion(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []string{"https://hooks.example.com/a", "https://hooks.example.com/b"} {
		if _, err := c.CreateWebhook(ctx, stapi.WebhookInput{HookURL: u}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"Quarterly Inspection", "Annual Inspection"} {
		if _, err := c.CreateQuoteTemplate(ctx, stapi.QuoteTemplateInput{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	systems, err := c.ListExternalSystems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// And what every account has, seeded by the emulator: the price book
	// (active lib items, as the plural data source lists them by default),
	// terms, tax groups, tags and service templates.
	libItems, err := c.ListLibItems(ctx, stapi.LibItemFilter{})
	if err != nil {
		t.Fatal(err)
	}
	terms, err := c.ListTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	taxGroups, err := c.ListTaxGroups(ctx, stapi.TaxGroupFilter{})
	if err != nil {
		t.Fatal(err)
	}
	tags, err := c.ListTags(ctx, stapi.TagFilter{})
	if err != nil {
		t.Fatal(err)
	}
	serviceTemplates, err := c.ListServiceTemplates(ctx, stapi.ServiceTemplateFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Warehouses (active ones, as the plural data source lists them by
	// default) and the brands of the company the guide names.
	warehouses, err := c.ListWarehouses(ctx, stapi.WarehouseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	companies, err := c.ListCompanies(ctx, stapi.CompanyFilter{Name: brandCompany})
	if err != nil || len(companies) != 1 {
		t.Fatalf("the company %q: %v, %d found", brandCompany, err, len(companies))
	}
	brands, err := c.ListBrands(ctx, companies[0].ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(warehouses) == 0 || len(brands) == 0 {
		t.Fatalf("the emulator seeds no warehouse (%d) or no brand (%d): the guide would not be tested on them", len(warehouses), len(brands))
	}
	return account{
		regions: 3, webhooks: 2, quoteTemplates: 2, systems: len(systems), libItems: len(libItems), terms: len(terms), taxGroups: len(taxGroups),
		tags: len(tags), serviceTemplates: len(serviceTemplates), warehouses: len(warehouses), brands: len(brands), brandCompanyID: companies[0].ID,
	}
}
