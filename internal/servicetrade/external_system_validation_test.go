package servicetrade_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// Bad input fails at plan time, with a message naming the attribute.
func TestAccExternalSystem_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		name, label, extra string
		want               *regexp.Regexp
	}{
		{"x", "X", `type = "sap"`,
			acctest.ErrorText(`Attribute type value must be one of: ["standard" "quickbooks" "intacct" "nearbynow" "dcspectrum" "fattmerchant"], got: "sap"`)},
		{"x", "X", `syncable_types = ["bill"]`,
			regexp.MustCompile(`(?s)Attribute syncable_types\[Value\("bill"\)\] value must be one of:\s+\["invoice"\s+"job"\],\s+got:\s+"bill"`)},
		{"x", "X", `type = "quickbooks"
  syncable_types = ["invoice"]`,
			acctest.ErrorText(`syncable_types can only be set when type is "standard"; ServiceTrade computes it for type "quickbooks".`)},
		{"x", "X", `type = "intacct"
  syncable_types = []`,
			acctest.ErrorText(`syncable_types is only for standard external systems`)},
		{"", "X", "", acctest.ErrorText(`Attribute name string length must be at least 1, got: 0`)},
		{"x", "", "", acctest.ErrorText(`Attribute label string length must be at least 1, got: 0`)},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      externalSystemConfig(tc.name, tc.label, tc.extra),
			PlanOnly:    true,
			ExpectError: tc.want,
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
}
