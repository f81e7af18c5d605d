package servicetrade_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// checkServiceLines checks that the data source lists what ServiceTrade
// lists for the filter, in its order, with the values it has.
func checkServiceLines(t *testing.T, addr string, f api.ServiceLineFilter) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		list, err := acctest.ServiceTradeClient(t).ListServiceLines(context.Background(), f)
		if err != nil {
			return err
		}
		attrs := s.RootModule().Resources[addr].Primary.Attributes
		if got, _ := strconv.Atoi(attrs["service_lines.#"]); got != len(list) {
			return fmt.Errorf("%s lists %d service lines; ServiceTrade has %d for %+v", addr, got, len(list), f)
		}
		for i, sl := range list {
			p := fmt.Sprintf("service_lines.%d.", i)
			for k, want := range map[string]string{"id": strconv.FormatInt(sl.ID, 10), "name": sl.Name, "abbreviation": sl.Abbr, "trade": string(sl.Trade), "icon": sl.Icon} {
				if got := attrs[p+k]; got != want {
					return fmt.Errorf("%s %s%s = %q, want %q", addr, p, k, got, want)
				}
			}
		}
		return nil
	}
}

// The plural service lines data source passes its trade and show-all
// filters to the API: by default only the lines the company provides.
func TestAccServiceLinesDataSource_list(t *testing.T) {
	preCheck(t)
	const (
		provided = "data.fieldservice_servicetrade_service_lines.provided"
		all      = "data.fieldservice_servicetrade_service_lines.all"
		fire     = "data.fieldservice_servicetrade_service_lines.fire"
		fireAll  = "data.fieldservice_servicetrade_service_lines.fire_all"
	)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			// An empty trade would be no filter at all: refused at plan.
			{
				Config: `
data "fieldservice_servicetrade_service_lines" "empty" {
  trade_name = ""
}
`,
				PlanOnly:    true,
				ExpectError: acctest.ErrorText(`Attribute trade_name string length must be at least 1, got: 0`),
			},
			{
				Config: `
data "fieldservice_servicetrade_service_lines" "provided" {}
data "fieldservice_servicetrade_service_lines" "all" {
  show_all = true
}
data "fieldservice_servicetrade_service_lines" "fire" {
  trade_name = "FIRE"
}
data "fieldservice_servicetrade_service_lines" "fire_all" {
  trade_name = "fire"
  show_all   = true
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					checkServiceLines(t, provided, api.ServiceLineFilter{}),
					checkServiceLines(t, all, api.ServiceLineFilter{ShowAll: true}),
					checkServiceLines(t, fire, api.ServiceLineFilter{TradeName: "FIRE"}),
					checkServiceLines(t, fireAll, api.ServiceLineFilter{TradeName: "fire", ShowAll: true}),
				),
			},
		},
	})
}

// On the emulator's seeds: a line the company does not provide is listed
// only with show_all, and the trade filter is a case-insensitive substring
// match.
func TestAccServiceLinesDataSource_seeds(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded service lines
	const (
		provided = "data.fieldservice_servicetrade_service_lines.provided"
		all      = "data.fieldservice_servicetrade_service_lines.all"
		plumbing = "data.fieldservice_servicetrade_service_lines.plumbing"
		none     = "data.fieldservice_servicetrade_service_lines.none"
	)
	notListed := func(addr, abbr string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			if _, err := listElem(s, addr, "service_lines", "abbreviation", abbr); err == nil {
				return fmt.Errorf("%s lists %s", addr, abbr)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "fieldservice_servicetrade_service_lines" "provided" {}
data "fieldservice_servicetrade_service_lines" "all" {
  show_all = true
}
data "fieldservice_servicetrade_service_lines" "plumbing" {
  trade_name = "plumb"
  show_all   = true
}
data "fieldservice_servicetrade_service_lines" "none" {
  trade_name = "plumb"
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(provided, "service_lines.#", "4"),
				checkListElem(provided, "service_lines", "abbreviation", "SUPP", map[string]string{"name": "Fire Suppression", "trade": "Fire Protection"}),
				notListed(provided, "BFP"),
				notListed(provided, "HVAC"),
				resource.TestCheckResourceAttr(all, "service_lines.#", "6"),
				checkListElem(all, "service_lines", "abbreviation", "BFP", map[string]string{"name": "Backflow", "trade": "Plumbing"}),
				resource.TestCheckResourceAttr(plumbing, "service_lines.#", "1"),
				resource.TestCheckResourceAttr(plumbing, "service_lines.0.abbreviation", "BFP"),
				resource.TestCheckResourceAttr(none, "service_lines.#", "0"),
			),
		}},
	})
}
