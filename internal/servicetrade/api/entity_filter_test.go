package api_test

import (
	"context"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// The list pages and carries no company or locations; the read by id
// carries both; the name filter is the server's substring.
func TestEntityFilterListAndGet(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	all, err := c.ListEntityFilters(ctx, api.EntityFilterFilter{})
	if err != nil || len(all) != len(emust.SeedEntityFilters)+2 {
		t.Fatalf("ListEntityFilters = %+v, %v; want the seeded filters across pages", all, err)
	}
	for _, f := range all {
		if f.ID <= 1<<32 || f.Type != "location" || f.URI == "" || f.Company != nil || f.Locations != nil {
			t.Errorf("listed = %+v; want id, uri, name and type only", f)
		}
	}
	got, err := c.GetEntityFilter(ctx, all[1].ID)
	if err != nil || got.Name != emust.SeedEntityFilters[1] || got.Company == nil || got.Company.Name != emust.SeedCustomerCompanies[0] ||
		got.Company.Status != "active" || len(got.Locations) != 1 || got.Locations[0].Name != emust.SeedCustomerLocations[0] {
		t.Fatalf("GetEntityFilter = %+v, %v", got, err)
	}
	// All of a company's locations: null in the reference's example.
	if got, err := c.GetEntityFilter(ctx, all[0].ID); err != nil || got.Company == nil || len(got.Locations) != 0 {
		t.Errorf("GetEntityFilter(%s) = %+v, %v; want a company and no locations", emust.SeedEntityFilters[0], got, err)
	}
	if _, err := c.GetEntityFilter(ctx, 999); !api.IsNotFound(err) {
		t.Errorf("GetEntityFilter(999) = %v, want not found", err)
	}
	dup, err := c.ListEntityFilters(ctx, api.EntityFilterFilter{Name: "street deli", Type: "location"})
	if err != nil || len(dup) != 2 || dup[0].Name != emust.DuplicateEntityFilter || dup[0].ID == dup[1].ID {
		t.Errorf("ListEntityFilters(street deli) = %+v, %v; want the two %q", dup, err, emust.DuplicateEntityFilter)
	}
}

// The reference's single GET example decodes.
func TestEntityFilterDecodeReferenceExample(t *testing.T) {
	c := fixedAnswer(t, "/entityfilter/100000000000002", `{"data":{"id":100000000000002,
		"uri":"https://api.servicetrade.com/api/entityfilter/100000000000002","name":"Delco Sites","type":"location",
		"company":{"id":100000000000018,"uri":"https://api.servicetrade.com/api/company/100000000000018","name":"Delco","status":"active"},
		"locations":null}}`)
	f, err := c.GetEntityFilter(context.Background(), 100000000000002)
	if err != nil || f.ID != 100000000000002 || f.Name != "Delco Sites" || f.Company.ID != 100000000000018 || f.Company.Status != "active" || f.Locations != nil {
		t.Errorf("GetEntityFilter = %+v, %v", f, err)
	}
}
