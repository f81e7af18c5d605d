package main

import (
	"context"
	"fmt"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// References a kind's Body may hold (kind.Refs): ids of objects the
// emulator seeds, which differ from one emulator to the next.
const (
	// refCompany is the id of the account's own company.
	refCompany = "@VENDOR_COMPANY_ID@"
	// refOffice is the id of one of its offices.
	refOffice = "@OFFICE_ID@"
)

// benchOffice is the seeded office the bench's users belong to.
const benchOffice = "Raleigh Office"

// resolveRefs looks up the ids that k's configuration refers to, with the
// provider's own ServiceTrade client, before the first measured command
// (the phases' counters are reset when each phase starts, so these
// requests are not counted). Data sources in the configuration would do
// the same at every command, and be counted in every phase.
func resolveRefs(k kind, base string) (map[string]string, error) {
	if len(k.Refs) == 0 {
		return nil, nil
	}
	c, err := api.New(api.Config{
		BaseURL: base + emulator.ServiceTradePrefix, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret,
	})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	companies, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.VendorCompany})
	if err != nil {
		return nil, fmt.Errorf("looking up the company %q: %w", emust.VendorCompany, err)
	}
	if len(companies) != 1 {
		return nil, fmt.Errorf("looking up the company %q: %d found", emust.VendorCompany, len(companies))
	}
	company := companies[0].ID
	offices, err := c.ListLocations(ctx, api.LocationFilter{Name: benchOffice, OfficesOnly: true, CompanyIDs: []int64{company}})
	if err != nil {
		return nil, fmt.Errorf("looking up the office %q: %w", benchOffice, err)
	}
	if len(offices) != 1 {
		return nil, fmt.Errorf("looking up the office %q: %d found", benchOffice, len(offices))
	}
	return map[string]string{
		refCompany: fmt.Sprint(company),
		refOffice:  fmt.Sprint(offices[0].ID),
	}, nil
}

// seededUsers is how many users the fresh emulator holds: all of the own
// company, each of a status the provider's user listing asks for.
func seededUsers() int { return len(emust.SeedUsers) }
