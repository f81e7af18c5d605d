package servicetrade_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// An object made outside Terraform holds its natural key: creating another
// with the same key fails before anything is sent, with the azurerm-style
// error and both ways to import it; importing it as the error says then
// manages it, and there is still exactly one.
func TestAccServiceTrade_existingKeyIsRefused(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, path, resourceType, config, exists string
		// replace is what the error says of a create_before_destroy
		// replacement that keeps the key.
		replace string
		// make creates the object outside Terraform and returns its id.
		make func(c *api.Client) (int64, error)
		// count is how many objects have the key, through the API.
		count func(c *api.Client) (int, error)
	}{
		{
			name: "webhook", path: "/webhook", resourceType: "fieldservice_servicetrade_webhook",
			config: `
resource "fieldservice_servicetrade_webhook" "taken" {
  hook_url = "https://hooks.example.com/taken"
}
`,
			exists:  `A ServiceTrade webhook with hook URL "https://hooks.example.com/taken" already exists`,
			replace: `If this create replaces that webhook with create_before_destroy and keeps its hook_url, set allow_duplicate = true on this resource`,
			make: func(c *api.Client) (int64, error) {
				w, err := c.CreateWebhook(ctx, api.WebhookInput{HookURL: "https://hooks.example.com/taken"})
				if err != nil {
					return 0, err
				}
				return w.ID, nil
			},
			count: func(c *api.Client) (int, error) {
				list, err := c.ListWebhooks(ctx)
				n := 0
				for _, w := range list {
					if w.HookURL == "https://hooks.example.com/taken" {
						n++
					}
				}
				return n, err
			},
		},
		{
			name: "quote template", path: "/quotetemplate", resourceType: "fieldservice_servicetrade_quote_template",
			config: `
resource "fieldservice_servicetrade_quote_template" "taken" {
  name = "Taken template"
}
`,
			exists:  `A ServiceTrade quote template with name "Taken template" already exists`,
			replace: `If this create replaces that quote template with create_before_destroy and keeps its name, set allow_duplicate = true on this resource`,
			make: func(c *api.Client) (int64, error) {
				qt, err := c.CreateQuoteTemplate(ctx, api.QuoteTemplateInput{Name: "Taken template"})
				if err != nil {
					return 0, err
				}
				return qt.ID, nil
			},
			count: func(c *api.Client) (int, error) {
				list, err := c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: "Taken template"})
				n := 0
				for _, qt := range list {
					if qt.Name == "Taken template" {
						n++
					}
				}
				return n, err
			},
		},
		{
			name: "external system", path: "/externalsystem", resourceType: "fieldservice_servicetrade_external_system",
			config: `
resource "fieldservice_servicetrade_external_system" "taken" {
  name           = "taken-erp"
  label          = "Taken ERP"
  syncable_types = []
}
`,
			exists:  `A ServiceTrade external system with name "taken-erp" already exists`,
			replace: `A replacement that keeps the name cannot work with create_before_destroy: ServiceTrade itself refuses a second external system with the same name`,
			make: func(c *api.Client) (int64, error) {
				none := []string{}
				es, err := c.CreateExternalSystem(ctx, api.ExternalSystemInput{Name: "taken-erp", Type: api.ExternalSystemTypeStandard, Label: "Taken ERP", SyncableTypes: &none})
				if err != nil {
					return 0, err
				}
				return es.ID, nil
			},
			count: func(c *api.Client) (int, error) {
				list, err := c.ListExternalSystems(ctx)
				n := 0
				for _, es := range list {
					if es.Name == "taken-erp" {
						n++
					}
				}
				return n, err
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := newLostCreate(t, tc.path)
			id, err := tc.make(l.client)
			if err != nil {
				t.Fatalf("creating the object outside Terraform: %v", err)
			}
			cfg := l.config(tc.config)
			want := regexp.MustCompile(acctest.ErrorText(tc.exists).String() + `.*` +
				acctest.ErrorText(fmt.Sprintf(`(id %d): to manage it with Terraform, import it:`, id)).String() + `.*` +
				acctest.ErrorText(fmt.Sprintf(`terraform import %s.<name> %d`, tc.resourceType, id)).String() + `.*` +
				acctest.ErrorText(fmt.Sprintf(`import { to = %s.<name> id = "%d" }`, tc.resourceType, id)).String() + `.*` +
				acctest.ErrorText(tc.replace).String())
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{
					{Config: cfg, ExpectError: want},
					{
						PreConfig: func() {
							if n := l.front.Count(http.MethodPost, "^"+tc.path+"$"); n != 0 {
								t.Errorf("%d create requests were sent, want none", n)
							}
							if n, err := tc.count(l.client); err != nil || n != 1 {
								t.Fatalf("%d objects have the key (%v), want exactly 1: no duplicate", n, err)
							}
						},
						Config:             cfg,
						ResourceName:       tc.resourceType + ".taken",
						ImportState:        true,
						ImportStatePersist: true,
						ImportStateId:      fmt.Sprint(id),
					},
					{
						Config: cfg,
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						Check: resource.TestCheckResourceAttr(tc.resourceType+".taken", "id", fmt.Sprint(id)),
					},
				},
			})
		})
	}
}

// Replacing a webhook still works: forced (taint) without
// create_before_destroy, the old one is deleted first and its hook URL is
// free again; with create_before_destroy and a new hook URL, the new one
// is created first. With create_before_destroy and the same hook URL,
// Terraform gives the provider no way to tell the new webhook from a
// duplicate, so the create is refused, saying how to replace instead
// (allow_duplicate = true, or without create_before_destroy: see
// TestAccServiceTrade_createBeforeDestroyKeepingTheKey), and the old
// webhook stays.
func TestAccServiceTradeWebhook_replacement(t *testing.T) {
	l := newLostCreate(t, "/webhook")
	const addr = "fieldservice_servicetrade_webhook.w"
	u1, u2 := "https://hooks.example.com/replace/1", "https://hooks.example.com/replace/2"
	hook := func(u string, cbd bool) string {
		lifecycle := ""
		if cbd {
			lifecycle = "lifecycle {\n    create_before_destroy = true\n  }"
		}
		return l.config(fmt.Sprintf(`
resource "fieldservice_servicetrade_webhook" "w" {
  hook_url = %q
  %s
}
`, u, lifecycle))
	}
	withURL := func(u string) ([]int64, error) {
		list, err := l.client.ListWebhooks(context.Background())
		var ids []int64
		for _, w := range list {
			if w.HookURL == u {
				ids = append(ids, w.ID)
			}
		}
		return ids, err
	}
	// only checks that exactly the webhook in the state has hook URL u, and
	// none has gone.
	only := func(u, gone string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			ids, err := withURL(u)
			if err != nil || len(ids) != 1 {
				return fmt.Errorf("webhooks for %s: %v %v; want exactly 1", u, ids, err)
			}
			if got := s.RootModule().Resources[addr].Primary.ID; got != fmt.Sprint(ids[0]) {
				return fmt.Errorf("state id %s, want %d", got, ids[0])
			}
			if gone != "" {
				if ids, err := withURL(gone); err != nil || len(ids) != 0 {
					return fmt.Errorf("webhooks for %s: %v %v; want none", gone, ids, err)
				}
			}
			return nil
		}
	}
	var first, second string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: hook(u1, false), Check: resource.ComposeTestCheckFunc(only(u1, ""), acctest.Capture(addr, "id", &first))},
			{
				// Forced replacement, delete first: same hook URL.
				Config: hook(u1, false),
				Taint:  []string{addr},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: resource.ComposeTestCheckFunc(only(u1, ""), acctest.Capture(addr, "id", &second), func(*terraform.State) error {
					if first == second {
						return fmt.Errorf("the webhook was not replaced: id %s", first)
					}
					return nil
				}),
			},
			{
				// create_before_destroy with a new hook URL.
				Config: hook(u2, true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreateBeforeDestroy)},
				},
				Check: only(u2, u1),
			},
			{
				// create_before_destroy with the same hook URL: refused.
				Config: hook(u2, true),
				Taint:  []string{addr},
				ExpectError: regexp.MustCompile(`(?s)already\s+exists\s+\(id\s+\d+\).*with\s+create_before_destroy.*set\s+allow_duplicate\s+=\s+true\s+on\s+this\s+resource.*` +
					`Or\s+replace\s+it\s+without\s+create_before_destroy`),
			},
			{
				// The old webhook is untouched, and replacing without
				// create_before_destroy works.
				PreConfig: func() {
					if ids, err := withURL(u2); err != nil || len(ids) != 1 {
						t.Fatalf("webhooks for %s after the refused replacement: %v %v; want exactly the old one", u2, ids, err)
					}
				},
				Config: hook(u2, false),
				Check:  only(u2, u1),
			},
		},
	})
}

// The check costs one listing per kind per provider process, not one per
// object: an apply of three webhooks, three quote templates and two
// external systems lists each kind once, and regions (whose names people
// repeat, so not checked) not at all. Two new resources with the same
// hook URL in one configuration are caught too: one is created, the other
// refused, naming it.
func TestAccServiceTrade_keyCheckListsOncePerKind(t *testing.T) {
	// Pages large enough that one listing is one request.
	l := newLostCreateWith(t, "/webhook", emulator.Options{PageSize: 100})
	var body string
	for i := 0; i < 3; i++ {
		body += fmt.Sprintf(`
resource "fieldservice_servicetrade_webhook" "w%[1]d" {
  hook_url = "https://hooks.example.com/once/%[1]d"
}
resource "fieldservice_servicetrade_quote_template" "t%[1]d" {
  name = "Once %[1]d"
}
`, i)
	}
	for i := 0; i < 2; i++ {
		body += fmt.Sprintf(`
resource "fieldservice_servicetrade_external_system" "e%[1]d" {
  name  = "once-%[1]d"
  label = "Once %[1]d"
}
resource "fieldservice_servicetrade_region" "r%[1]d" {
  name   = "Once"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]
}
`, i)
	}
	dup := `
resource "fieldservice_servicetrade_webhook" "dup1" {
  hook_url = "https://hooks.example.com/once/dup"
}
resource "fieldservice_servicetrade_webhook" "dup2" {
  hook_url = "https://hooks.example.com/once/dup"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: l.front.Reset,
				Config:    l.config(body),
				Check: func(*terraform.State) error {
					for path, want := range map[string]int{`^/webhook$`: 1, `^/quotetemplate$`: 1, `^/externalsystem$`: 1, `^/region$`: 0} {
						if n := l.front.Count(http.MethodGet, path); n != want {
							return fmt.Errorf("%d listings of %s during the apply, want %d", n, path, want)
						}
					}
					return nil
				},
			},
			{
				Config: l.config(body + dup),
				ExpectError: regexp.MustCompile(`A ServiceTrade webhook with hook URL "https://hooks.example.com/once/dup" already exists` +
					`(?s).*made\s+by\s+another\s+resource\s+of\s+this\s+configuration\s+during\s+this\s+apply`),
			},
			{
				PreConfig: func() {
					list, err := l.client.ListWebhooks(context.Background())
					n := 0
					for _, w := range list {
						if w.HookURL == "https://hooks.example.com/once/dup" {
							n++
						}
					}
					if err != nil || n != 1 {
						t.Fatalf("%d webhooks for the duplicated hook URL (%v), want exactly 1", n, err)
					}
				},
				Config: l.config(body),
			},
		},
	})
}

// A replacement with create_before_destroy that keeps the natural key, for
// the kinds whose API accepts a second object with the key: refused by
// default (Terraform does not tell the provider which object the new one
// replaces), naming allow_duplicate = true, and the old object is left
// alone; with allow_duplicate = true it is created beside the old one,
// which is then deleted, so exactly one object has the key and the next
// plan is empty. Changing allow_duplicate updates in place without
// calling ServiceTrade, and an import leaves it at its default.
func TestAccServiceTrade_createBeforeDestroyKeepingTheKey(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, path, resourceType, refused string
		// body is the resource's attributes other than allow_duplicate.
		body string
		// withKey lists, through the API, the ids of the objects that have
		// the key.
		withKey func(c *api.Client) ([]int64, error)
	}{
		{
			name: "webhook", path: "/webhook", resourceType: "fieldservice_servicetrade_webhook",
			body:    `hook_url = "https://hooks.example.com/cbd"`,
			refused: `A ServiceTrade webhook with hook URL "https://hooks.example.com/cbd" already exists`,
			withKey: func(c *api.Client) ([]int64, error) {
				list, err := c.ListWebhooks(ctx)
				var ids []int64
				for _, w := range list {
					if w.HookURL == "https://hooks.example.com/cbd" {
						ids = append(ids, w.ID)
					}
				}
				return ids, err
			},
		},
		{
			name: "quote template", path: "/quotetemplate", resourceType: "fieldservice_servicetrade_quote_template",
			body:    `name = "CBD template"`,
			refused: `A ServiceTrade quote template with name "CBD template" already exists`,
			withKey: func(c *api.Client) ([]int64, error) {
				list, err := c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: "CBD template"})
				var ids []int64
				for _, qt := range list {
					if qt.Name == "CBD template" {
						ids = append(ids, qt.ID)
					}
				}
				return ids, err
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := newLostCreate(t, tc.path)
			addr := tc.resourceType + ".cbd"
			cfg := func(allow string) string {
				line := ""
				if allow != "" {
					line = "allow_duplicate = " + allow
				}
				return l.config(fmt.Sprintf(`
resource %q "cbd" {
  %s
  %s
  lifecycle {
    create_before_destroy = true
  }
}
`, tc.resourceType, tc.body, line))
			}
			// only checks that the one object with the key is the one in
			// the state.
			only := func(s *terraform.State) error {
				ids, err := tc.withKey(l.client)
				if err != nil || len(ids) != 1 {
					return fmt.Errorf("objects with the key: %v %v; want exactly 1", ids, err)
				}
				if got := s.RootModule().Resources[addr].Primary.ID; got != fmt.Sprint(ids[0]) {
					return fmt.Errorf("state id %s, want %d", got, ids[0])
				}
				return nil
			}
			// noWrites checks that ServiceTrade received no create, update
			// or delete of the kind since the last Reset.
			noWrites := func(*terraform.State) error {
				for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
					if n := l.front.Count(m, "^"+tc.path+"(/|$)"); n != 0 {
						return fmt.Errorf("%d %s requests to %s, want none: allow_duplicate concerns only the provider", n, m, tc.path)
					}
				}
				return nil
			}
			var first, second string
			// sameID checks that the object was not replaced.
			sameID := func(s *terraform.State) error {
				if got := s.RootModule().Resources[addr].Primary.ID; got != second {
					return fmt.Errorf("state id %s, want %s: not replaced", got, second)
				}
				return nil
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{
					{
						Config: cfg(""),
						Check: resource.ComposeTestCheckFunc(only, acctest.Capture(addr, "id", &first),
							resource.TestCheckResourceAttr(addr, "allow_duplicate", "false")),
					},
					{
						// Without allow_duplicate: refused, naming it.
						PreConfig: l.front.Reset,
						Config:    cfg(""),
						Taint:     []string{addr},
						ExpectError: regexp.MustCompile(acctest.ErrorText(tc.refused).String() + `.*` +
							acctest.ErrorText("replaces that").String() + `.*` +
							acctest.ErrorText("with create_before_destroy").String() + `.*` +
							acctest.ErrorText("set allow_duplicate = true on this resource").String()),
					},
					{
						// The old object is untouched; with allow_duplicate
						// the replacement goes through.
						PreConfig: func() {
							if n := l.front.Count(http.MethodPost, "^"+tc.path+"$"); n != 0 {
								t.Errorf("%d create requests were sent by the refused replacement, want none", n)
							}
							if n := l.front.Count(http.MethodDelete, "^"+tc.path+"/"); n != 0 {
								t.Errorf("%d delete requests were sent by the refused replacement, want none", n)
							}
							if ids, err := tc.withKey(l.client); err != nil || len(ids) != 1 || fmt.Sprint(ids[0]) != first {
								t.Fatalf("objects with the key after the refused replacement: %v %v; want the old one, %s", ids, err, first)
							}
						},
						Config: cfg("true"),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreateBeforeDestroy)},
						},
						Check: resource.ComposeTestCheckFunc(only, acctest.Capture(addr, "id", &second), func(*terraform.State) error {
							if first == second {
								return fmt.Errorf("not replaced: id %s", first)
							}
							return nil
						}, resource.TestCheckResourceAttr(addr, "allow_duplicate", "true")),
					},
					{
						Config: cfg("true"),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
					},
					{
						// Back to the default: in place, nothing sent.
						PreConfig: l.front.Reset,
						Config:    cfg(""),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
						},
						Check: resource.ComposeTestCheckFunc(only, noWrites, sameID,
							resource.TestCheckResourceAttr(addr, "allow_duplicate", "false")),
					},
					{
						Config:            cfg(""),
						ResourceName:      addr,
						ImportState:       true,
						ImportStateVerify: true,
					},
					{
						// And on again, in place, nothing sent.
						PreConfig: l.front.Reset,
						Config:    cfg("true"),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
						},
						Check: resource.ComposeTestCheckFunc(only, noWrites, sameID,
							resource.TestCheckResourceAttr(addr, "allow_duplicate", "true")),
					},
				},
			})
		})
	}
}
