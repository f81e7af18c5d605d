package provider_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// listCasesTemplates are the TestList_protocol cases of this group's list
// resources: one per filter of each, so that each filter is shown to
// filter.
var listCasesTemplates = []listCase{
	{
		typeName: "fieldservice_servicetrade_quote_template", vendor: "servicetrade", name: "name",
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i))}
		},
		filter: tagFilter("name"),
		others: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag + " none")}
		},
	},
	{
		// The templates of a (seeded) customer company: the company is
		// their parent for the test.
		typeName: "fieldservice_servicetrade_quote_template", vendor: "servicetrade", name: "name",
		parent: seedCompany,
		create: func(tag string, i int, company int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)), "company_id": acctest.NumVal(company)}
		},
		filter: func(tag string, company int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag), "company_id": acctest.NumVal(company)}
		},
		// Another id, which none of the test's templates have: the name
		// alone would select all three.
		others: func(tag string, company int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag), "company_id": acctest.NumVal(company + 1)}
		},
	},
	{
		typeName: "fieldservice_servicetrade_quote_template_item", vendor: "servicetrade", name: "description",
		parent: func(t *testing.T, run *emulator.Running) int64 {
			qt, err := stClient(t, run).CreateQuoteTemplate(context.Background(), stapi.QuoteTemplateInput{Name: acctest.RandomName("list")})
			if err != nil {
				t.Fatal(err)
			}
			return qt.ID
		},
		// Each description names a seeded lib item, from which ServiceTrade
		// takes the service line an item needs; the template is new, so
		// its items are only these.
		create: func(_ string, i int, template int64) map[string]tftypes.Value {
			names := []string{"CCW Zirconium Flange", "Annual Fire Alarm Inspection", "Blow-off Cap, Metal"}
			return map[string]tftypes.Value{
				"quote_template_id": acctest.NumVal(template), "description": acctest.StrVal(names[i]), "quantity": acctest.NumVal(int64(i + 1)),
			}
		},
		filter: func(_ string, template int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"quote_template_id": acctest.NumVal(template)}
		},
	},
	{
		// The service line a service template needs is the test's parent.
		typeName: "fieldservice_servicetrade_service_template", vendor: "servicetrade", name: "name",
		parent: func(t *testing.T, run *emulator.Running) int64 {
			lines, err := stClient(t, run).ListServiceLines(context.Background(), stapi.ServiceLineFilter{})
			if err != nil || len(lines) == 0 {
				t.Fatalf("service lines: %v, %v", lines, err)
			}
			return lines[0].ID
		},
		create: func(tag string, i int, line int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{
				"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)), "description": acctest.StrVal("Inspect every extinguisher"),
				"service_line_id": acctest.NumVal(line),
			}
		},
		filter: tagFilter("name"),
		others: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag + " none")}
		},
	},
	// Tax groups are named "<tag> <i>" and coded "<tag>-<i>": a filter sent
	// as the wrong query parameter fails the others below.
	taxGroupCase(tagFilter("name"), func(tag string, _ int64) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag + "-")}
	}),
	taxGroupCase(tagFilter("code"), func(tag string, _ int64) map[string]tftypes.Value {
		return map[string]tftypes.Value{"code": acctest.StrVal(tag + " ")}
	}),
	taxGroupCase(func(tag string, _ int64) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag), "state": acctest.StrVal("NC")}
	}, func(tag string, _ int64) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag), "state": acctest.StrVal("SC")}
	}),
	taxGroupCase(func(tag string, _ int64) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag), "postal_code": acctest.StrVal("2751")}
	}, func(tag string, _ int64) map[string]tftypes.Value {
		return map[string]tftypes.Value{"name": acctest.StrVal(tag), "postal_code": acctest.StrVal("99999")}
	}),
}

// tagFilter is the filter of the objects whose attr contains the tag.
func tagFilter(attr string) func(string, int64) map[string]tftypes.Value {
	return func(tag string, _ int64) map[string]tftypes.Value {
		return map[string]tftypes.Value{attr: acctest.StrVal(tag)}
	}
}

// taxGroupCase lists North Carolina tax groups of postal codes 27513 and
// 2760<i> with filter, and none with others.
func taxGroupCase(filter, others func(string, int64) map[string]tftypes.Value) listCase {
	return listCase{
		typeName: "fieldservice_servicetrade_tax_group", vendor: "servicetrade", name: "name",
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			codes := tftypes.NewValue(tftypes.Set{ElementType: tftypes.String},
				[]tftypes.Value{acctest.StrVal("27513"), acctest.StrVal(fmt.Sprintf("2760%d", i))})
			return map[string]tftypes.Value{
				"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)), "code": acctest.StrVal(fmt.Sprintf("%s-%d", tag, i)),
				"state": acctest.StrVal("NC"), "combined_rate": floatVal(0.0725), "postal_codes": codes,
			}
		},
		filter: filter, others: others,
	}
}

// seedCompany is the id of a seeded customer company.
func seedCompany(t *testing.T, run *emulator.Running) int64 {
	companies, err := stClient(t, run).ListCompanies(context.Background(), stapi.CompanyFilter{Name: emust.SeedCustomerCompanies[0]})
	if err != nil || len(companies) != 1 {
		t.Fatalf("company %q: %v, %v", emust.SeedCustomerCompanies[0], companies, err)
	}
	return companies[0].ID
}
