package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// The singular data source finds a webhook by id and by exact URL, and
// explains zero or several matches; the plural one lists them all.
func TestAccWebhookDataSources_lookups(t *testing.T) {
	preCheck(t)
	base := "https://hooks.example.com/" + acctest.RandomName("dshook")
	hooks := fmt.Sprintf(`
resource "fieldservice_servicetrade_webhook" "a" {
  hook_url = "%[1]s/a"
}
resource "fieldservice_servicetrade_webhook" "b" {
  hook_url           = "%[1]s/b"
  enabled            = false
  include_changesets = true
}
resource "fieldservice_servicetrade_webhook" "dup1" {
  hook_url = "%[1]s/dup"
}
`, base)
	// A second webhook for the same URL can only be made outside
	// Terraform, which refuses to create one whose hook URL is taken.
	makeDup := func() {
		c := acctest.ServiceTradeClient(t)
		w, err := c.CreateWebhook(context.Background(), api.WebhookInput{HookURL: base + "/dup"})
		if err != nil {
			t.Fatalf("creating the second webhook for %s/dup outside Terraform: %v", base, err)
		}
		t.Cleanup(func() { _ = c.DeleteWebhook(context.Background(), w.ID) })
	}
	const webhook dataSource = "fieldservice_servicetrade_webhook"
	const ds = "data.fieldservice_servicetrade_webhook."
	ids := map[string]string{}
	var idList []string
	lookupTable{
		shared:  hooks,
		created: acctest.CaptureAll("fieldservice_servicetrade_webhook", "id", ids),
		destroyed: func(s *terraform.State) error {
			idList = idList[:0]
			for _, id := range ids {
				idList = append(idList, id)
			}
			return checkWebhooksDestroyed(t, &idList)(s)
		},
		cases: []lookupCase{
			{
				name:      "by id and by URL; the plural one lists them all",
				preConfig: makeDup,
				config: webhook.block("by_id", `id = fieldservice_servicetrade_webhook.a.id`) +
					webhook.block("by_url", attr("hook_url", base+"/b")) +
					dataSource("fieldservice_servicetrade_webhooks").block("all"),
				check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds+"by_id", "hook_url", base+"/a"),
					resource.TestCheckResourceAttr(ds+"by_id", "enabled", "true"),
					resource.TestCheckResourceAttrPair(ds+"by_id", "uri", "fieldservice_servicetrade_webhook.a", "uri"),
					resource.TestCheckResourceAttrPair(ds+"by_url", "id", "fieldservice_servicetrade_webhook.b", "id"),
					resource.TestCheckResourceAttr(ds+"by_url", "enabled", "false"),
					resource.TestCheckResourceAttr(ds+"by_url", "include_changesets", "true"),
					resource.TestCheckResourceAttrSet(ds+"by_url", "confirmed"),
					checkListHasResource("data.fieldservice_servicetrade_webhooks.all", "webhooks", "fieldservice_servicetrade_webhook.a", "uri", "hook_url", "enabled", "include_changesets"),
					checkListHasResource("data.fieldservice_servicetrade_webhooks.all", "webhooks", "fieldservice_servicetrade_webhook.b", "uri", "hook_url", "enabled", "include_changesets"),
					checkListHasResource("data.fieldservice_servicetrade_webhooks.all", "webhooks", "fieldservice_servicetrade_webhook.dup1", "hook_url"),
				),
			},
			{
				name:   "no webhook has the URL",
				config: webhook.block("none", attr("hook_url", base+"/none")),
				err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade webhook has the hook URL "%s/none"`, base)),
			},
			{
				name:   "two webhooks have the URL",
				config: webhook.block("two", attr("hook_url", base+"/dup")),
				err:    regexp.MustCompile(`2\s+ServiceTrade\s+webhooks\s+have\s+the\s+hook\s+URL\s+"[^"]+/dup"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
			},
			{
				name:     "neither id nor hook_url",
				config:   webhook.block("neither"),
				planOnly: true,
				err:      regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,hook_url\]`),
			},
		},
	}.run(t)
}
