package kimoby_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

// The data source finds a webhook by id and by exact url, and explains zero
// or several matches.
func TestAccKimobyWebhookDataSource_lookups(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("kimoby-ds")
	// Kimoby states no uniqueness rule for urls: two webhooks may share one.
	// Terraform refuses to create one whose url is taken, so the second is
	// made outside it.
	webhooks := fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "exact" {
  url = %[1]q
}
resource "fieldservice_kimoby_webhook" "longer" {
  url = "%[1]s/longer"
}
resource "fieldservice_kimoby_webhook" "dup1" {
  url = "%[1]s/dup"
}
`, hookURL(name, "ds"))
	makeDup := func() {
		c := acctest.KimobyClient(t)
		w, err := c.CreateWebhook(context.Background(), api.WebhookInput{URL: hookURL(name, "ds") + "/dup"})
		if err != nil {
			t.Fatalf("creating the second webhook for the dup url outside Terraform: %v", err)
		}
		t.Cleanup(func() { _ = c.DeleteWebhook(context.Background(), w.ID) })
	}
	// The look-ups that fail, and what they say.
	failures := []struct {
		name, config string
		planOnly     bool
		err          *regexp.Regexp
	}{
		{
			name:   "no webhook has the url",
			config: fmt.Sprintf(`data "fieldservice_kimoby_webhook" "none" { url = %q }`, hookURL(name, "nowhere")),
			err:    acctest.ErrorText(fmt.Sprintf("no Kimoby webhook has the url %q (the match is exact and case-sensitive;", hookURL(name, "nowhere"))),
		},
		{
			name:   "no webhook has the id",
			config: `data "fieldservice_kimoby_webhook" "none" { id = "WH00000000000000000000000000000000" }`,
			err:    acctest.ErrorText(`no Kimoby webhook has the id "WH00000000000000000000000000000000"`),
		},
		{
			name:   "two webhooks have the url",
			config: fmt.Sprintf(`data "fieldservice_kimoby_webhook" "two" { url = "%s/dup" }`, hookURL(name, "ds")),
			err:    regexp.MustCompile(`2\s+Kimoby\s+webhooks\s+have\s+the\s+url\s+".*/dup"\s+\(ids\s+WH\w+,\s+WH\w+\);\s+look\s+it\s+up\s+by\s+id\s+instead`),
		},
		{
			name:     "neither id nor url",
			config:   `data "fieldservice_kimoby_webhook" "neither" {}`,
			planOnly: true,
			err:      regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,url\]`),
		},
		{
			name: "id and url",
			config: `data "fieldservice_kimoby_webhook" "both" {
  id  = "WH00000000000000000000000000000000"
  url = "https://hooks.example.com/x"
}`,
			planOnly: true,
			err:      regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,url\]`),
		},
	}
	steps := []resource.TestStep{
		{Config: webhooks},
		{
			PreConfig: makeDup,
			Config: webhooks + fmt.Sprintf(`
data "fieldservice_kimoby_webhook" "by_url" {
  url = %q
}
data "fieldservice_kimoby_webhook" "by_id" {
  id = fieldservice_kimoby_webhook.dup1.id
}
`, hookURL(name, "ds")),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair("data.fieldservice_kimoby_webhook.by_url", "id", "fieldservice_kimoby_webhook.exact", "id"),
				resource.TestCheckResourceAttrPair("data.fieldservice_kimoby_webhook.by_url", "created_at", "fieldservice_kimoby_webhook.exact", "created_at"),
				resource.TestCheckResourceAttrPair("data.fieldservice_kimoby_webhook.by_url", "updated_at", "fieldservice_kimoby_webhook.exact", "updated_at"),
				resource.TestCheckResourceAttr("data.fieldservice_kimoby_webhook.by_id", "url", hookURL(name, "ds")+"/dup"),
				resource.TestCheckResourceAttrPair("data.fieldservice_kimoby_webhook.by_id", "created_at", "fieldservice_kimoby_webhook.dup1", "created_at"),
				resource.TestCheckNoResourceAttr("data.fieldservice_kimoby_webhook.by_id", "authentication_key"),
			),
		},
	}
	for _, f := range failures {
		step := len(steps) + 1
		steps = append(steps, resource.TestStep{
			PreConfig:   func() { t.Logf("step %d: %s", step, f.name) },
			Config:      webhooks + f.config,
			PlanOnly:    f.planOnly,
			ExpectError: f.err,
		})
	}
	// End on a valid configuration, which the final destroy uses.
	steps = append(steps, resource.TestStep{Config: webhooks})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories(), Steps: steps})
}

// The list data source shows every webhook, keys excluded, oldest first.
func TestAccKimobyWebhooksDataSource_all(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("kimoby-list")
	webhooks := fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "a" {
  url = %q
}
resource "fieldservice_kimoby_webhook" "b" {
  url = %q
}
`, hookURL(name, "a"), hookURL(name, "b"))
	list := `
data "fieldservice_kimoby_webhooks" "all" {
  depends_on = [fieldservice_kimoby_webhook.a, fieldservice_kimoby_webhook.b]
}
output "ours" {
  value = {
    for w in data.fieldservice_kimoby_webhooks.all.webhooks : w.url => w.id
    if contains([fieldservice_kimoby_webhook.a.id, fieldservice_kimoby_webhook.b.id], w.id)
  }
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: webhooks + list,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckTypeSetElemNestedAttrs("data.fieldservice_kimoby_webhooks.all", "webhooks.*", map[string]string{"url": hookURL(name, "a")}),
					resource.TestCheckTypeSetElemNestedAttrs("data.fieldservice_kimoby_webhooks.all", "webhooks.*", map[string]string{"url": hookURL(name, "b")}),
					checkOutputMap("ours", map[string]string{
						hookURL(name, "a"): "fieldservice_kimoby_webhook.a",
						hookURL(name, "b"): "fieldservice_kimoby_webhook.b",
					}),
					checkOldestFirst("data.fieldservice_kimoby_webhooks.all"),
				),
			},
		},
	})
}

// checkOutputMap asserts that a map output holds exactly the given keys, each
// mapped to the id of the given resource.
func checkOutputMap(output string, want map[string]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		out, ok := s.RootModule().Outputs[output]
		if !ok {
			return fmt.Errorf("no output %q", output)
		}
		got, ok := out.Value.(map[string]any)
		if !ok {
			return fmt.Errorf("output %q is %T, want a map", output, out.Value)
		}
		if len(got) != len(want) {
			return fmt.Errorf("output %q = %v, want %d entries", output, got, len(want))
		}
		for k, addr := range want {
			rs, ok := s.RootModule().Resources[addr]
			if !ok {
				return fmt.Errorf("%s not in state", addr)
			}
			if got[k] != rs.Primary.ID {
				return fmt.Errorf("output %q[%q] = %v, want %s (the id of %s)", output, k, got[k], rs.Primary.ID, addr)
			}
		}
		return nil
	}
}

// checkOldestFirst asserts that the list data source is ordered by
// created_at (RFC 3339 UTC strings sort chronologically).
func checkOldestFirst(addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		n, err := strconv.Atoi(rs.Primary.Attributes["webhooks.#"])
		if err != nil || n == 0 {
			return fmt.Errorf("%s has no webhooks (webhooks.# = %q)", addr, rs.Primary.Attributes["webhooks.#"])
		}
		prev := ""
		for i := 0; i < n; i++ {
			cur := rs.Primary.Attributes[fmt.Sprintf("webhooks.%d.created_at", i)]
			if !utcTime.MatchString(cur) {
				return fmt.Errorf("webhooks.%d.created_at = %q is not RFC 3339 UTC", i, cur)
			}
			if cur < prev {
				return fmt.Errorf("webhooks.%d.created_at = %s comes after %s: not oldest first", i, cur, prev)
			}
			prev = cur
		}
		return nil
	}
}
