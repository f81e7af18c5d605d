package servicetrade_test

import (
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// The data sources that look within a parent (a company's brands, a
// contract's rules, a template's items, a user's values) refuse a parent
// id that cannot be one at plan time, naming the attribute, as their
// resources do.
func TestAccDataSources_parentIDIsPositive(t *testing.T) {
	preCheck(t)
	zero := func(ds dataSource, parent string, key ...string) lookupCase {
		return lookupCase{
			name:     string(ds) + " with " + parent + " 0",
			config:   ds.block("zero", append([]string{parent + " = 0"}, key...)...),
			planOnly: true,
			err:      acctest.ErrorText(`Attribute ` + parent + ` value must be at least 1, got: 0`),
		}
	}
	lookupTable{cases: []lookupCase{
		zero("fieldservice_servicetrade_brand", "company_id", `name = "Brand X"`),
		zero("fieldservice_servicetrade_brands", "company_id"),
		zero("fieldservice_servicetrade_contract_rule", "contract_id", `name = "Labor"`),
		zero("fieldservice_servicetrade_quote_template_item", "quote_template_id", `description = "Labor"`),
		zero("fieldservice_servicetrade_user_values", "user_id"),
	}}.run(t)
}
