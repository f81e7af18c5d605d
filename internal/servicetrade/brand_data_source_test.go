package servicetrade_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// brandDataConfig is the first seeded customer company and the blocks given.
func brandDataConfig(blocks string) string {
	return fmt.Sprintf(`
data "fieldservice_servicetrade_company" "one" {
  name = %q
}
%s`, emust.SeedCustomerCompanies[0], blocks)
}

// The single look-up by id and by exact name, with zero and several
// matches; the plural list, with and without its name filter.
func TestAccBrandDataSources(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // the seeded company and brand
	name := acctest.RandomName("brand-ds")
	var cid int64
	var twin string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		PreCheck: func() {
			ctx := context.Background()
			c := acctest.ServiceTradeClient(t)
			companies, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.SeedCustomerCompanies[0]})
			if err != nil || len(companies) == 0 {
				t.Fatalf("finding company: %v, %v", companies, err)
			}
			cid = companies[0].ID
			// Two brands of one name (made through the API, which does
			// not keep names unique), and one whose name contains it.
			for _, n := range []string{name + "-twin", name + "-twin", name + "-twin-plus"} {
				b, err := c.CreateBrand(ctx, cid, api.BrandInput{Name: n, WebSite: api.Some("https://twin.example.com")})
				if err != nil {
					t.Fatal(err)
				}
				if twin == "" {
					twin = fmt.Sprint(b.ID)
				}
			}
		},
		Steps: []resource.TestStep{
			{
				Config: brandDataConfig(fmt.Sprintf(`
data "fieldservice_servicetrade_brand" "by_name" {
  company_id = data.fieldservice_servicetrade_company.one.id
  name       = %q
}

data "fieldservice_servicetrade_brand" "by_id" {
  company_id = data.fieldservice_servicetrade_company.one.id
  id         = data.fieldservice_servicetrade_brand.by_name.id
}

data "fieldservice_servicetrade_brands" "all" {
  company_id = data.fieldservice_servicetrade_company.one.id
}

data "fieldservice_servicetrade_brands" "twins" {
  company_id = data.fieldservice_servicetrade_company.one.id
  name       = "%s-twin"
}
`, emust.SeedBrand, name)),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.fieldservice_servicetrade_brand.by_name", "display_name", emust.SeedBrand),
					resource.TestCheckResourceAttrSet("data.fieldservice_servicetrade_brand.by_name", "web_site"),
					resource.TestCheckNoResourceAttr("data.fieldservice_servicetrade_brand.by_name", "logo_id"),
					resource.TestCheckNoResourceAttr("data.fieldservice_servicetrade_brand.by_name", "details"),
					resource.TestCheckResourceAttr("data.fieldservice_servicetrade_brand.by_id", "name", emust.SeedBrand),
					resource.TestCheckResourceAttrPair("data.fieldservice_servicetrade_brand.by_id", "uri", "data.fieldservice_servicetrade_brand.by_name", "uri"),
					resource.TestCheckResourceAttr("data.fieldservice_servicetrade_brands.twins", "brands.#", "2"),
					resource.TestCheckResourceAttr("data.fieldservice_servicetrade_brands.twins", "brands.0.name", name+"-twin"),
					resource.TestCheckResourceAttrPair("data.fieldservice_servicetrade_brands.twins", "brands.0.company_id", "data.fieldservice_servicetrade_company.one", "id"),
					func(s *terraform.State) error {
						got := s.RootModule().Resources["data.fieldservice_servicetrade_brands.twins"].Primary.Attributes["brands.0.import_id"]
						if want := fmt.Sprintf("%d/%s", cid, twin); got != want {
							return fmt.Errorf("brands.0.import_id = %q, want %q", got, want)
						}
						return nil
					},
					func(s *terraform.State) error {
						attrs := s.RootModule().Resources["data.fieldservice_servicetrade_brands.all"].Primary.Attributes
						for i := 0; attrs[fmt.Sprintf("brands.%d.id", i)] != ""; i++ {
							if attrs[fmt.Sprintf("brands.%d.name", i)] == emust.SeedBrand {
								return nil
							}
						}
						return fmt.Errorf("the seeded brand is not in the list: %v", attrs)
					},
				),
			},
			// No match: the seeded brand's name in lower case.
			{
				Config: brandDataConfig(fmt.Sprintf(`
data "fieldservice_servicetrade_brand" "none" {
  company_id = data.fieldservice_servicetrade_company.one.id
  name       = %q
}`, "hwy 55 burgers shakes & fries")),
				ExpectError: acctest.ErrorText(`no ServiceTrade brand`),
			},
			// Several matches.
			{
				Config: brandDataConfig(fmt.Sprintf(`
data "fieldservice_servicetrade_brand" "twin" {
  company_id = data.fieldservice_servicetrade_company.one.id
  name       = "%s-twin"
}`, name)),
				ExpectError: acctest.ErrorText(fmt.Sprintf(`2 ServiceTrade brands have the name "%s-twin"`, name)),
			},
			// Neither id nor name.
			{
				Config: brandDataConfig(`
data "fieldservice_servicetrade_brand" "neither" {
  company_id = data.fieldservice_servicetrade_company.one.id
}`),
				ExpectError: acctest.ErrorText(`Exactly one of these attributes must be configured: [id,name]`),
			},
			// A valid configuration last, for the final destroy.
			{Config: brandDataConfig("")},
		},
	})
}
