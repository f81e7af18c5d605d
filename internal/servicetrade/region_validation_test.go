package servicetrade_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// Bad input fails at plan time, with a message naming the attribute.
func TestAccRegion_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		name, body string
		want       *regexp.Regexp
	}{
		{"two points", `points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }]`,
			regexp.MustCompile(`(?s)Attribute points list must contain at least 3 elements`)},
		{"latitude out of range", `points = [{ lat = 91, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]`,
			regexp.MustCompile(`(?s)Attribute points\[0\]\.lat value must be between -90\.0+ and 90\.0+, got:\s+91\.0+`)},
		{"longitude out of range", `points = [{ lat = 1, lon = 1 }, { lat = 2, lon = -180.5 }, { lat = 3, lon = 1 }]`,
			regexp.MustCompile(`(?s)Attribute points\[1\]\.lon value must be between -180\.0+ and 180\.0+`)},
		{"named color", `color = "red"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]`,
			regexp.MustCompile(`(?s)Attribute color must be an HTML hex color such as "#ff9000" or "#000", got:\s+red`)},
		{"four-digit hex color", `color = "#abcd"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]`,
			regexp.MustCompile(`(?s)Attribute color must be an HTML hex color`)},
		{"empty name", `name = ""
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]`,
			regexp.MustCompile(`(?s)Attribute name string length must be at least 1`)},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		nameLine := `name = "validation"`
		if regexp.MustCompile(`^name =`).MatchString(tc.body) {
			nameLine = ""
		}
		steps = append(steps, resource.TestStep{
			Config:      "resource \"fieldservice_servicetrade_region\" \"bad\" {\n  " + nameLine + "\n  " + tc.body + "\n}\n",
			PlanOnly:    true,
			ExpectError: tc.want,
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
	t.Logf("%d invalid region configurations refused at plan time", len(cases))
}
