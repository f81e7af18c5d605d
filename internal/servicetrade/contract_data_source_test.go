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
	const contract dataSource = "fieldservice_servicetrade_contract"
	lookupTable{cases: []lookupCase{
		{
			name:   "two contracts of the vendor have the name",
			config: contract.block("two", attr("name", base+" dup"), "vendor_id = "+vendor),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+contracts\s+have\s+the\s+name\s+".*dup"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   "no contract of the customer has the name",
			config: contract.block("none", attr("name", base), "customer_id = "+customer2),
			err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade contract has the name %q (the match is exact and case-sensitive) among the contracts of customer %s`, base, customer2)),
		},
		{
			name:   "templates have no vendor: not found by name",
			config: contract.block("tmpl", attr("name", base+"-tmpl"), "vendor_id = "+vendor),
			err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade contract has the name "%s-tmpl"`, base)),
		},
		{
			name:   "no contract has the id",
			config: contract.block("gone", `id = "987"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+contract\s+987\s+failed(?s:.*)contract\s+987\s+not\s+found`),
		},
		{
			name:     "a name without vendor or customer",
			config:   contract.block("unscoped", attr("name", base)),
			planOnly: true,
			err:      errorThen(`A contract name lookup needs vendor_id or customer_id`, `ServiceTrade cannot list contracts without a vendor, a customer or a job`),
		},
		{
			name:     "an id with a vendor",
			config:   contract.block("both", attr("id", fmt.Sprint(company.ID)), "vendor_id = "+vendor),
			planOnly: true,
			err:      acctest.ErrorText(`vendor_id and customer_id are only for name lookups`),
		},
		{
			name:     "neither id nor name",
			config:   contract.block("neither"),
			planOnly: true,
			err:      acctest.ErrorText(`Give exactly one of id and name`),
		},
		{
			name: "by name within a vendor, within a customer, and by id",
			config: contract.block("by_vendor", attr("name", base), "vendor_id = "+vendor) +
				contract.block("by_customer", attr("name", base), "customer_id = "+customer) +
				contract.block("by_id", attr("id", fmt.Sprint(tmpl.ID))),
			check: resource.ComposeAggregateTestCheckFunc(
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
	}}.run(t)
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
	const rule dataSource = "fieldservice_servicetrade_contract_rule"
	contractID := fmt.Sprintf("contract_id = %d", ct.ID)
	lookupTable{cases: []lookupCase{
		{
			name:   "two rules of the contract have the name",
			config: rule.block("two", contractID, `name = "Minimum"`),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+contract\s+rules\s+have\s+the\s+name\s+"Minimum"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   "no rule of the contract has the name",
			config: rule.block("none", contractID, `name = "Inspection"`),
			err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade contract rule has the name "Inspection" (the match is exact and case-sensitive) on contract %d`, ct.ID)),
		},
		{
			name:   "the rule belongs to another contract",
			config: rule.block("elsewhere", fmt.Sprintf("contract_id = %d", other.ID), attr("id", fmt.Sprint(unit.ID))),
			err:    regexp.MustCompile(fmt.Sprintf(`Reading\s+rule\s+%d\s+of\s+ServiceTrade\s+contract\s+%d\s+failed(?s:.*)404`, unit.ID, other.ID)),
		},
		{
			name:     "neither id nor name",
			config:   rule.block("neither", contractID),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
		},
		{
			name:   "by name and by id",
			config: rule.block("by_name", contractID, `name = "Inspection labor"`) + rule.block("by_id", contractID, attr("id", fmt.Sprint(unit.ID))),
			check: resource.ComposeAggregateTestCheckFunc(
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
	}}.run(t)
}
