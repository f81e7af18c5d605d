package api_test

import (
	"context"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestListTaxRates(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 1})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	// Two seeded tax groups cover 10001, across two pages of one.
	got, err := c.ListTaxRates(ctx, "10001")
	if err != nil || len(got) != 2 || got[0] != (api.TaxRate{TaxGroupCode: "NYC2020", Name: "NYC Rates", CombinedRate: 0.095}) ||
		got[1].TaxGroupCode != "NYC2021" || got[1].CombinedRate != 0.0965 {
		t.Fatalf("ListTaxRates(10001) = %+v, %v", got, err)
	}
	if got, err := c.ListTaxRates(ctx, "99999"); err != nil || len(got) != 0 {
		t.Errorf("ListTaxRates(99999) = %+v, %v; want none", got, err)
	}
	if _, err := c.ListTaxRates(ctx, ""); err == nil {
		t.Error("ListTaxRates without a postal code succeeded")
	}
}

// The reference's example decodes, its reserved null rates ignored.
func TestTaxRatesDecodeReferenceExample(t *testing.T) {
	c := fixedAnswer(t, "/taxrate/", `{"data":{"totalPages":1,"page":1,"taxrates":[{"taxGroupCode":"WAKECO","name":"WAKE COUNTY",
		"stateRate":null,"countyRate":null,"cityRate":null,"otherRate":null,"combinedRate":0.0725}]}}`)
	got, err := c.ListTaxRates(context.Background(), "90210")
	if err != nil || len(got) != 1 || got[0] != (api.TaxRate{TaxGroupCode: "WAKECO", Name: "WAKE COUNTY", CombinedRate: 0.0725}) {
		t.Errorf("ListTaxRates = %+v, %v", got, err)
	}
}
