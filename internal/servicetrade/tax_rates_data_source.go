package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewTaxRatesDataSource is the fieldservice_servicetrade_tax_rates data
// source.
func NewTaxRatesDataSource() datasource.DataSource {
	return &kit.List[*api.Client, taxRatesModel, api.TaxRate, taxRateModel]{
		DataBase: vendor.DataSource("tax_rates"),
		Description: "Lists the estimated sales tax rates ServiceTrade gives for a postal code: none when it knows no rate for the code, " +
			"several when several tax groups cover it. ServiceTrade also documents per-jurisdiction rates (state, county, city, other) " +
			"as reserved for future use and not populated; they are left out.",
		Filters: map[string]schema.Attribute{
			"postal_code": kit.DataRequiredString("Postal code whose tax rates to list, as ServiceTrade stores it (for example `27513`).", stringvalidator.LengthAtLeast(1)),
		},
		Items: "The postal code's tax rates, in ServiceTrade's order; empty when there are none.",
		Element: map[string]schema.Attribute{
			"tax_group_code": kit.ReadOnlyString("Code of the sales tax group (see the `fieldservice_servicetrade_tax_group` data source)."),
			"name":           kit.ReadOnlyString("Description of the sales tax group."),
			"combined_rate":  kit.ReadOnlyFloat64("Combined sales tax rate as a decimal fraction: `0.085` is 8.5 %."),
		},
		List: func(ctx context.Context, client *api.Client, cfg *taxRatesModel) ([]api.TaxRate, error) {
			rates, err := client.ListTaxRates(ctx, cfg.PostalCode.ValueString())
			if err != nil {
				// The request's path does not name the postal code.
				return nil, fmt.Errorf("postal code %q: %w", cfg.PostalCode.ValueString(), err)
			}
			return rates, nil
		},
		Of: func(m *taxRatesModel) *[]taxRateModel { return &m.TaxRates },
		Set: func(m *taxRateModel, r *api.TaxRate) {
			*m = taxRateModel{
				TaxGroupCode: types.StringValue(r.TaxGroupCode),
				Name:         types.StringValue(r.Name),
				CombinedRate: types.Float64Value(r.CombinedRate),
			}
		},
	}
}

type taxRatesModel struct {
	PostalCode types.String   `tfsdk:"postal_code"`
	TaxRates   []taxRateModel `tfsdk:"tax_rates"`
}

type taxRateModel struct {
	TaxGroupCode types.String  `tfsdk:"tax_group_code"`
	Name         types.String  `tfsdk:"name"`
	CombinedRate types.Float64 `tfsdk:"combined_rate"`
}
