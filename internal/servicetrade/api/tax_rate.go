package api

import (
	"context"
	"errors"
)

// TaxRate is one estimated sales tax rate for a postal code (GET
// /taxrate/?postalCode=). The reference also lists stateRate, countyRate,
// cityRate and otherRate, "reserved for future use" and null in its
// example: they are left out.
type TaxRate struct {
	TaxGroupCode string `json:"taxGroupCode"`
	// Name describes the sales tax group.
	Name string `json:"name"`
	// CombinedRate is a decimal fraction: 0.085 is 8.5 %.
	CombinedRate float64 `json:"combinedRate"`
}

// taxRates are at /taxrate/ (the reference's resource URL and example,
// with the slash); a list page holds them under "taxrates".
var taxRates = collection[TaxRate]{path: "/taxrate/", listKey: "taxrates"}

// ListTaxRates returns the tax rates of a postal code, across all pages:
// none (an empty list, not an error) when ServiceTrade knows no rate for
// it, several when several tax groups cover it.
func (c *Client) ListTaxRates(ctx context.Context, postalCode string) ([]TaxRate, error) {
	if postalCode == "" {
		// The parameter is required, and query{} would leave it out.
		return nil, errors.New("listing ServiceTrade tax rates: a postal code is required")
	}
	return taxRates.list(ctx, c, query{}.text("postalCode", postalCode))
}
