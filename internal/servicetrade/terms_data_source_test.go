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
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_terms" "two" { name = "%s dup" }`, base),
				ExpectError: regexp.MustCompile(`2\s+ServiceTrade\s+terms\s+have\s+the\s+name\s+".*dup"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				Config:      fmt.Sprintf(`data "fieldservice_servicetrade_terms" "none" { name = "%s missing" }`, base),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`no ServiceTrade terms has the name "%s missing"`, base)),
			},
			{
				Config:      `data "fieldservice_servicetrade_terms" "gone" { id = "987" }`,
				ExpectError: regexp.MustCompile(`Reading\s+ServiceTrade\s+terms\s+987\s+failed(?s:.*)terms\s+987\s+not\s+found`),
			},
			{
				Config:      `data "fieldservice_servicetrade_terms" "neither" {}`,
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
			},
			{
				Config: fmt.Sprintf(`
data "fieldservice_servicetrade_terms" "by_name" {
  name = %q
}
data "fieldservice_servicetrade_terms" "by_id" {
  id = %q
}
`, base, fmt.Sprint(exact.ID)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds+"by_name", "id", fmt.Sprint(exact.ID)),
					resource.TestCheckResourceAttr(ds+"by_name", "content", "Payment is due on completion."),
					resource.TestCheckResourceAttr(ds+"by_name", "uri", exact.URI),
					resource.TestCheckResourceAttr(ds+"by_id", "name", base),
					resource.TestCheckResourceAttr(ds+"by_id", "content", "Payment is due on completion."),
				),
			},
		},
	})
}
