package servicetrade_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

func TestAccPaymentTermsDataSource_lookups(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded payment terms
	const terms dataSource = "fieldservice_servicetrade_payment_terms"
	const ds = "data.fieldservice_servicetrade_payment_terms."
	lookupTable{cases: []lookupCase{
		{
			name:   "two payment terms have the name",
			config: terms.block("two", attr("name", emust.DuplicatePaymentTerms)),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+payment\s+terms\s+have\s+the\s+name\s+"COD"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   "names match case-sensitively",
			config: terms.block("none", `name = "net 30"`),
			err:    acctest.ErrorText(`no ServiceTrade payment terms has the name "net 30" (the match is exact and case-sensitive)`),
		},
		{
			name:   "no payment terms have the id",
			config: terms.block("gone", `id = "999"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+payment\s+terms\s+999\s+failed(?s:.*)paymentterms\s+999\s+not\s+found`),
		},
		{
			name:     "neither id nor name",
			config:   terms.block("neither"),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
		},
		{
			name: "by name and by id",
			config: terms.block("net30", `name = "Net 30"`) +
				terms.block("by_id", `id = data.fieldservice_servicetrade_payment_terms.net30.id`),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestMatchResourceAttr(ds+"net30", "id", regexp.MustCompile(`^\d{10,}$`)),
				resource.TestCheckResourceAttr(ds+"net30", "order_index", "3"),
				resource.TestMatchResourceAttr(ds+"net30", "uri", regexp.MustCompile(`/paymentterms/\d+$`)),
				resource.TestCheckResourceAttr(ds+"by_id", "name", "Net 30"),
				resource.TestCheckResourceAttrPair(ds+"by_id", "order_index", ds+"net30", "order_index"),
			),
		},
	}}.run(t)
}
