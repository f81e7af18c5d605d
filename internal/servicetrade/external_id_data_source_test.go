package servicetrade_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// The data source reads the value a system gives an entity, and finds the
// entity that carries a value; it fails clearly when there is none. When
// two entities carry the same value, ServiceTrade's look-up answers with
// one of them, which the data source reports.
func TestAccExternalIDDataSource_lookups(t *testing.T) {
	preCheck(t)
	system := newExternalSystem(t, "xid-ds")
	a := seedCompanyID(t, emust.SeedCustomerCompanies[1])
	b := seedCompanyID(t, emust.VendorCompany)
	values := fmt.Sprintf(`
resource "fieldservice_servicetrade_external_id" "a" {
  entity_type = "company"
  entity_id   = %[2]d
  system_name = %[1]q
  value       = "CUST-0042"
}
`, system, a)
	lookup := func(name, key string) string {
		return fmt.Sprintf(`
data "fieldservice_servicetrade_external_id" %q {
  entity_type = "company"
  system_name = fieldservice_servicetrade_external_id.a.system_name
  %s
}
`, name, key)
	}
	const ds = "data.fieldservice_servicetrade_external_id."
	byEntity := resource.ComposeAggregateTestCheckFunc(
		resource.TestCheckResourceAttr(ds+"by_entity", "id", fmt.Sprintf("company/%d/%s", a, system)),
		resource.TestCheckResourceAttr(ds+"by_entity", "value", "CUST-0042"),
		resource.TestCheckResourceAttr(ds+"by_value", "entity_id", fmt.Sprint(a)),
		resource.TestCheckResourceAttr(ds+"by_value", "id", fmt.Sprintf("company/%d/%s", a, system)),
		resource.TestCheckResourceAttr(ds+"by_value", "value", "CUST-0042"),
	)
	steps := []resource.TestStep{
		{
			Config: values + lookup("by_entity", fmt.Sprintf("entity_id = %d", a)) +
				lookup("by_value", `value = fieldservice_servicetrade_external_id.a.value`),
			Check: byEntity,
		},
		{
			Config: values + lookup("none", `value = "cust-0042"`),
			ExpectError: acctest.ErrorText(fmt.Sprintf(`no ServiceTrade external id of a company in external system %q has the value "cust-0042" `+
				`(the match is exact and case-sensitive)`, system)),
		},
		{
			Config:      values + lookup("none", fmt.Sprintf("entity_id = %d", b)),
			ExpectError: acctest.ErrorText(fmt.Sprintf(`ServiceTrade company %d has no external id in external system %q`, b, system)),
		},
		{
			Config:      values + lookup("both", fmt.Sprintf("entity_id = %d\n  value = \"x\"", a)),
			ExpectError: acctest.ErrorText(`Invalid Attribute Combination`),
		},
		// Two companies carry the value: the look-up by value reports the
		// one ServiceTrade answers with.
		{
			Config: values + fmt.Sprintf(`
resource "fieldservice_servicetrade_external_id" "b" {
  entity_type = "company"
  entity_id   = %[2]d
  system_name = %[1]q
  value       = "CUST-0042"
}
`, system, b) + lookup("shared", `value = fieldservice_servicetrade_external_id.b.value`),
			Check: func(s *terraform.State) error {
				got := s.RootModule().Resources[ds+"shared"].Primary.Attributes["entity_id"]
				if got != fmt.Sprint(a) && got != fmt.Sprint(b) {
					return fmt.Errorf("entity_id = %s, want %d or %d", got, a, b)
				}
				return nil
			},
		},
	}
	if !acctest.Live() {
		// A value Terraform never set: the emulator's seeded one.
		seed := emust.SeedExternalIDs[0]
		steps = append(steps, resource.TestStep{
			Config: fmt.Sprintf(`
data "fieldservice_servicetrade_external_id" "seeded" {
  entity_type = %q
  system_name = %q
  value       = %q
}
`, seed.Type, seed.System, seed.Value),
			Check: resource.TestCheckResourceAttr(ds+"seeded", "entity_id", fmt.Sprint(seedCompanyID(t, seed.Entity))),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkExternalIDsRemoved(t, externalIDRef{"company", a, system}, externalIDRef{"company", b, system}),
		Steps:                    steps,
	})
}
