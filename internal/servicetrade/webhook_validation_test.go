package servicetrade_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

func regexpMust(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// Bad hook URLs fail at plan time, with a message naming the attribute.
func TestAccWebhook_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		hookURL string
		want    *regexp.Regexp
	}{
		{"ftp://hooks.example.com/x", acctest.ErrorText(`hook_url must be an absolute URL with scheme http or https, got "ftp://hooks.example.com/x".`)},
		{"hooks.example.com/x", acctest.ErrorText(`hook_url must be an absolute URL with scheme http or https, got "hooks.example.com/x".`)},
		{"", acctest.ErrorText(`hook_url must be an absolute URL with scheme http or https, got "".`)},
		{"https:///no-host", acctest.ErrorText(`Invalid URL`)},
	}
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      webhookConfig(tc.hookURL, ""),
			PlanOnly:    true,
			ExpectError: tc.want,
		})
	}
	steps = append(steps, resource.TestStep{
		Config:      webhookConfig("https://hooks.example.com/x", `enabled = "maybe"`),
		PlanOnly:    true,
		ExpectError: acctest.ErrorText(`Inappropriate value for attribute "enabled": a bool is required.`),
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
}
