package acctest

import (
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// LostCreateErrorCheck is a TestCase.ErrorCheck for a create whose answer
// was lost (an emulator.Fault with DropAfter on the POST) and that cannot
// be adopted. The id of the object that exists is only known once the
// apply has failed, too late for a step's ExpectError, so the error is
// checked here: it is accepted only when exactly one object matches the
// configuration (ids lists their import ids through the API, when the error
// is seen) and the error names that id, says that the create may have
// succeeded, and gives the import command. Any other error fails the test.
//
// *seen is set when an error was accepted: the next step must check it, so
// that a create that did not fail cannot pass unnoticed.
func LostCreateErrorCheck(summary, resourceType string, ids func() ([]string, error), seen *bool) resource.ErrorCheckFunc {
	return func(err error) error {
		found, lookupErr := ids()
		if lookupErr != nil {
			return fmt.Errorf("listing the objects after the lost create: %v; the step failed with: %w", lookupErr, err)
		}
		if len(found) != 1 {
			return fmt.Errorf("%d objects match the configuration after the lost create (%v), want exactly 1 (no duplicate); the step failed with: %w", len(found), found, err)
		}
		id := regexp.QuoteMeta(found[0])
		want := regexp.MustCompile(ErrorText(summary).String() +
			`.*may\s+have\s+acted\s+on\s+the\s+request,\s+but\s+its\s+answer\s+did\s+not\s+come\s+back,\s+so\s+the\s+.*\s+may\s+have\s+been\s+created\s+anyway` +
			`.*matches\s+the\s+configuration\s+\(.*\):\s+id\s+` + id + `\.` +
			`.*terraform\s+import\s+` + regexp.QuoteMeta(resourceType) + `\.<name>\s+` + id + `\s`)
		if !want.MatchString(err.Error()) {
			return fmt.Errorf("the error does not name the object that exists (%s) with its import command; want %s; got: %w", found[0], want, err)
		}
		*seen = true
		return nil
	}
}
