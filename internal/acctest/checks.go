package acctest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Capture stores a resource attribute from state into *dst, so that later
// steps (out-of-band changes, destroy checks) can reach the object.
func Capture(resourceName, attr string, dst *string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[resourceName]
		if !ok {
			return fmt.Errorf("%s not found in state", resourceName)
		}
		v, ok := rs.Primary.Attributes[attr]
		if !ok || v == "" {
			return fmt.Errorf("%s has no %s in state", resourceName, attr)
		}
		*dst = v
		return nil
	}
}

// CaptureAll is Capture over every resource of a type, keyed by address.
func CaptureAll(resourceType, attr string, dst map[string]string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for addr, rs := range s.RootModule().Resources {
			if rs.Type == resourceType {
				dst[addr] = rs.Primary.Attributes[attr]
			}
		}
		return nil
	}
}

// ErrorText matches a literal message in Terraform's output, which wraps
// long lines: every space in text matches any run of white space.
func ErrorText(text string) *regexp.Regexp {
	parts := strings.Fields(text)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `\s+`))
}
