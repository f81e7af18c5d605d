package servicetrade_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// The settings are read whole: what any account has, then (emulator) the
// seeded account's values, its default terms being the seeded terms, and
// the terms with no default null.
func TestAccAccountSettingsDataSource_read(t *testing.T) {
	preCheck(t)
	const ds = "data.fieldservice_servicetrade_account_settings.test"
	config := `data "fieldservice_servicetrade_account_settings" "test" {}` + "\n"
	checks := []resource.TestCheckFunc{
		resource.TestMatchResourceAttr(ds, "job_types.#", regexp.MustCompile(`^[1-9]\d*$`)),
		resource.TestMatchResourceAttr(ds, "item_types.#", regexp.MustCompile(`^[1-9]\d*$`)),
		resource.TestMatchResourceAttr(ds, "sales_tax_source", regexp.MustCompile(`^(manual|taxgroup)$`)),
	}
	if !acctest.Live() {
		config += dataSource("fieldservice_servicetrade_terms").block("defaults", attr("name", emust.SeedTerms[1]))
		active := 0
		for _, a := range emust.SeedAssetDefinitions {
			if a.Active {
				active++
			}
		}
		checks = append(checks,
			resource.TestCheckResourceAttr(ds, "job_types.#", "32"),
			resource.TestCheckResourceAttr(ds, "job_types.0", "service_call"),
			resource.TestCheckResourceAttr(ds, "job_types.31", "unknown"),
			resource.TestCheckResourceAttr(ds, "item_types.#", "10"),
			resource.TestCheckResourceAttr(ds, "item_types.8", "general_conditions"),
			resource.TestCheckResourceAttr(ds, "mobile_job_task_workflow.#", "3"),
			resource.TestCheckResourceAttr(ds, "mobile_job_task_workflow.2", "deficiency"),
			resource.TestCheckResourceAttr(ds, "mobile_job_item_confirmation.#", "2"),
			resource.TestCheckResourceAttr(ds, "mobile_job_item_confirmation.1", "projects"),
			resource.TestCheckResourceAttr(ds, "asset_definition_ids.#", strconv.Itoa(active)),
			resource.TestMatchResourceAttr(ds, "asset_definition_ids.0", regexp.MustCompile(`^\d{10,}$`)),
			resource.TestCheckResourceAttrPair(ds, "job_terms_id", "data.fieldservice_servicetrade_terms.defaults", "id"),
			resource.TestCheckResourceAttrPair(ds, "invoice_terms_id", "data.fieldservice_servicetrade_terms.defaults", "id"),
			resource.TestCheckNoResourceAttr(ds, "quote_terms_id"),
			resource.TestCheckNoResourceAttr(ds, "change_order_terms_id"),
			resource.TestCheckResourceAttr(ds, "attachment_visibility.#", "1"),
			resource.TestCheckResourceAttr(ds, "attachment_visibility.0", "private"),
			resource.TestCheckResourceAttr(ds, "deficiency_visibility.0", "private"),
			resource.TestCheckResourceAttr(ds, "comment_visibility.#", "3"),
			resource.TestCheckResourceAttr(ds, "comment_visibility.1", "tech"),
			resource.TestCheckResourceAttr(ds, "job_item_visibility.0", "public"),
			resource.TestCheckResourceAttr(ds, "quote_detail_level.#", "3"),
			resource.TestCheckResourceAttr(ds, "quote_detail_level.2", "time_and_materials"),
			resource.TestCheckResourceAttr(ds, "invoice_detail_level.#", "3"),
			resource.TestCheckResourceAttr(ds, "invoice_detail_level.1", "items_by_type"),
			resource.TestCheckResourceAttr(ds, "sales_tax_source", "taxgroup"),
			// Every asset definition id is one the API reads.
			func(s *terraform.State) error {
				attrs := s.RootModule().Resources[ds].Primary.Attributes
				n, _ := strconv.Atoi(attrs["asset_definition_ids.#"])
				for i := 0; i < n; i++ {
					raw := attrs[fmt.Sprintf("asset_definition_ids.%d", i)]
					id, err := strconv.ParseInt(raw, 10, 64)
					if err != nil {
						return fmt.Errorf("asset_definition_ids.%d = %q is not an id", i, raw)
					}
					if _, err := acctest.ServiceTradeClient(t).GetAssetDefinition(context.Background(), id); err != nil {
						return fmt.Errorf("asset definition %d of the settings: %v", id, err)
					}
				}
				return nil
			},
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeAggregateTestCheckFunc(checks...)},
			// Reading again changes nothing.
			{Config: config, PlanOnly: true},
		},
	})
}
