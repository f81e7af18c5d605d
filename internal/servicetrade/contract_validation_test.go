package servicetrade_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// Bad contracts fail at plan time, with a message naming the attribute.
func TestAccContract_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		name, body string
		want       *regexp.Regexp
	}{
		{"default without vendor", `type = "default"`,
			errorThen(`vendor_id is required`, `A default contract needs vendor_id`)},
		{"company without vendor", `type = "company"
  customer_id = 4294967299`,
			errorThen(`vendor_id is required`, `A company contract needs vendor_id`)},
		{"company without customer", `type = "company"
  vendor_id = 4294967297`,
			errorThen(`customer_id is required`, `A company contract needs customer_id`)},
		{"template with vendor", `type = "template"
  vendor_id = 4294967297`,
			acctest.ErrorText(`vendor_id is not allowed for template contracts`)},
		{"default with customer", `type = "default"
  vendor_id = 4294967297
  customer_id = 4294967299`,
			errorThen(`customer_id is only allowed for company contracts`, `ServiceTrade only takes a customer on company contracts, not on default ones`)},
		{"template with location", `type = "template"
  location_id = 4294967299`,
			acctest.ErrorText(`location_id is only allowed for company contracts`)},
		{"quote contract", `type = "quote"`,
			regexp.MustCompile(`(?s)Attribute type value must be one of:.*"default".*"company".*"template".*got:\s+"quote"`)},
		{"US date", `type = "template"
  starts_on = "03/01/2026"`,
			acctest.ErrorText(`Attribute starts_on must be a date or a timestamp: "03/01/2026" is neither a date such as 2026-01-31 nor an RFC 3339 timestamp`)},
		{"timestamp without zone", `type = "template"
  expires_on = "2026-03-01T15:04:05"`,
			acctest.ErrorText(`Attribute expires_on must be a date or a timestamp`)},
		{"invoice level of quotes", `type = "template"
  invoice_detail_level = ["by_type"]`,
			regexp.MustCompile(`(?s)Attribute invoice_detail_level\[Value\("by_type"\)\] value must be one of`)},
		{"quote level of invoices", `type = "template"
  quote_detail_level = ["items_by_type"]`,
			regexp.MustCompile(`(?s)Attribute quote_detail_level\[Value\("items_by_type"\)\] value must be one of`)},
		{"zero owner", `type = "template"
  owner_id = 0`,
			regexp.MustCompile(`(?s)Attribute owner_id value must be at least 1, got:\s+0`)},
		{"empty customer po", `type = "template"
  customer_po = ""`,
			regexp.MustCompile(`(?s)Attribute customer_po string length must be at least 1`)},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      "resource \"fieldservice_servicetrade_contract\" \"bad\" {\n  name = \"validation\"\n  " + tc.body + "\n}\n",
			PlanOnly:    true,
			ExpectError: tc.want,
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
	t.Logf("%d invalid contract configurations refused at plan time", len(cases))
}

// errorThen matches an error summary followed, further on, by its detail.
func errorThen(summary, detail string) *regexp.Regexp {
	return regexp.MustCompile(acctest.ErrorText(summary).String() + `.*` + strings.TrimPrefix(acctest.ErrorText(detail).String(), "(?s)"))
}
