package servicetrade_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const termsAddr = "fieldservice_servicetrade_terms.test"

// termsConfig is one terms resource; content goes in a heredoc, so that
// its line breaks (and the final one) reach ServiceTrade as written.
func termsConfig(name, content, flags string) string {
	return fmt.Sprintf(`
resource "fieldservice_servicetrade_terms" "test" {
  name    = %q
  content = <<-EOT
%sEOT
  %s
}
`, name, content, flags)
}

// keepTermsID appends the id captured in *id to *ids.
func keepTermsID(id *string, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		*ids = append(*ids, *id)
		return nil
	}
}

func TestAccTerms_lifecycle(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("terms")
	content1 := "Work is performed in accordance with NFPA standards.\n\nPayment is due upon completion.\n"
	content2 := "Payment is due within 30 days of the invoice date.\n"
	var id, before string
	var ids []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkTermsDestroyed(t, &ids),
		Steps: []resource.TestStep{
			// Create; the content keeps its line breaks and the second plan
			// is empty.
			{
				Config: termsConfig(name, content1, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(termsAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectKnownValue(termsAddr, tfjsonpath.New("allow_duplicate"), knownvalue.Bool(false)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(termsAddr, "id", &id), keepTermsID(&id, &ids),
					resource.TestCheckResourceAttr(termsAddr, "name", name),
					resource.TestCheckResourceAttr(termsAddr, "content", content1),
					resource.TestMatchResourceAttr(termsAddr, "uri", regexp.MustCompile(`/terms/\d+$`)),
					func(*terraform.State) error {
						got, err := acctest.ServiceTradeClient(t).GetTerms(context.Background(), mustID(t, id))
						if err != nil {
							return err
						}
						if got.Name != name || got.Content != content1 {
							return fmt.Errorf("ServiceTrade has %q / %q, want %q / %q", got.Name, got.Content, name, content1)
						}
						return nil
					},
				),
			},
			// An explicit plan-only step: nothing to change.
			{
				Config:             termsConfig(name, content1, ""),
				PlanOnly:           true,
				ExpectNonEmptyPlan: false,
			},
			// Update both fields in place.
			{
				Config: termsConfig(name+" v2", content2, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(termsAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(termsAddr, tfjsonpath.New("id"), knownvalue.NotNull()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(termsAddr, "id", &id),
					resource.TestCheckResourceAttr(termsAddr, "name", name+" v2"),
					resource.TestCheckResourceAttr(termsAddr, "content", content2),
				),
			},
			// allow_duplicate alone changes only the state.
			{
				Config: termsConfig(name+" v2", content2, "allow_duplicate = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(termsAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(termsAddr, "id", &id),
					resource.TestCheckResourceAttr(termsAddr, "allow_duplicate", "true"),
				),
			},
			// Import by id.
			{
				ResourceName:      termsAddr,
				ImportState:       true,
				ImportStateVerify: true,
				// Provider-side: an import cannot know it, and takes the
				// default.
				ImportStateVerifyIgnore: []string{"allow_duplicate"},
			},
			{
				ResourceName:  termsAddr,
				ImportState:   true,
				ImportStateId: "Standard Terms",
				ExpectError:   acctest.ErrorText(`a ServiceTrade terms id is a positive whole number such as 4294967297, got "Standard Terms"`),
			},
			// No attribute is create-only; a forced replacement (taint)
			// deletes the terms first, which frees their name, then creates
			// them again with a new id.
			{
				Config: termsConfig(name+" v2", content2, ""),
				Taint:  []string{termsAddr},
				PreConfig: func() {
					before = id
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(termsAddr, plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectUnknownValue(termsAddr, tfjsonpath.New("id")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(termsAddr, "id", &id), keepTermsID(&id, &ids),
					func(*terraform.State) error {
						if id == before {
							return fmt.Errorf("id %s kept: the terms were not replaced", id)
						}
						return nil
					},
					resource.TestCheckResourceAttr(termsAddr, "name", name+" v2"),
				),
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					in := api.TermsInput{Name: "changed behind terraform", Content: "sneaky"}
					if _, err := acctest.ServiceTradeClient(t).UpdateTerms(context.Background(), mustID(t, id), in); err != nil {
						t.Fatal(err)
					}
				},
				Config: termsConfig(name+" v2", content2, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(termsAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(termsAddr, tfjsonpath.New("name"), knownvalue.StringExact(name+" v2")),
						plancheck.ExpectKnownValue(termsAddr, tfjsonpath.New("content"), knownvalue.StringExact(content2)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(termsAddr, "id", &id),
					func(*terraform.State) error {
						got, err := acctest.ServiceTradeClient(t).GetTerms(context.Background(), mustID(t, id))
						if err != nil {
							return err
						}
						if got.Name != name+" v2" || got.Content != content2 {
							return fmt.Errorf("ServiceTrade still has %q / %q", got.Name, got.Content)
						}
						return nil
					},
				),
			},
			// Out-of-band deletion: removed from state, planned for creation.
			{
				PreConfig: func() {
					if err := acctest.ServiceTradeClient(t).DeleteTerms(context.Background(), mustID(t, id)); err != nil {
						t.Fatal(err)
					}
				},
				Config: termsConfig(name+" v2", content2, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(termsAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(acctest.Capture(termsAddr, "id", &id), keepTermsID(&id, &ids)),
			},
		},
	})
}

// Bad names and contents fail at plan time, naming the attribute.
func TestAccTerms_planTimeValidation(t *testing.T) {
	preCheck(t)
	block := func(body string) string {
		return fmt.Sprintf("resource \"fieldservice_servicetrade_terms\" \"bad\" {\n  %s\n}\n", body)
	}
	cases := []struct {
		body string
		want *regexp.Regexp
	}{
		{`content = "x"`, acctest.ErrorText(`The argument "name" is required, but no definition was found.`)},
		{`name = "x"`, acctest.ErrorText(`The argument "content" is required, but no definition was found.`)},
		{`name = ""` + "\n  " + `content = "x"`, acctest.ErrorText(`Attribute name must not be blank, got: `)},
		{`name = "  "` + "\n  " + `content = "x"`, acctest.ErrorText(`Attribute name must not be blank, got:`)},
		{`name = "x"` + "\n  " + `content = "\n\t"`, acctest.ErrorText(`Attribute content must not be blank`)},
		{`name = "x"` + "\n  " + `content = "y"` + "\n  " + `allow_duplicate = "sometimes"`, acctest.ErrorText(`Inappropriate value for attribute "allow_duplicate": a bool is required.`)},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{Config: block(tc.body), PlanOnly: true, ExpectError: tc.want})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps:                    steps,
	})
}

// Terms that other objects use cannot be deleted (409). Terms used by a
// template of the same configuration are no obstacle: Terraform deletes
// the template first. Terms used by a template made outside Terraform make
// the destroy fail with an explanation of what uses terms and what to do;
// once that template is gone, the destroy succeeds.
func TestAccTerms_inUse(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("termsinuse")
	termsOnly := fmt.Sprintf(`
resource "fieldservice_servicetrade_terms" "test" {
  name    = %q
  content = "Quotes are valid for 30 days."
}
`, name)
	config := termsOnly + fmt.Sprintf(`
resource "fieldservice_servicetrade_quote_template" "managed" {
  name     = "%[1]s managed"
  terms_id = fieldservice_servicetrade_terms.test.id
}
`, name)
	var id, foreign string
	var ids []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkTermsDestroyed(t, &ids),
		Steps: []resource.TestStep{
			// Create, then use the terms in a template outside Terraform.
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(termsAddr, "id", &id), keepTermsID(&id, &ids),
					resource.TestCheckResourceAttrPair("fieldservice_servicetrade_quote_template.managed", "terms_id", termsAddr, "id"),
					func(*terraform.State) error {
						termsID := mustID(t, id)
						qt, err := acctest.ServiceTradeClient(t).CreateQuoteTemplate(context.Background(), api.QuoteTemplateInput{Name: name + " foreign", TermsID: &termsID})
						if err != nil {
							return err
						}
						foreign = strconv.FormatInt(qt.ID, 10)
						t.Cleanup(func() {
							if err := acctest.ServiceTradeClient(t).DeleteQuoteTemplate(context.Background(), qt.ID); err != nil && !api.IsNotFound(err) {
								t.Errorf("deleting quote template %d: %v", qt.ID, err)
							}
						})
						return nil
					},
				),
			},
			{
				Config:  config,
				Destroy: true,
				ExpectError: regexp.MustCompile(acctest.ErrorText(`Deleting ServiceTrade terms`).String() + `.*` +
					acctest.ErrorText(fmt.Sprintf(`ServiceTrade refuses to delete the terms %q (id `, name)).String() + `.*` +
					acctest.ErrorText(`because other objects still use them. ServiceTrade does not say which; terms are used by:`).String() + `.*` +
					acctest.ErrorText(`change or remove job_terms_id, quote_terms_id and invoice_terms_id on the fieldservice_servicetrade_contract resources`).String() + `.*` +
					acctest.ErrorText(`change or remove terms_id on the fieldservice_servicetrade_quote_template resources`).String() + `.*` +
					acctest.ErrorText(`choose other defaults in ServiceTrade's account settings (the API cannot change them).`).String() + `.*` +
					acctest.ErrorText(`Then destroy again.`).String() + `.*` +
					acctest.ErrorText(`terms is referenced by other entities`).String()),
			},
			// The managed template went first; the terms stay, in the state
			// (with nothing to change) and in ServiceTrade.
			{
				PreConfig: func() {
					if _, err := acctest.ServiceTradeClient(t).GetTerms(context.Background(), mustID(t, id)); err != nil {
						t.Fatalf("the terms in use are gone after the failed destroy: %v", err)
					}
				},
				Config: termsOnly,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttrPtr(termsAddr, "id", &id),
			},
			// Without the foreign template, the final destroy succeeds.
			{
				PreConfig: func() {
					if err := acctest.ServiceTradeClient(t).DeleteQuoteTemplate(context.Background(), mustID(t, foreign)); err != nil {
						t.Fatal(err)
					}
				},
				Config: termsOnly,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// Terms made outside Terraform hold their name: creating terms of that
// name fails before anything is sent, with the way to import them; the
// import then manages them. allow_duplicate = true creates a second set.
func TestAccTerms_existingNameIsRefused(t *testing.T) {
	preCheck(t)
	name := acctest.RandomName("termstaken")
	existing := createTerms(t, name, "Made in the ServiceTrade UI.")
	config := func(flags string) string {
		return fmt.Sprintf(`
resource "fieldservice_servicetrade_terms" "taken" {
  name    = %q
  content = "Made in the ServiceTrade UI."
  %s
}
`, name, flags)
	}
	const addr = "fieldservice_servicetrade_terms.taken"
	count := func() int {
		list, err := acctest.ServiceTradeClient(t).ListTerms(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, tm := range list {
			if tm.Name == name {
				n++
			}
		}
		return n
	}
	var dupID string
	var ids []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkTermsDestroyed(t, &ids),
		Steps: []resource.TestStep{
			{
				Config: config(""),
				ExpectError: regexp.MustCompile(acctest.ErrorText(fmt.Sprintf(`A ServiceTrade terms with name %q already exists`, name)).String() + `.*` +
					acctest.ErrorText(fmt.Sprintf(`(id %d): to manage it with Terraform, import it:`, existing.ID)).String() + `.*` +
					acctest.ErrorText(fmt.Sprintf(`terraform import fieldservice_servicetrade_terms.<name> %d`, existing.ID)).String() + `.*` +
					acctest.ErrorText(`set allow_duplicate = true on this resource`).String()),
			},
			{
				PreConfig: func() {
					if n := count(); n != 1 {
						t.Fatalf("%d terms named %q after the refused create, want 1", n, name)
					}
				},
				Config:             config(""),
				ResourceName:       addr,
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateId:      fmt.Sprint(existing.ID),
			},
			{
				Config: config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.TestCheckResourceAttr(addr, "id", fmt.Sprint(existing.ID)),
			},
			// A second set of the same name, asked for.
			{
				Config: config("") + fmt.Sprintf(`
resource "fieldservice_servicetrade_terms" "twin" {
  name            = %q
  content         = "A deliberate twin."
  allow_duplicate = true
}
`, name),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture("fieldservice_servicetrade_terms.twin", "id", &dupID),
					func(*terraform.State) error {
						ids = append(ids, dupID, fmt.Sprint(existing.ID))
						if n := count(); n != 2 {
							return fmt.Errorf("%d terms named %q, want 2", n, name)
						}
						return nil
					},
				),
			},
		},
	})
}

// When the answer to the create is lost, the terms are not adopted (names
// are not unique): the apply fails naming the terms that exist and the
// import command, a plain second apply creates no duplicate, and the
// import then manages them.
func TestAccTerms_lostCreateAnswerIsExplained(t *testing.T) {
	l := newLostCreate(t, "/terms")
	cfg := l.config(`
resource "fieldservice_servicetrade_terms" "lost" {
  name    = "lost-answer-terms"
  content = "Payment is due on completion."
}
`)
	var explained bool
	var found []string
	ids := func() ([]string, error) {
		list, err := l.client.ListTerms(context.Background())
		found, err = keepIDs(list, err, func(tm api.Terms) (string, bool) { return fmt.Sprint(tm.ID), tm.Name == "lost-answer-terms" })
		return found, err
	}
	checkExplained := func() {
		if !explained {
			t.Fatal("the create whose answer was lost did not fail with the explanation")
		}
		if err := l.fired(); err != nil {
			t.Fatal(err)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		ErrorCheck:               acctest.LostCreateErrorCheck(`Creating ServiceTrade terms "lost-answer-terms" failed`, "fieldservice_servicetrade_terms", ids, &explained),
		Steps: []resource.TestStep{
			{PreConfig: l.dropNextAnswer, Config: cfg},
			{
				PreConfig: func() {
					checkExplained()
					l.front.Reset()
				},
				Config:      cfg,
				ExpectError: acctest.ErrorText(`A ServiceTrade terms with name "lost-answer-terms" already exists (id `),
			},
			{
				PreConfig: func() {
					if n := l.front.Count(http.MethodPost, "^/terms$"); n != 0 {
						t.Fatalf("the second apply sent %d creates, want none", n)
					}
					if got, err := ids(); err != nil || len(got) != 1 {
						t.Fatalf("terms named lost-answer-terms after the second apply: %v %v; want exactly 1", got, err)
					}
				},
				Config:             cfg,
				ResourceName:       "fieldservice_servicetrade_terms.lost",
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return found[0], nil },
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

// A create that provably did not happen (the connection dropped before
// the emulator acted) is sent again once no terms of that name are found:
// two POSTs, one set of terms, the one in the state.
func TestAccTerms_createThatDidNotHappenIsSentAgain(t *testing.T) {
	l := newLostCreate(t, "/terms")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			PreConfig: func() { l.failNext(emulator.Fault{Drop: true}) },
			Config: l.config(`
resource "fieldservice_servicetrade_terms" "again" {
  name    = "resent-terms"
  content = "Payment is due on completion."
}
`),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: func(s *terraform.State) error {
				if err := l.fired(); err != nil {
					return err
				}
				if n := l.front.Count(http.MethodPost, `^/terms$`); n != 2 {
					return fmt.Errorf("%d create requests, want exactly 2", n)
				}
				list, err := l.client.ListTerms(context.Background())
				found, err := keepIDs(list, err, func(tm api.Terms) (string, bool) { return fmt.Sprint(tm.ID), tm.Name == "resent-terms" })
				if err != nil || len(found) != 1 {
					return fmt.Errorf("terms named resent-terms: %v %v; want exactly 1", found, err)
				}
				if got := s.RootModule().Resources["fieldservice_servicetrade_terms.again"].Primary.ID; got != found[0] {
					return fmt.Errorf("state id %q, want the terms that exist, %s", got, found[0])
				}
				return nil
			},
		}},
	})
}

// The plural data source lists every set of terms, managed or not, with
// the values the resource has.
func TestAccTermsListDataSource_list(t *testing.T) {
	preCheck(t)
	base := acctest.RandomName("termslist")
	foreign := createTerms(t, base+" foreign", "Made outside Terraform.")
	resources := fmt.Sprintf(`
resource "fieldservice_servicetrade_terms" "job" {
  name    = "%[1]s job"
  content = "Job terms.\n"
}
resource "fieldservice_servicetrade_terms" "quote" {
  name    = "%[1]s quote"
  content = "Quote terms."
}
`, base)
	const all = "data.fieldservice_servicetrade_terms_list.all"
	ids := map[string]string{}
	var idList []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy: func(s *terraform.State) error {
			for _, id := range ids {
				idList = append(idList, id)
			}
			return checkTermsDestroyed(t, &idList)(s)
		},
		Steps: []resource.TestStep{
			{Config: resources, Check: acctest.CaptureAll("fieldservice_servicetrade_terms", "id", ids)},
			{
				Config: resources + `
data "fieldservice_servicetrade_terms_list" "all" {}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					checkListHasResource(all, "terms_list", "fieldservice_servicetrade_terms.job", "name", "uri", "content"),
					checkListHasResource(all, "terms_list", "fieldservice_servicetrade_terms.quote", "name", "uri", "content"),
					checkListElem(all, "terms_list", "id", fmt.Sprint(foreign.ID), map[string]string{
						"name": base + " foreign", "content": "Made outside Terraform.", "uri": foreign.URI,
					}),
					func(s *terraform.State) error {
						list, err := acctest.ServiceTradeClient(t).ListTerms(context.Background())
						if err != nil {
							return err
						}
						// Other tests may add terms meanwhile: the data source
						// read before this listing, so it has at most as many.
						got, _ := strconv.Atoi(s.RootModule().Resources[all].Primary.Attributes["terms_list.#"])
						if got < 3 || got > len(list) {
							return fmt.Errorf("terms_list has %d elements; ServiceTrade now has %d", got, len(list))
						}
						return nil
					},
				),
			},
		},
	})
}

// Every set of terms of an isolated account, the seeded ones included, is
// listed, in ServiceTrade's order.
func TestAccTermsListDataSource_everySet(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{PageSize: 2})
	c, err := api.New(api.Config{BaseURL: run.ServiceTradeURL(), ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := c.CreateTerms(context.Background(), api.TermsInput{Name: fmt.Sprintf("Extra %d", i), Content: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := c.ListTerms(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	const all = "data.fieldservice_servicetrade_terms_list.all"
	checks := []resource.TestCheckFunc{resource.TestCheckResourceAttr(all, "terms_list.#", fmt.Sprint(len(list)))}
	for i, tm := range list {
		checks = append(checks,
			resource.TestCheckResourceAttr(all, fmt.Sprintf("terms_list.%d.id", i), fmt.Sprint(tm.ID)),
			resource.TestCheckResourceAttr(all, fmt.Sprintf("terms_list.%d.name", i), tm.Name),
			resource.TestCheckResourceAttr(all, fmt.Sprintf("terms_list.%d.content", i), tm.Content),
		)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "fieldservice" {
  servicetrade {
    base_url = %q
    %s
  }
}
data "fieldservice_servicetrade_terms_list" "all" {}
`, run.ServiceTradeURL(), authFlows[0].creds),
			Check: resource.ComposeAggregateTestCheckFunc(checks...),
		}},
	})
}

// The plural data source feeds for_each import blocks that adopt terms
// made outside Terraform with no change. The adopted resource uses count
// rather than for_each only because terraform-plugin-testing cannot read
// string-keyed instances from state; the documentation example uses a map.
func TestAccTermsList_adoptWithImportBlocks(t *testing.T) {
	preCheck(t)
	base := acctest.RandomName("termsadopt")
	first := createTerms(t, base+" 1", "First.\n")
	second := createTerms(t, base+" 2", "Second.")
	config := fmt.Sprintf(`
data "fieldservice_servicetrade_terms_list" "all" {}

locals {
  existing = [
    for t in data.fieldservice_servicetrade_terms_list.all.terms_list : t
    if startswith(t.name, %q)
  ]
}

import {
  for_each = local.existing
  to       = fieldservice_servicetrade_terms.adopted[each.key]
  id       = each.value.id
}

resource "fieldservice_servicetrade_terms" "adopted" {
  count   = length(local.existing)
  name    = local.existing[count.index].name
  content = local.existing[count.index].content
}
`, base+" ")
	ids := []string{fmt.Sprint(first.ID), fmt.Sprint(second.ID)}
	resource.ParallelTest(t, resource.TestCase{
		// for_each in import blocks needs Terraform or OpenTofu 1.7 or later.
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		// Destroying the configuration deletes the adopted terms.
		CheckDestroy: checkTermsDestroyed(t, &ids),
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("fieldservice_servicetrade_terms.adopted[0]", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("fieldservice_servicetrade_terms.adopted[1]", plancheck.ResourceActionNoop),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("fieldservice_servicetrade_terms.adopted.0", "id", fmt.Sprint(first.ID)),
				resource.TestCheckResourceAttr("fieldservice_servicetrade_terms.adopted.0", "content", "First.\n"),
				resource.TestCheckResourceAttr("fieldservice_servicetrade_terms.adopted.1", "id", fmt.Sprint(second.ID)),
				resource.TestCheckResourceAttr("fieldservice_servicetrade_terms.adopted.1", "allow_duplicate", "false"),
			),
		}},
	})
}

// checkTermsDestroyed asserts that every set of terms in *ids is gone.
func checkTermsDestroyed(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no terms id was captured")
		}
		c := acctest.ServiceTradeClient(t)
		for _, raw := range *ids {
			id, err := strconv.ParseInt(raw, 10, 64)
			if err != nil {
				return fmt.Errorf("bad terms id captured: %q", raw)
			}
			if _, err := c.GetTerms(context.Background(), id); !api.IsNotFound(err) {
				return fmt.Errorf("terms %d still exist after destroy (err=%v)", id, err)
			}
		}
		return nil
	}
}
