package acctest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
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

// Counter is an emulator seen through a front that counts the requests by
// method and path, for tests that must say exactly what the provider sent
// ("two POSTs to /region", "one listing of the webhooks"): the emulator's
// own counters only know vendors and methods. Faults injected into the
// emulator still apply.
type Counter struct {
	// URL is the front's root; point the provider at ServiceTradeURL,
	// KimobyURL or KickservURL.
	URL string

	mu sync.Mutex
	n  map[string]int // "METHOD /path" -> requests
}

// Counting starts a counting front for run, closed when the test ends.
func Counting(t *testing.T, run *emulator.Running) *Counter {
	t.Helper()
	c := &Counter{n: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		c.n[r.Method+" "+r.URL.Path]++
		c.mu.Unlock()
		run.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c.URL = srv.URL
	return c
}

func (c *Counter) ServiceTradeURL() string { return c.URL + emulator.ServiceTradePrefix }
func (c *Counter) KimobyURL() string       { return c.URL + emulator.KimobyPrefix }
func (c *Counter) KickservURL() string     { return c.URL + emulator.KickservPrefix }

// Count returns how many requests of method had a path (below the
// vendor's mount point, as in an emulator.Fault) that matches the regular
// expression path, such as `^/contract/\d+/rule$`.
func (c *Counter) Count(method, path string) int {
	re := regexp.MustCompile(path)
	c.mu.Lock()
	defer c.mu.Unlock()
	total := 0
	for key, v := range c.n {
		m, p, _ := strings.Cut(key, " ")
		for _, prefix := range []string{emulator.ServiceTradePrefix, emulator.KimobyPrefix, emulator.KickservPrefix} {
			if rest, ok := strings.CutPrefix(p, prefix); ok {
				p = rest
				break
			}
		}
		if m == method && re.MatchString(p) {
			total += v
		}
	}
	return total
}

// Reset zeroes the counts.
func (c *Counter) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n = map[string]int{}
}
