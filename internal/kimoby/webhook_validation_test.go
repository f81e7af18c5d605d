package kimoby_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// A url that is not an absolute https:// URL fails at plan time, with a
// message naming the attribute and the value.
func TestAccKimobyWebhook_planTimeValidation(t *testing.T) {
	preCheck(t)
	bad := []string{
		"http://hooks.example.com/plain",
		"ftp://hooks.example.com/file",
		"hooks.example.com/no-scheme",
		"/relative/path",
		"https://",
		"",
	}
	steps := make([]resource.TestStep, 0, len(bad))
	for _, u := range bad {
		steps = append(steps, resource.TestStep{
			Config:      fmt.Sprintf("resource \"fieldservice_kimoby_webhook\" \"bad\" {\n  url = %q\n}\n", u),
			PlanOnly:    true,
			ExpectError: acctest.ErrorText(fmt.Sprintf("url must be an absolute URL with scheme https, got %q.", u)),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
}
