package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// createTerms creates terms through the API for one test and deletes them
// when it ends.
func createTerms(t *testing.T, name, content string) *api.Terms {
	t.Helper()
	c := acctest.ServiceTradeClient(t)
	terms, err := c.CreateTerms(context.Background(), api.TermsInput{Name: name, Content: content})
	if err != nil {
		t.Fatalf("creating terms %q: %v", name, err)
	}
	t.Cleanup(func() {
		if err := c.DeleteTerms(context.Background(), terms.ID); err != nil && !api.IsNotFound(err) {
			t.Errorf("deleting terms %d: %v", terms.ID, err)
		}
	})
	return terms
}

// Looks up terms created by this test (so it also runs live) by name, when
// another name contains it, and by id; explains zero and several matches.
func TestAccTermsDataSource_lookups(t *testing.T) {
	preCheck(t)
	const ds = "data.fieldservice_servicetrade_terms."
	base := acctest.RandomName("terms")
	exact := createTerms(t, base, "Payment is due on completion.")
	createTerms(t, base+" (old)", "Superseded.")
	createTerms(t, base+" dup", "One.")
	createTerms(t, base+" dup", "Two.")
	const terms dataSource = "fieldservice_servicetrade_terms"
	lookupTable{cases: []lookupCase{
		{
			name:   "two terms have the name",
			config: terms.block("two", attr("name", base+" dup")),
			err:    regexp.MustCompile(`2\s+ServiceTrade\s+terms\s+have\s+the\s+name\s+".*dup"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		},
		{
			name:   "no terms have the name",
			config: terms.block("none", attr("name", base+" missing")),
			err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade terms has the name "%s missing"`, base)),
		},
		{
			name:   "no terms have the id",
			config: terms.block("gone", `id = "987"`),
			err:    regexp.MustCompile(`Reading\s+ServiceTrade\s+terms\s+987\s+failed(?s:.*)terms\s+987\s+not\s+found`),
		},
		{
			name:     "neither id nor name",
			config:   terms.block("neither"),
			planOnly: true,
			err:      acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
		},
		{
			name:   "by name, when another name contains it, and by id",
			config: terms.block("by_name", attr("name", base)) + terms.block("by_id", attr("id", fmt.Sprint(exact.ID))),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds+"by_name", "id", fmt.Sprint(exact.ID)),
				resource.TestCheckResourceAttr(ds+"by_name", "content", "Payment is due on completion."),
				resource.TestCheckResourceAttr(ds+"by_name", "uri", exact.URI),
				resource.TestCheckResourceAttr(ds+"by_id", "name", base),
				resource.TestCheckResourceAttr(ds+"by_id", "content", "Payment is due on completion."),
			),
		},
	}}.run(t)
}
