package servicetrade_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// The singular data source finds a tag by id and by name ignoring case,
// and explains zero or several matches; the plural one lists them all, or
// those whose name contains a text.
func TestAccTagDataSources_lookups(t *testing.T) {
	preCheck(t)
	base := acctest.RandomName("dstag")
	tags := fmt.Sprintf(`
resource "fieldservice_servicetrade_tag" "a" {
  name = "%[1]s-Alpha"
}
resource "fieldservice_servicetrade_tag" "b" {
  name = "%[1]s-Beta"
}
`, base)
	const tag dataSource = "fieldservice_servicetrade_tag"
	const ds = "data.fieldservice_servicetrade_tag."
	ids := map[string]string{}
	var idList []string
	cases := []lookupCase{
		{
			name: "by id and by name in another case; the plural one lists them all, or some",
			config: tag.block("by_id", `id = fieldservice_servicetrade_tag.a.id`) +
				tag.block("by_name", attr("name", strings.ToUpper(base+"-beta"))) +
				dataSource("fieldservice_servicetrade_tags").block("all") +
				dataSource("fieldservice_servicetrade_tags").block("some", attr("name", strings.ToUpper(base))),
			check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds+"by_id", "name", base+"-Alpha"),
				resource.TestCheckResourceAttrPair(ds+"by_id", "uri", "fieldservice_servicetrade_tag.a", "uri"),
				resource.TestCheckResourceAttrPair(ds+"by_name", "id", "fieldservice_servicetrade_tag.b", "id"),
				// The tag's own spelling, not the configured one.
				resource.TestCheckResourceAttr(ds+"by_name", "name", base+"-Beta"),
				resource.TestCheckResourceAttrPair(ds+"by_name", "uri", "fieldservice_servicetrade_tag.b", "uri"),
				checkListHasResource("data.fieldservice_servicetrade_tags.all", "tags", "fieldservice_servicetrade_tag.a", "uri", "name"),
				checkListHasResource("data.fieldservice_servicetrade_tags.all", "tags", "fieldservice_servicetrade_tag.b", "uri", "name"),
				resource.TestCheckResourceAttr("data.fieldservice_servicetrade_tags.some", "tags.#", "2"),
				checkListHasResource("data.fieldservice_servicetrade_tags.some", "tags", "fieldservice_servicetrade_tag.a", "uri", "name"),
				func(s *terraform.State) error {
					if acctest.Live() {
						return nil
					}
					// Tags Terraform never created: the emulator's seeded ones.
					return checkListElem("data.fieldservice_servicetrade_tags.all", "tags", "name", emust.SeedTags[0], map[string]string{})(s)
				},
			),
		},
		{
			name:   "no tag has the name",
			config: tag.block("none", attr("name", base+"-none")),
			err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade tag has the name "%s-none" (the match is exact but ignores case)`, base)),
		},
		{
			name:   "a part of a name is not the name",
			config: tag.block("part", attr("name", base+"-Alph")),
			err:    acctest.ErrorText(fmt.Sprintf(`no ServiceTrade tag has the name "%s-Alph"`, base)),
		},
		{
			name:     "neither id nor name",
			config:   tag.block("neither"),
			planOnly: true,
			err:      regexp.MustCompile(`Exactly one of these attributes must be configured: \[id,name\]`),
		},
	}
	if !acctest.Live() {
		// Two tags whose names differ only in case exist only where
		// ServiceTrade compares names case-sensitively, which the reference
		// does not rule out: the emulator's test hook makes them.
		cases = append(cases, lookupCase{
			name: "two tags have the name, ignoring case",
			preConfig: func() {
				run, err := acctest.Shared()
				if err != nil {
					t.Fatal(err)
				}
				run.ServiceTrade.InsertTag(base + "-Dup")
				run.ServiceTrade.InsertTag(base + "-DUP")
			},
			config: tag.block("two", attr("name", base+"-dup")),
			err: regexp.MustCompile(`2\s+ServiceTrade\s+tags\s+have\s+the\s+name\s+"` + regexp.QuoteMeta(base) +
				`-dup"\s+\(ids\s+\d+,\s+\d+\);\s+look\s+it\s+up\s+by\s+id`),
		})
	}
	lookupTable{
		shared:  tags,
		created: acctest.CaptureAll("fieldservice_servicetrade_tag", "id", ids),
		destroyed: func(s *terraform.State) error {
			idList = idList[:0]
			for _, id := range ids {
				idList = append(idList, id)
			}
			return checkTagsDestroyed(t, &idList)(s)
		},
		cases: cases,
	}.run(t)
}

// The plural data source feeds for_each import blocks that adopt tags
// created outside Terraform (the emulator's seeded ones) with no change.
// An isolated emulator: destroying the adopted tags deletes them. The
// adopted resource uses count rather than for_each only because
// terraform-plugin-testing cannot read string-keyed instances from state;
// the documentation example uses a map.
func TestAccTags_adoptWithImportBlocks(t *testing.T) {
	preCheck(t)
	run := acctest.Isolated(t, emulator.Options{})
	config := fmt.Sprintf(`
provider "fieldservice" {
  servicetrade {
    base_url = %q
    %s
  }
}

data "fieldservice_servicetrade_tags" "all" {}

locals {
  existing = [
    for t in data.fieldservice_servicetrade_tags.all.tags : t
    if contains([%q, %q], t.name)
  ]
}

import {
  for_each = local.existing
  to       = fieldservice_servicetrade_tag.adopted[each.key]
  id       = each.value.id
}

resource "fieldservice_servicetrade_tag" "adopted" {
  count = length(local.existing)
  name  = local.existing[count.index].name
}
`, run.ServiceTradeURL(), authFlows[0].creds, emust.SeedTags[0], emust.SeedTags[1])
	first, second := "fieldservice_servicetrade_tag.adopted[0]", "fieldservice_servicetrade_tag.adopted[1]"
	resource.Test(t, resource.TestCase{
		// for_each in import blocks needs Terraform or OpenTofu 1.7 or later.
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_7_0)},
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(first, plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction(second, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("fieldservice_servicetrade_tag.adopted.0", "name", emust.SeedTags[0]),
					resource.TestCheckResourceAttr("fieldservice_servicetrade_tag.adopted.1", "name", emust.SeedTags[1]),
					resource.TestMatchResourceAttr("fieldservice_servicetrade_tag.adopted.1", "uri", regexp.MustCompile(`/tag/\d+$`)),
				),
			},
		},
	})
}
