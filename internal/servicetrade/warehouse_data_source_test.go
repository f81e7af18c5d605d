package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// Looks up warehouses by name and id; inactive ones by name only on
// request; explains zero and several matches.
func TestAccWarehouseDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded warehouses
	// Two warehouses of one name (the API accepts them), made behind
	// Terraform's back.
	dup := acctest.RandomName("wh-dup")
	for range 2 {
		w, err := acctest.ServiceTradeClient(t).CreateWarehouse(context.Background(), api.WarehouseInput{Name: dup})
		if err != nil {
			t.Fatal(err)
		}
		// The API cannot delete them: leave them inactive.
		t.Cleanup(func() { _ = acctest.ServiceTradeClient(t).DeactivateWarehouse(context.Background(), w.ID) })
	}
	office, _ := officeAndCustomerLocation(t)
	active, inactive := emust.SeedWarehouses[0].Name, emust.SeedWarehouses[1].Name
	const wh dataSource = "fieldservice_servicetrade_warehouse"
	const ds = "data.fieldservice_servicetrade_warehouse."
	lookupTable{cases: []lookupCase{
		{
			name:   "two warehouses have the name",
			config: wh.block("two", attr("name", dup)),
			err:    regexp.MustCompile(fmt.Sprintf(`2\s+ServiceTrade\s+warehouses\s+have\s+the\s+name\s+"%s"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`, dup)),
		},
		{
			name:   "an inactive warehouse, without include_inactive",
			config: wh.block("inactive", attr("name", inactive)),
			err: acctest.ErrorText(fmt.Sprintf(`no ServiceTrade warehouse has the name %q (the match is exact and case-sensitive). `+
				`Only active warehouses were searched; set include_inactive = true to search inactive warehouses too.`, inactive)),
		},
		{
			name:   "no warehouse has the name",
			config: wh.block("none", attr("name", "Central Parts")),
			err:    acctest.ErrorText(`no ServiceTrade warehouse has the name "Central Parts"`),
		},
		{
			name:   "no warehouse has the id",
			config: wh.block("gone", `id = "9999999"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+warehouse\s+9999999\s+failed(?s:.*)warehouse\s+9999999\s+not\s+found`),
		},
		{
			name:     "neither id nor name",
			config:   wh.block("neither", `include_inactive = true`),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
		},
		{
			name: "by name, inactive on request, by id",
			config: wh.block("central", attr("name", active)) +
				wh.block("annex", attr("name", inactive), `include_inactive = true`) +
				wh.block("by_id", `id = data.fieldservice_servicetrade_warehouse.annex.id`),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestMatchResourceAttr(ds+"central", "id", regexp.MustCompile(`^\d{10,}$`)),
				resource.TestCheckResourceAttr(ds+"central", "status", "active"),
				resource.TestCheckResourceAttr(ds+"central", "office_id", fmt.Sprint(office)),
				resource.TestMatchResourceAttr(ds+"central", "uri", regexp.MustCompile(`/warehouse/\d+$`)),
				resource.TestCheckResourceAttr(ds+"annex", "status", "inactive"),
				resource.TestCheckNoResourceAttr(ds+"annex", "office_id"),
				resource.TestCheckResourceAttr(ds+"by_id", "name", inactive),
				resource.TestCheckResourceAttr(ds+"by_id", "status", "inactive"),
			),
		},
	}}.run(t)
}

// The plural warehouses data source lists active warehouses by default,
// inactive or all on request, and filters by office.
func TestAccWarehousesDataSource_list(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("dswh")
	office, _ := officeAndCustomerLocation(t)
	res := warehouseBlock("office", fmt.Sprintf("name = %q", name+"-o"), fmt.Sprintf("office_id = %d", office)) +
		warehouseBlock("plain", fmt.Sprintf("name = %q", name+"-p")) +
		warehouseBlock("retired", fmt.Sprintf("name = %q", name+"-r"), `status = "inactive"`)
	const (
		def      = "data.fieldservice_servicetrade_warehouses.default"
		all      = "data.fieldservice_servicetrade_warehouses.all"
		inactive = "data.fieldservice_servicetrade_warehouses.inactive"
		byOffice = "data.fieldservice_servicetrade_warehouses.by_office"
		r        = "fieldservice_servicetrade_warehouse."
	)
	ids := map[string]string{}
	var idList []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			for _, id := range ids {
				idList = append(idList, id)
			}
			return checkWarehousesDeactivated(t, &idList)(s)
		},
		Steps: []resource.TestStep{
			{Config: res, Check: acctest.CaptureAll("fieldservice_servicetrade_warehouse", "id", ids)},
			{
				Config: res + fmt.Sprintf(`
data "fieldservice_servicetrade_warehouses" "default" {}
data "fieldservice_servicetrade_warehouses" "all" {
  status = "all"
}
data "fieldservice_servicetrade_warehouses" "inactive" {
  status = "inactive"
}
data "fieldservice_servicetrade_warehouses" "by_office" {
  office_id = %d
}
`, office),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkListHasResource(def, "warehouses", r+"office", "name", "office_id", "status", "uri"),
					checkListHasResource(def, "warehouses", r+"plain", "name", "status"),
					checkListElem(def, "warehouses", "name", name+"-p", map[string]string{"status": "active", "office_id": ""}),
					notInList(def, "warehouses", r+"retired"),
					checkListHasResource(all, "warehouses", r+"office", "name"),
					checkListHasResource(all, "warehouses", r+"retired", "name", "status"),
					checkListHasResource(inactive, "warehouses", r+"retired", "name", "status"),
					notInList(inactive, "warehouses", r+"plain"),
					checkListHasResource(byOffice, "warehouses", r+"office", "name", "office_id"),
					notInList(byOffice, "warehouses", r+"plain"),
				),
			},
			{Config: res},
		},
	})
}

// Every documented constraint of the plural data source fails at plan time.
func TestAccWarehousesDataSource_validation(t *testing.T) {
	preCheck(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      `data "fieldservice_servicetrade_warehouses" "x" { status = "Active" }`,
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Attribute status value must be one of: ["active" "inactive" "all"], got: "Active"`),
			},
			{
				Config:      `data "fieldservice_servicetrade_warehouses" "x" { office_id = 0 }`,
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Attribute office_id value must be at least 1, got: 0`),
			},
		},
	})
}
