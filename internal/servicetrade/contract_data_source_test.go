package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// createContract creates a contract through the API for one test and
// deactivates it when the test ends (contracts cannot be deleted).
func createContract(t *testing.T, in api.ContractInput) *api.Contract {
	t.Helper()
	c := acctest.ServiceTradeClient(t)
	ct, err := c.CreateContract(context.Background(), in)
	if err != nil {
		t.Fatalf("creating contract %q: %v", in.Name, err)
	}
	t.Cleanup(func() {
		if err := c.DeactivateContract(context.Background(), ct.ID, api.DeactivateOptions{}); err != nil {
			t.Errorf("deactivating contract %d: %v", ct.ID, err)
		}
	})
	return ct
}

// Looks contracts up by exact name within a vendor or a customer (even when
// another name contains it) and by id; explains zero and several matches,
// and the missing scope.
func TestAccContractDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // uses the emulator's seeded companies
	refs := lookupContractRefs(t)
	const ds = "data.fieldservice_servicetrade_contract."
	base := acctest.RandomName("contract-ds")
	company := createContract(t, api.ContractInput{
		Type: "company", Name: base, CustomerPo: api.Some("PO-77"),
		ContractFields: api.ContractFields{
			VendorID: api.Some(refs.vendor), CustomerID: api.Some(refs.customer), SalesID: api.Some(refs.sales),
			ExpiresOn: api.Some(int64(1772377445)), InvoiceNotes: api.Some("Net 30"),
		},
	})
	createContract(t, api.ContractInput{Type: "default", Name: base + " (old)", ContractFields: api.ContractFields{VendorID: api.Some(refs.vendor)}})
	createContract(t, api.ContractInput{Type: "default", Name: base + " dup", ContractFields: api.ContractFields{VendorID: api.Some(refs.vendor)}})
	createContract(t, api.ContractInput{Type: "default", Name: base + " dup", ContractFields: api.ContractFields{VendorID: api.Some(refs.vendor)}})
	tmpl := createContract(t, api.ContractInput{Type: "template", Name: base + "-tmpl"})
	vendor, customer, customer2 := id64(refs.vendor), id64(refs.customer), id64(refs.customer2)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`data "fieldservice_servicetrade_contract" "two" {
  name      = "%s dup"
  vendor_id = %s
}`, base, vendor),
				ExpectError: regexp.MustCompile(`2\s+ServiceTrade\s+contracts\s+have\s+the\s+name\s+".*dup"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				Config: fmt.Sprintf(`data "fieldservice_servicetrade_contract" "none" {
  name        = %q
  customer_id = %s
}`, base, customer2),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`no ServiceTrade contract has the name %q (the match is exact and case-sensitive) among the contracts of customer %s`, base, customer2)),
			},
			{
				// Templates have no vendor: not found by name.
				Config: fmt.Sprintf(`data "fieldservice_servicetrade_contract" "tmpl" {
  name      = "%s-tmpl"
  vendor_id = %s
}`, base, vendor),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`no ServiceTrade contract has the name "%s-tmpl"`, base)),
			},
			{
				Config:      `data "fieldservice_servicetrade_contract" "gone" { id = "987" }`,
				ExpectError: regexp.MustCompile(`Reading\s+ServiceTrade\s+contract\s+987\s+failed(?s:.*)contract\s+987\s+not\s+found`),
			},
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_contract" "unscoped" { name = %q }`, base),
				PlanOnly:    true,
				ExpectError: errorThen(`A contract name lookup needs vendor_id or customer_id`, `ServiceTrade cannot list contracts without a vendor, a customer or a job`),
			},
			{
				Config: fmt.Sprintf(`data "fieldservice_servicetrade_contract" "both" {
  id        = "%d"
  vendor_id = %s
}`, company.ID, vendor),
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`vendor_id and customer_id are only for name lookups`),
			},
			{
				Config:      `data "fieldservice_servicetrade_contract" "neither" {}`,
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Give exactly one of id and name`),
			},
			{
				Config: fmt.Sprintf(`
data "fieldservice_servicetrade_contract" "by_vendor" {
  name      = %[1]q
  vendor_id = %[2]s
}
data "fieldservice_servicetrade_contract" "by_customer" {
  name        = %[1]q
  customer_id = %[3]s
}
data "fieldservice_servicetrade_contract" "by_id" {
  id = "%[4]d"
}
`, base, vendor, customer, tmpl.ID),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds+"by_vendor", "id", fmt.Sprint(company.ID)),
					resource.TestCheckResourceAttr(ds+"by_vendor", "type", "company"),
					resource.TestCheckResourceAttr(ds+"by_vendor", "customer_id", customer),
					resource.TestCheckResourceAttr(ds+"by_vendor", "sales_id", id64(refs.sales)),
					resource.TestCheckResourceAttr(ds+"by_vendor", "customer_po", "PO-77"),
					resource.TestCheckResourceAttr(ds+"by_vendor", "expires_on", "2026-03-01"),
					resource.TestCheckResourceAttr(ds+"by_vendor", "invoice_notes", "Net 30"),
					resource.TestCheckResourceAttr(ds+"by_vendor", "active", "true"),
					resource.TestCheckResourceAttr(ds+"by_vendor", "uri", company.URI),
					resource.TestCheckResourceAttr(ds+"by_customer", "id", fmt.Sprint(company.ID)),
					resource.TestCheckResourceAttr(ds+"by_customer", "vendor_id", vendor),
					resource.TestCheckResourceAttr(ds+"by_id", "name", base+"-tmpl"),
					resource.TestCheckResourceAttr(ds+"by_id", "type", "template"),
					resource.TestCheckNoResourceAttr(ds+"by_id", "vendor_id"),
					resource.TestCheckNoResourceAttr(ds+"by_id", "starts_on"),
					resource.TestCheckResourceAttr(ds+"by_id", "quote_detail_level.#", "3"),
				),
			},
		},
	})
}

// Looks rules up by id and by exact name within their contract; explains
// zero and several matches.
func TestAccContractRuleDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // uses the emulator's seeded lib items
	ctx := context.Background()
	c := acctest.ServiceTradeClient(t)
	const ds = "data.fieldservice_servicetrade_contract_rule."
	ct := createContract(t, api.ContractInput{Type: "template", Name: acctest.RandomName("rule-ds")})
	other := createContract(t, api.ContractInput{Type: "template", Name: acctest.RandomName("rule-ds-other")})
	items, err := c.ListLibItems(ctx, api.LibItemFilter{Code: "LAB-INSP"})
	if err != nil || len(items) == 0 {
		t.Fatalf("lib items: %v, %v", items, err)
	}
	price, threshold := 45.0, 8.0
	unit, err := c.CreateContractRule(ctx, ct.ID, api.ContractRuleInput{Type: "unit", Name: "Inspection labor", Price: &price, Threshold: &threshold, LibItemIDs: []int64{items[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Inspection labor, overtime", "Minimum", "Minimum"} {
		if _, err := c.CreateContractRule(ctx, ct.ID, api.ContractRuleInput{Type: "minimum", Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`data "fieldservice_servicetrade_contract_rule" "two" {
  contract_id = %d
  name = "Minimum"
}`, ct.ID),
				ExpectError: regexp.MustCompile(`2\s+ServiceTrade\s+contract\s+rules\s+have\s+the\s+name\s+"Minimum"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				Config: fmt.Sprintf(`data "fieldservice_servicetrade_contract_rule" "none" {
  contract_id = %d
  name = "Inspection"
}`, ct.ID),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`no ServiceTrade contract rule has the name "Inspection" (the match is exact and case-sensitive) on contract %d`, ct.ID)),
			},
			{
				// The rule belongs to another contract.
				Config: fmt.Sprintf(`data "fieldservice_servicetrade_contract_rule" "elsewhere" {
  contract_id = %d
  id = "%d"
}`, other.ID, unit.ID),
				ExpectError: regexp.MustCompile(fmt.Sprintf(`Reading\s+rule\s+%d\s+of\s+ServiceTrade\s+contract\s+%d\s+failed(?s:.*)404`, unit.ID, other.ID)),
			},
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_contract_rule" "neither" { contract_id = %d }`, ct.ID),
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
			},
			{
				Config: fmt.Sprintf(`
data "fieldservice_servicetrade_contract_rule" "by_name" {
  contract_id = %[1]d
  name        = "Inspection labor"
}
data "fieldservice_servicetrade_contract_rule" "by_id" {
  contract_id = %[1]d
  id          = "%[2]d"
}
`, ct.ID, unit.ID),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds+"by_name", "id", fmt.Sprint(unit.ID)),
					resource.TestCheckResourceAttr(ds+"by_name", "type", "unit"),
					resource.TestCheckResourceAttr(ds+"by_name", "price", "45"),
					resource.TestCheckResourceAttr(ds+"by_name", "threshold", "8"),
					resource.TestCheckResourceAttr(ds+"by_name", "lib_item_ids.#", "1"),
					resource.TestCheckResourceAttr(ds+"by_name", "lib_item_ids.0", fmt.Sprint(items[0].ID)),
					resource.TestCheckNoResourceAttr(ds+"by_name", "service_line_id"),
					resource.TestCheckResourceAttr(ds+"by_name", "uri", unit.URI),
					resource.TestCheckResourceAttr(ds+"by_id", "name", "Inspection labor"),
					resource.TestCheckResourceAttr(ds+"by_id", "contract_id", fmt.Sprint(ct.ID)),
				),
			},
		},
	})
}
