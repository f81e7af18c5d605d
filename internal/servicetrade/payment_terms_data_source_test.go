package servicetrade_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

func TestAccPaymentTermsDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded payment terms
	const ds = "data.fieldservice_servicetrade_payment_terms."
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_payment_terms" "two" { name = %q }`, emust.DuplicatePaymentTerms),
				ExpectError: regexp.MustCompile(`2\s+ServiceTrade\s+payment\s+terms\s+have\s+the\s+name\s+"COD"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				Config:      `data "fieldservice_servicetrade_payment_terms" "none" { name = "net 30" }`,
				ExpectError: acctest.ErrorText(`no ServiceTrade payment terms has the name "net 30" (the match is exact and case-sensitive)`),
			},
			{
				Config:      `data "fieldservice_servicetrade_payment_terms" "gone" { id = "999" }`,
				ExpectError: regexp.MustCompile(`Reading\s+ServiceTrade\s+payment\s+terms\s+999\s+failed(?s:.*)paymentterms\s+999\s+not\s+found`),
			},
			{
				Config:      `data "fieldservice_servicetrade_payment_terms" "neither" {}`,
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
			},
			{
				Config: `
data "fieldservice_servicetrade_payment_terms" "net30" {
  name = "Net 30"
}
data "fieldservice_servicetrade_payment_terms" "by_id" {
  id = data.fieldservice_servicetrade_payment_terms.net30.id
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestMatchResourceAttr(ds+"net30", "id", regexp.MustCompile(`^\d{10,}$`)),
					resource.TestCheckResourceAttr(ds+"net30", "order_index", "3"),
					resource.TestMatchResourceAttr(ds+"net30", "uri", regexp.MustCompile(`/paymentterms/\d+$`)),
					resource.TestCheckResourceAttr(ds+"by_id", "name", "Net 30"),
					resource.TestCheckResourceAttrPair(ds+"by_id", "order_index", ds+"net30", "order_index"),
				),
			},
		},
	})
}
