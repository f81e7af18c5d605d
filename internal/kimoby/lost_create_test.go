package kimoby_test

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
	emukimoby "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

// kimobyRun is an isolated emulator seen by the provider through a
// counting front, and a client that talks to it directly.
type kimobyRun struct {
	run    *emulator.Running
	front  *acctest.Counter
	client *api.Client
}

func newKimobyRun(t *testing.T, opts emulator.Options) *kimobyRun {
	t.Helper()
	preCheck(t)
	run := acctest.Isolated(t, opts)
	c, err := api.New(api.Config{BaseURL: run.KimobyURL(), APIKey: emukimoby.APIKey, APISecret: emukimoby.APISecret})
	if err != nil {
		t.Fatal(err)
	}
	return &kimobyRun{run: run, front: acctest.Counting(t, run), client: c}
}

func (k *kimobyRun) config(resources string) string {
	return fmt.Sprintf(`
provider "fieldservice" {
  retry_min_delay = "10ms"
  kimoby {
    base_url   = %q
    api_key    = %q
    api_secret = %q
  }
}
`, k.front.KimobyURL(), emukimoby.APIKey, emukimoby.APISecret) + resources
}

// withURL lists, through the API, the ids of the webhooks for u.
func (k *kimobyRun) withURL(u string) ([]string, error) {
	list, err := k.client.ListWebhooks(context.Background())
	var ids []string
	for _, w := range list {
		if w.URL == u {
			ids = append(ids, w.ID)
		}
	}
	return ids, err
}

func (k *kimobyRun) posts() int { return k.front.Count(http.MethodPost, `^/webhooks$`) }

// Kimoby webhooks have nothing unique, and their key is only in the answer
// to the create: when that answer is lost, the create fails with an error
// naming the one webhook that exists (by id) and the import command; a
// plain second apply is refused (the url is taken) instead of making a
// duplicate; and importing the webhook as the error says makes the plan
// empty.
func TestAccKimobyWebhook_lostCreateAnswerIsExplained(t *testing.T) {
	k := newKimobyRun(t, emulator.Options{})
	u := hookURL("lost-answer", "1")
	cfg := k.config(fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "lost" {
  url = %q
}
`, u))
	withURL := func() ([]string, error) { return k.withURL(u) }
	var explained bool
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		ErrorCheck:               acctest.LostCreateErrorCheck(fmt.Sprintf("Creating Kimoby webhook for %q failed", u), "fieldservice_kimoby_webhook", withURL, &explained),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					k.run.Inject(emulator.Fault{Vendor: "kimoby", Method: http.MethodPost, Path: "/webhooks", DropAfter: true})
				},
				Config: cfg,
			},
			{
				PreConfig: func() {
					if !explained {
						t.Fatal("the create whose answer was lost did not fail with the explanation")
					}
					if got := k.run.FaultsApplied(); got != 1 {
						t.Fatalf("the lost-answer fault fired %d times, want 1", got)
					}
					if got := k.posts(); got != 1 {
						t.Errorf("Kimoby received %d POSTs, want exactly 1: a create whose webhook exists must not be sent again", got)
					}
				},
				// The plain second apply: refused, the url is taken.
				Config:      cfg,
				ExpectError: acctest.ErrorText(fmt.Sprintf(`A Kimoby webhook with url %q already exists (id`, u)),
			},
			{
				PreConfig: func() {
					if got := k.posts(); got != 1 {
						t.Errorf("Kimoby received %d POSTs, want still 1: the second apply must not create a duplicate", got)
					}
					ids, err := withURL()
					if err != nil || len(ids) != 1 {
						t.Fatalf("webhooks for %s: %v %v; want exactly 1", u, ids, err)
					}
					id = ids[0]
				},
				Config:             cfg,
				ResourceName:       "fieldservice_kimoby_webhook.lost",
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if ids, err := withURL(); err != nil || len(ids) != 1 {
						return fmt.Errorf("webhooks for %s: %v %v; want exactly 1", u, ids, err)
					}
					return nil
				},
			},
		},
	})
}

// A create that provably did not happen is sent again: the first POST
// fails without Kimoby acting on it (a dropped connection, a gateway's
// 503), no webhook for the url exists, so the provider sends it again and
// the apply succeeds, with the key of the one webhook that exists.
func TestAccKimobyWebhook_createThatDidNotHappenIsSentAgain(t *testing.T) {
	for name, fault := range map[string]emulator.Fault{
		"dropped connection": {Drop: true},
		"gateway 503":        {Status: http.StatusServiceUnavailable},
	} {
		t.Run(name, func(t *testing.T) {
			k := newKimobyRun(t, emulator.Options{})
			u := hookURL("resent", "1")
			fault.Vendor, fault.Method, fault.Path = "kimoby", http.MethodPost, "/webhooks"
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []resource.TestStep{{
					PreConfig: func() { k.run.Inject(fault) },
					Config: k.config(fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "again" {
  url = %q
}
`, u)),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					Check: resource.ComposeAggregateTestCheckFunc(
						func(s *terraform.State) error {
							if got := k.run.FaultsApplied(); got != 1 {
								return fmt.Errorf("the fault fired %d times, want 1", got)
							}
							if got := k.posts(); got != 2 {
								return fmt.Errorf("Kimoby received %d POSTs, want exactly 2: the one that failed, and the one sent again", got)
							}
							ids, err := k.withURL(u)
							if err != nil || len(ids) != 1 {
								return fmt.Errorf("webhooks for %s: %v %v; want exactly 1", u, ids, err)
							}
							if got := s.RootModule().Resources["fieldservice_kimoby_webhook.again"].Primary.ID; got != ids[0] {
								return fmt.Errorf("state id %s, want %s", got, ids[0])
							}
							return nil
						},
						resource.TestCheckResourceAttrSet("fieldservice_kimoby_webhook.again", "authentication_key"),
					),
				}},
			})
		})
	}
}

// A webhook made outside Terraform holds its url: creating another for
// the same url fails before anything is sent, with both ways to import
// it; importing it as the error says then manages it.
func TestAccKimobyWebhook_existingURLIsRefused(t *testing.T) {
	k := newKimobyRun(t, emulator.Options{})
	u := hookURL("taken", "1")
	w, err := k.client.CreateWebhook(context.Background(), api.WebhookInput{URL: u})
	if err != nil {
		t.Fatal(err)
	}
	cfg := k.config(fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "taken" {
  url = %q
}
`, u))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ExpectError: regexp.MustCompile(acctest.ErrorText(fmt.Sprintf(`A Kimoby webhook with url %q already exists (id %s): to manage it with Terraform, import it:`, u, w.ID)).String() +
					`.*` + acctest.ErrorText(`terraform import fieldservice_kimoby_webhook.<name> `+w.ID).String() +
					`.*` + acctest.ErrorText(fmt.Sprintf(`import { to = fieldservice_kimoby_webhook.<name> id = %q }`, w.ID)).String() +
					`.*` + acctest.ErrorText(`A second webhook to the same url would receive every event twice.`).String()),
			},
			{
				PreConfig: func() {
					if got := k.posts(); got != 0 {
						t.Errorf("Kimoby received %d POSTs, want none", got)
					}
					if ids, err := k.withURL(u); err != nil || len(ids) != 1 {
						t.Fatalf("webhooks for %s: %v %v; want exactly the one made outside Terraform", u, ids, err)
					}
				},
				Config:             cfg,
				ResourceName:       "fieldservice_kimoby_webhook.taken",
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateId:      w.ID,
			},
			{
				Config: cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// Rotating the key (a replacement with the same url) works: the old
// webhook is deleted first, which frees its url. With
// create_before_destroy the new webhook would be created while the old one
// still has the url, which Terraform does not let the provider tell from a
// duplicate: the create is refused, saying to set allow_duplicate = true
// (TestAccKimobyWebhook_rotationWithCreateBeforeDestroy) or to rotate
// without it, and the old webhook stays. The apply lists the webhooks once, however many it
// creates.
func TestAccKimobyWebhook_rotationAndOneListing(t *testing.T) {
	k := newKimobyRun(t, emulator.Options{})
	u := hookURL("rotate", "1")
	hooks := func(rotate string, cbd bool) string {
		lifecycle := ""
		if cbd {
			lifecycle = "lifecycle {\n    create_before_destroy = true\n  }"
		}
		return k.config(fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "r" {
  url        = %q
  rotate_key = %q
  %s
}
resource "fieldservice_kimoby_webhook" "other" {
  count = 3
  url   = "%s/other/${count.index}"
}
`, u, rotate, lifecycle, u))
	}
	var first, second string
	one := func(s *terraform.State) error {
		ids, err := k.withURL(u)
		if err != nil || len(ids) != 1 {
			return fmt.Errorf("webhooks for %s: %v %v; want exactly 1", u, ids, err)
		}
		if got := s.RootModule().Resources["fieldservice_kimoby_webhook.r"].Primary.ID; got != ids[0] {
			return fmt.Errorf("state id %s, want %s", got, ids[0])
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				PreConfig: k.front.Reset,
				Config:    hooks("2024-01", false),
				Check: resource.ComposeTestCheckFunc(one, acctest.Capture("fieldservice_kimoby_webhook.r", "id", &first), func(*terraform.State) error {
					// Four creates, one listing (an empty list is one page).
					if n := k.front.Count(http.MethodGet, `^/webhooks$`); n != 1 {
						return fmt.Errorf("%d listings of the webhooks during the apply of 4 webhooks, want 1", n)
					}
					if n := k.posts(); n != 4 {
						return fmt.Errorf("%d POSTs, want 4", n)
					}
					return nil
				}),
			},
			{
				Config: hooks("2024-02", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("fieldservice_kimoby_webhook.r", plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: resource.ComposeTestCheckFunc(one, acctest.Capture("fieldservice_kimoby_webhook.r", "id", &second), func(*terraform.State) error {
					if first == second {
						return fmt.Errorf("rotate_key did not replace the webhook (id %s)", first)
					}
					return nil
				}),
			},
			{
				Config: hooks("2024-03", true),
				ExpectError: regexp.MustCompile(`(?s)A\s+Kimoby\s+webhook\s+with\s+url\s+.*already\s+exists\s+\(id\s+WH\w+\).*with\s+create_before_destroy.*` +
					`set\s+allow_duplicate\s+=\s+true\s+on\s+this\s+resource.*Or\s+replace\s+it\s+without\s+create_before_destroy`),
			},
			{
				PreConfig: func() {
					if ids, err := k.withURL(u); err != nil || len(ids) != 1 || ids[0] != second {
						t.Fatalf("webhooks for %s after the refused rotation: %v %v; want the old one, %s", u, ids, err, second)
					}
				},
				Config: hooks("2024-03", false),
				Check:  one,
			},
		},
	})
}

// Rotating the key with create_before_destroy, for deliveries without a
// gap: refused without allow_duplicate (the old webhook stays, nothing is
// created), and with allow_duplicate = true the new webhook, with a new
// key, is created before the old one is deleted, so that exactly one
// webhook has the url afterwards and the next plan is empty. Changing
// allow_duplicate updates in place without calling Kimoby, and an import
// leaves it at its default.
func TestAccKimobyWebhook_rotationWithCreateBeforeDestroy(t *testing.T) {
	k := newKimobyRun(t, emulator.Options{})
	u := hookURL("rotate-cbd", "1")
	const addr = "fieldservice_kimoby_webhook.r"
	hook := func(rotate, allow string) string {
		line := ""
		if allow != "" {
			line = "allow_duplicate = " + allow
		}
		return k.config(fmt.Sprintf(`
resource "fieldservice_kimoby_webhook" "r" {
  url        = %q
  rotate_key = %q
  %s
  lifecycle {
    create_before_destroy = true
  }
}
`, u, rotate, line))
	}
	one := func(s *terraform.State) error {
		ids, err := k.withURL(u)
		if err != nil || len(ids) != 1 {
			return fmt.Errorf("webhooks for %s: %v %v; want exactly 1", u, ids, err)
		}
		if got := s.RootModule().Resources[addr].Primary.ID; got != ids[0] {
			return fmt.Errorf("state id %s, want %s", got, ids[0])
		}
		return nil
	}
	noWrites := func(*terraform.State) error {
		for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
			if n := k.front.Count(m, `^/webhooks(/|$)`); n != 0 {
				return fmt.Errorf("%d %s requests to /webhooks, want none: allow_duplicate concerns only the provider", n, m)
			}
		}
		return nil
	}
	var first, second, firstKey, secondKey string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: hook("2024-01", ""),
				Check: resource.ComposeTestCheckFunc(one, acctest.Capture(addr, "id", &first), acctest.Capture(addr, "authentication_key", &firstKey),
					resource.TestCheckResourceAttr(addr, "allow_duplicate", "false")),
			},
			{
				PreConfig: k.front.Reset,
				Config:    hook("2024-02", ""),
				ExpectError: regexp.MustCompile(acctest.ErrorText(fmt.Sprintf(`A Kimoby webhook with url %q already exists`, u)).String() + `\s+\(id\s+WH\w+\).*` +
					acctest.ErrorText("If this create replaces that webhook with create_before_destroy and keeps its url, set allow_duplicate = true on this resource").String()),
			},
			{
				PreConfig: func() {
					if n := k.posts(); n != 0 {
						t.Errorf("%d POSTs by the refused rotation, want none", n)
					}
					if ids, err := k.withURL(u); err != nil || len(ids) != 1 || ids[0] != first {
						t.Fatalf("webhooks for %s after the refused rotation: %v %v; want the old one, %s", u, ids, err, first)
					}
				},
				Config: hook("2024-02", "true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreateBeforeDestroy)},
				},
				Check: resource.ComposeTestCheckFunc(one, acctest.Capture(addr, "id", &second), acctest.Capture(addr, "authentication_key", &secondKey),
					func(*terraform.State) error {
						if first == second || firstKey == secondKey {
							return fmt.Errorf("not rotated: id %s, key unchanged %v", second, firstKey == secondKey)
						}
						return nil
					}),
			},
			{
				Config: hook("2024-02", "true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				PreConfig: k.front.Reset,
				Config:    hook("2024-02", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(one, noWrites, resource.TestCheckResourceAttr(addr, "allow_duplicate", "false"),
					func(s *terraform.State) error {
						if got := s.RootModule().Resources[addr].Primary.Attributes["authentication_key"]; got != secondKey {
							return fmt.Errorf("the key changed on an in-place update of allow_duplicate")
						}
						return nil
					}),
			},
			{
				Config:                  hook("2024-02", ""),
				ResourceName:            addr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"authentication_key", "rotate_key"},
			},
			{
				PreConfig: k.front.Reset,
				Config:    hook("2024-02", "true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(one, noWrites, resource.TestCheckResourceAttr(addr, "allow_duplicate", "true")),
			},
		},
	})
}
