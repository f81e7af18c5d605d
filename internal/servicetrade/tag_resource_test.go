package servicetrade_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const tagAddr = "fieldservice_servicetrade_tag.test"

func tagConfig(name string) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_tag" "test" {
  name = %q
}
`, name)
}

// The tag has no create-only attribute (its only argument, name, is
// renamed in place), so no step replaces it; the rename steps check that
// the id is kept.
func TestAccTag_lifecycle(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("tftag")
	renamed := name + "-renamed"
	var id string
	var ids []string
	keep := func(*terraform.State) error {
		ids = append(ids, id)
		return nil
	}
	sameID := resource.TestCheckResourceAttrPtr(tagAddr, "id", &id)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkTagsDestroyed(t, &ids),
		Steps: []resource.TestStep{
			// Create.
			{
				Config: tagConfig(name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(tagAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectUnknownValue(tagAddr, tfjsonpath.New("id")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(tagAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(tagAddr, "name", name),
					resource.TestMatchResourceAttr(tagAddr, "uri", regexp.MustCompile(`/tag/\d+$`)),
				),
			},
			// Empty re-plan.
			{
				Config:             tagConfig(name),
				PlanOnly:           true,
				ExpectNonEmptyPlan: false,
			},
			// Rename in place: the same tag, with its id and uri.
			{
				Config: tagConfig(renamed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(tagAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(tagAddr, tfjsonpath.New("id"), knownvalue.NotNull()),
						plancheck.ExpectKnownValue(tagAddr, tfjsonpath.New("uri"), knownvalue.NotNull()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID, resource.TestCheckResourceAttr(tagAddr, "name", renamed)),
			},
			// A change of case alone is a rename of the tag itself, which
			// ServiceTrade accepts although names are compared ignoring case.
			{
				Config: tagConfig(strings.ToUpper(renamed)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(tagAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID, resource.TestCheckResourceAttr(tagAddr, "name", strings.ToUpper(renamed))),
			},
			// Import by id, and by name in another case.
			{
				ResourceName:      tagAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				ResourceName:      tagAddr,
				ImportState:       true,
				ImportStateId:     renamed,
				ImportStateVerify: true,
			},
			// Out-of-band rename: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					tid, _ := strconv.ParseInt(id, 10, 64)
					if _, err := acctest.ServiceTradeClient(t).RenameTag(context.Background(), tid, name+"-elsewhere"); err != nil {
						t.Fatal(err)
					}
				},
				Config: tagConfig(strings.ToUpper(renamed)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(tagAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(tagAddr, tfjsonpath.New("name"), knownvalue.StringExact(strings.ToUpper(renamed))),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID, resource.TestCheckResourceAttr(tagAddr, "name", strings.ToUpper(renamed))),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					tid, _ := strconv.ParseInt(id, 10, 64)
					if err := acctest.ServiceTradeClient(t).DeleteTag(context.Background(), tid); err != nil {
						t.Fatal(err)
					}
				},
				Config: tagConfig(name),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(tagAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(acctest.Capture(tagAddr, "id", &id), keep, resource.TestCheckResourceAttr(tagAddr, "name", name)),
			},
		},
	})
}

// Bad names fail at plan time, with a message naming the attribute.
func TestAccTag_planTimeValidation(t *testing.T) {
	preCheck(t)
	cases := []struct {
		body string
		want *regexp.Regexp
	}{
		{``, acctest.ErrorText(`The argument "name" is required, but no definition was found.`)},
		{`name = ""`, acctest.ErrorText(`Attribute name string length must be at least 1, got: 0`)},
		{`name = " Mall"`, acctest.ErrorText(`Attribute name must not be blank, nor start or end with white space, got: Mall`)},
		{`name = "Mall "`, acctest.ErrorText(`Attribute name must not be blank, nor start or end with white space`)},
		{`name = "   "`, acctest.ErrorText(`Attribute name must not be blank, nor start or end with white space`)},
		{`name = ["Mall"]`, acctest.ErrorText(`Inappropriate value for attribute "name": string required.`)},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      "resource \"fieldservice_servicetrade_tag\" \"bad\" {\n  " + tc.body + "\n}\n",
			PlanOnly:    true,
			ExpectError: tc.want,
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories(), Steps: steps})
}

// A tag made outside Terraform holds its name: since ServiceTrade's create
// would answer with that tag, the create fails before anything is sent,
// also for the name in another case, with the way to import the tag;
// importing it as the error says then manages it. Two resources of one
// configuration cannot share a name either, and renaming to a taken name
// fails with ServiceTrade's 409 explained.
func TestAccTag_takenNames(t *testing.T) {
	preCheck(t)
	ctx := context.Background()
	c := acctest.ServiceTradeClient(t)
	name := acctest.RandomName("TakenTag")
	existing, err := c.CreateTag(ctx, name)
	if err != nil {
		t.Fatalf("creating tag %q outside Terraform: %v", name, err)
	}
	t.Cleanup(func() { _ = c.DeleteTag(ctx, existing.ID) })
	other := acctest.RandomName("othertag")
	taken := fmt.Sprintf(`
resource "fieldservice_servicetrade_tag" "test" {
  name = %q
}
`, strings.ToLower(name))
	imported := fmt.Sprintf(`
import {
  to = fieldservice_servicetrade_tag.test
  id = "%d"
}
resource "fieldservice_servicetrade_tag" "test" {
  name = %q
}
`, existing.ID, name)
	pair := func(b string) string {
		return imported + fmt.Sprintf(`
resource "fieldservice_servicetrade_tag" "other" {
  name = %q
}
`, b)
	}
	var ids []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkTagsDestroyed(t, &ids),
		Steps: []resource.TestStep{
			{
				Config: taken,
				ExpectError: inOrder(fmt.Sprintf(`A ServiceTrade tag with name %q (ignoring case) already exists (id %d)`, strings.ToLower(name), existing.ID),
					fmt.Sprintf(`terraform import fieldservice_servicetrade_tag.<name> %d`, existing.ID), `remove that tag from every entity`),
			},
			{
				Config: imported,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(tagAddr, plancheck.ResourceActionNoop)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(tagAddr, "id", fmt.Sprint(existing.ID)),
			},
			{
				Config: pair(other),
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						ids = append(ids, fmt.Sprint(existing.ID), s.RootModule().Resources["fieldservice_servicetrade_tag.other"].Primary.ID)
						return nil
					},
				),
			},
			// A rename to the name of the other tag (in another case): 409.
			{
				Config: pair(strings.ToUpper(name)),
				ExpectError: inOrder(`Updating ServiceTrade tag`, `new tag name already in use`,
					fmt.Sprintf(`Tag %q cannot be renamed to %q: another ServiceTrade tag already has that name (%q, id %d)`, other, strings.ToUpper(name), name, existing.ID)),
			},
			{
				Config:   pair(other),
				PlanOnly: true,
			},
		},
	})
}

// Two resources of one configuration whose names differ only in case: one
// is created, the other refused, however the creates are ordered.
func TestAccTag_sameNameTwiceInOneConfiguration(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("twice")
	var ids []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkTagsDestroyed(t, &ids),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
resource "fieldservice_servicetrade_tag" "a" {
  name = %q
}
resource "fieldservice_servicetrade_tag" "b" {
  name = %q
}
`, name, strings.ToUpper(name)),
				ExpectError: inOrder(`already exists (id`, `made by another resource of this configuration during this apply`),
			},
			{
				// Whatever was made is in the state, and destroyed here; the
				// test's destroy check then proves it gone.
				Config: `data "fieldservice_servicetrade_tags" "none" {
  name = "tfacc-no-such-tag-at-all"
}`,
				Check: resource.TestCheckResourceAttr("data.fieldservice_servicetrade_tags.none", "tags.#", "0"),
				PreConfig: func() {
					found, err := acctest.ServiceTradeClient(t).TagsNamed(context.Background(), name)
					if err != nil || len(found) != 1 {
						t.Fatalf("tags named %q after the apply = %+v, %v; want exactly one", name, found, err)
					}
					ids = append(ids, fmt.Sprint(found[0].ID))
				},
			},
		},
	})
}

// A tag made between the provider's listing of the tags and its create
// (another user, another Terraform run) is found by the check made right
// before the POST, which would otherwise answer with that tag: the create
// is refused and never sent.
func TestAccTag_nameTakenDuringTheApplyIsRefused(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	const late, first = "Late Tag", "First Tag"
	var mu sync.Mutex
	inserted, posts := false, 0
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/tag") && strings.EqualFold(r.URL.Query().Get("name"), late) && !inserted {
			// The check before the POST of "late tag": someone made it
			// since the provider listed the tags.
			inserted = true
			run.ServiceTrade.InsertTag(late)
		}
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/tag") && strings.EqualFold(r.URL.Query().Get("name"), late) {
			posts++
		}
		mu.Unlock()
		run.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	cfg := fmt.Sprintf(`
provider "fieldservice" {
  servicetrade {
    base_url = %q
    %s
  }
}
resource "fieldservice_servicetrade_tag" "first" {
  name = %q
}
resource "fieldservice_servicetrade_tag" "late" {
  name       = "late tag"
  depends_on = [fieldservice_servicetrade_tag.first]
}
`, front.URL+emulator.ServiceTradePrefix, authFlows[0].creds, first)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ExpectError: inOrder(`Creating ServiceTrade tag "late tag" failed`, `A ServiceTrade tag named "Late Tag" already exists (id`,
					`names are compared ignoring case)`, `terraform import fieldservice_servicetrade_tag.<name>`),
			},
			{
				Config:   cfg,
				PlanOnly: true,
				// The refused tag is still to be created.
				ExpectNonEmptyPlan: true,
				PreConfig: func() {
					mu.Lock()
					defer mu.Unlock()
					if !inserted || posts != 0 {
						t.Fatalf("inserted %v, %d POSTs of the late tag; want the tag inserted by the check and no POST", inserted, posts)
					}
				},
			},
		},
	})
}

// checkTagsDestroyed asserts that every tag the test recorded is gone.
func checkTagsDestroyed(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no tag id was captured")
		}
		for _, raw := range *ids {
			tid, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				return fmt.Errorf("captured tag id %q is not numeric", raw)
			}
			if _, err := acctest.ServiceTradeClient(t).GetTag(context.Background(), tid); !api.IsNotFound(err) {
				return fmt.Errorf("tag %d still exists after destroy (err=%v)", tid, err)
			}
		}
		return nil
	}
}

// inOrder matches the texts, in this order, in Terraform's output, which
// wraps long lines (see acctest.ErrorText).
func inOrder(texts ...string) *regexp.Regexp {
	parts := make([]string, len(texts))
	for i, text := range texts {
		parts[i] = strings.TrimPrefix(acctest.ErrorText(text).String(), "(?s)")
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `.*`))
}
