package servicetrade_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// The data source tests are tables of look-ups (by id, by name, zero
// matches, several matches, a wrong set of attributes), each a
// configuration and either what it finds or the error it fails with. The
// cases run in order as the steps of one test case, so that the objects
// they look up are made once.

// lookupCase is one look-up: the data sources of config, which either find
// what check checks or fail with err.
type lookupCase struct {
	name      string // what the case shows; logged as its step starts
	config    string // data sources, after the table's shared configuration
	preConfig func() // run before the step: makes what Terraform cannot
	planOnly  bool   // the error comes at plan time, so nothing is applied
	check     resource.TestCheckFunc
	err       *regexp.Regexp
}

// lookupTable is one data source's look-ups.
type lookupTable struct {
	// shared starts every case's configuration: the resources the
	// look-ups find. A first step creates them, checked by created; a last
	// step ends on them, a valid configuration that the final destroy uses.
	shared    string
	created   resource.TestCheckFunc
	destroyed resource.TestCheckFunc // the test case's CheckDestroy
	cases     []lookupCase
}

// run runs the table's cases as the steps of one parallel test case.
func (tt lookupTable) run(t *testing.T) {
	t.Helper()
	var steps []resource.TestStep
	if tt.shared != "" {
		steps = append(steps, resource.TestStep{Config: tt.shared, Check: tt.created})
	}
	for _, c := range tt.cases {
		if (c.check == nil) == (c.err == nil) {
			t.Fatalf("look-up %q: give either what it finds (check) or the error it fails with (err)", c.name)
		}
		step := len(steps) + 1
		steps = append(steps, resource.TestStep{
			PreConfig: func() {
				t.Logf("step %d: %s", step, c.name)
				if c.preConfig != nil {
					c.preConfig()
				}
			},
			Config:      tt.shared + c.config,
			PlanOnly:    c.planOnly,
			Check:       c.check,
			ExpectError: c.err,
		})
	}
	if tt.shared != "" {
		steps = append(steps, resource.TestStep{Config: tt.shared})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             tt.destroyed,
		Steps:                    steps,
	})
}

// dataSource is a data source type: "fieldservice_servicetrade_company".
type dataSource string

// block is the configuration of one data source of type d labelled label,
// with the attribute lines attrs (`name = "x"`).
func (d dataSource) block(label string, attrs ...string) string {
	var b strings.Builder
	b.WriteString("data \"" + string(d) + "\" \"" + label + "\" {\n")
	for _, a := range attrs {
		b.WriteString("  " + a + "\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// attr is the attribute line key = "value", the value quoted.
func attr(key, value string) string { return fmt.Sprintf("%s = %q", key, value) }
