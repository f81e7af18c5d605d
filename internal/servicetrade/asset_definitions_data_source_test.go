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

// The plural asset definitions data source lists every definition, or
// with active = true those enabled in the account, with the same values as
// the single look-up.
func TestAccAssetDefinitionsDataSource_list(t *testing.T) {
	preCheck(t)
	const (
		all     = "data.fieldservice_servicetrade_asset_definitions.all"
		enabled = "data.fieldservice_servicetrade_asset_definitions.enabled"
		off     = "data.fieldservice_servicetrade_asset_definitions.off"
		alarm   = "data.fieldservice_servicetrade_asset_definition.alarm"
	)
	// The list as ServiceTrade has it, read after the data sources: asset
	// definitions are read-only, so it is the same list.
	countIs := func(addr string, f api.AssetDefinitionFilter) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			list, err := acctest.ServiceTradeClient(t).ListAssetDefinitions(context.Background(), f)
			if err != nil {
				return err
			}
			attrs := s.RootModule().Resources[addr].Primary.Attributes
			if got, _ := strconv.Atoi(attrs["asset_definitions.#"]); got != len(list) {
				return fmt.Errorf("%s lists %d asset definitions; ServiceTrade has %d", addr, got, len(list))
			}
			for i, d := range list {
				p := fmt.Sprintf("asset_definitions.%d.", i)
				if attrs[p+"id"] != strconv.FormatInt(d.ID, 10) || attrs[p+"type"] != d.Type || attrs[p+"active"] != strconv.FormatBool(d.Active) {
					return fmt.Errorf("%s element %d = %s %s active %s; want %d %s active %t", addr, i, attrs[p+"id"], attrs[p+"type"], attrs[p+"active"], d.ID, d.Type, d.Active)
				}
				if f.ActiveOnly && !d.Active {
					return fmt.Errorf("%s lists %s, which is not enabled", addr, d.Type)
				}
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "fieldservice_servicetrade_asset_definitions" "all" {}
data "fieldservice_servicetrade_asset_definitions" "enabled" {
  active = true
}
data "fieldservice_servicetrade_asset_definitions" "off" {
  active = false
}
data "fieldservice_servicetrade_asset_definition" "alarm" {
  type = data.fieldservice_servicetrade_asset_definitions.enabled.asset_definitions[0].type
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				countIs(all, api.AssetDefinitionFilter{}),
				countIs(off, api.AssetDefinitionFilter{}),
				countIs(enabled, api.AssetDefinitionFilter{ActiveOnly: true}),
				// An element carries what the single look-up reports.
				func(s *terraform.State) error {
					one := s.RootModule().Resources[alarm].Primary.Attributes
					prefix, err := listElem(s, all, "asset_definitions", "id", one["id"])
					if err != nil {
						return err
					}
					attrs := s.RootModule().Resources[all].Primary.Attributes
					for k, v := range one {
						if k == "%" {
							continue
						}
						if got := attrs[prefix+k]; got != v {
							return fmt.Errorf("%s %s%s = %q; the single look-up has %q", all, prefix, k, got, v)
						}
					}
					return nil
				},
			),
		}},
	})
}

// On the emulator's seeds: the disabled definition is listed only without
// active = true, and the elements carry the properties.
func TestAccAssetDefinitionsDataSource_seeds(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // relies on the emulator's seeded asset definitions
	const all, enabled = "data.fieldservice_servicetrade_asset_definitions.all", "data.fieldservice_servicetrade_asset_definitions.enabled"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{{
			Config: `
data "fieldservice_servicetrade_asset_definitions" "all" {}
data "fieldservice_servicetrade_asset_definitions" "enabled" {
  active = true
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(all, "asset_definitions.#", "4"),
				resource.TestCheckResourceAttr(enabled, "asset_definitions.#", "3"),
				checkListElem(all, "asset_definitions", "type", "grease_containment", map[string]string{
					"active": "false", "display": "Grease Containment", "properties.%": "2", "properties.capacity.display": "Capacity (gallons)",
				}),
				checkListElem(all, "asset_definitions", "type", "alarm", map[string]string{
					"active": "true", "properties.%": "10", "properties.model.required": "true", "parent_asset_types.0.type": "location",
				}),
				checkListElem(enabled, "asset_definitions", "type", "sprinkler_system", map[string]string{
					"properties.system_type.options.#": "4", "properties.system_type.default": "wet",
				}),
				func(s *terraform.State) error {
					if _, err := listElem(s, enabled, "asset_definitions", "type", "grease_containment"); err == nil {
						return fmt.Errorf("%s lists grease_containment, which is not enabled in the account", enabled)
					}
					return nil
				},
			),
		}},
	})
}
