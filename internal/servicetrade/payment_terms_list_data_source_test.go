package servicetrade_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// The plural payment terms data source lists every entry, in
// ServiceTrade's order, with the values the single look-up has.
func TestAccPaymentTermsListDataSource_list(t *testing.T) {
	preCheck(t)
	const all = "data.fieldservice_servicetrade_payment_terms_list.all"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "fieldservice_servicetrade_payment_terms_list" "all" {}
data "fieldservice_servicetrade_payment_terms" "first" {
  id = data.fieldservice_servicetrade_payment_terms_list.all.payment_terms_list[0].id
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				func(s *terraform.State) error {
					list, err := acctest.ServiceTradeClient(t).ListPaymentTerms(context.Background())
					if err != nil {
						return err
					}
					attrs := s.RootModule().Resources[all].Primary.Attributes
					if got, _ := strconv.Atoi(attrs["payment_terms_list.#"]); got != len(list) {
						return fmt.Errorf("payment_terms_list has %d elements; ServiceTrade has %d", got, len(list))
					}
					for i, p := range list {
						pre := fmt.Sprintf("payment_terms_list.%d.", i)
						for k, want := range map[string]string{"id": strconv.FormatInt(p.ID, 10), "name": p.Name, "uri": p.URI, "order_index": strconv.Itoa(p.OrderIndex)} {
							if got := attrs[pre+k]; got != want {
								return fmt.Errorf("%s %s%s = %q, want %q", all, pre, k, got, want)
							}
						}
					}
					return nil
				},
				resource.TestCheckResourceAttrPair(all, "payment_terms_list.0.name", "data.fieldservice_servicetrade_payment_terms.first", "name"),
				resource.TestCheckResourceAttrPair(all, "payment_terms_list.0.uri", "data.fieldservice_servicetrade_payment_terms.first", "uri"),
				resource.TestCheckResourceAttrPair(all, "payment_terms_list.0.order_index", "data.fieldservice_servicetrade_payment_terms.first", "order_index"),
			),
		}},
	})
}

// On the emulator's seeds: both entries of a duplicated name are listed
// (the paymenttermss list key of the reference's example is read).
func TestAccPaymentTermsListDataSource_seeds(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded payment terms
	const all = "data.fieldservice_servicetrade_payment_terms_list.all"
	checks := []resource.TestCheckFunc{
		resource.TestCheckResourceAttr(all, "payment_terms_list.#", strconv.Itoa(len(emust.SeedPaymentTerms)+2)),
	}
	for i, name := range append(append([]string{}, emust.SeedPaymentTerms...), emust.DuplicatePaymentTerms, emust.DuplicatePaymentTerms) {
		checks = append(checks,
			resource.TestCheckResourceAttr(all, fmt.Sprintf("payment_terms_list.%d.name", i), name),
			resource.TestCheckResourceAttr(all, fmt.Sprintf("payment_terms_list.%d.order_index", i), strconv.Itoa(i+1)))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `data "fieldservice_servicetrade_payment_terms_list" "all" {}`,
			Check:  resource.ComposeAggregateTestCheckFunc(checks...),
		}},
	})
}
