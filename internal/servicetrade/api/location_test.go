package api_test

import (
	"context"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestLocationsOfficesAndCustomers(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	all, err := c.ListLocations(ctx, api.LocationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(emust.SeedOffices) + len(emust.SeedCustomerLocations) + 2; len(all) != want {
		t.Fatalf("ListLocations() = %d, want %d offices and customer locations", len(all), want)
	}
	offices, err := c.ListLocations(ctx, api.LocationFilter{OfficesOnly: true})
	if err != nil || len(offices) != len(emust.SeedOffices) {
		t.Fatalf("ListLocations(offices) = %d, %v; want %d", len(offices), err, len(emust.SeedOffices))
	}
	deli, err := c.ListLocations(ctx, api.LocationFilter{Name: "deli"})
	if err != nil || len(deli) != 2 || deli[0].Company == nil || deli[1].Company == nil || deli[0].Company.ID == deli[1].Company.ID {
		t.Fatalf("ListLocations(name=deli) = %+v, %v; want two locations of two companies", deli, err)
	}
	if len(deli[0].Offices) != 1 || deli[0].Offices[0].Name != emust.SeedOffices[1] {
		t.Errorf("customer location offices = %+v", deli[0].Offices)
	}
	mine, err := c.ListLocations(ctx, api.LocationFilter{CompanyIDs: []int64{deli[0].Company.ID}})
	if err != nil || len(mine) != 1 || mine[0].ID != deli[0].ID {
		t.Fatalf("ListLocations(companyId) = %+v, %v", mine, err)
	}
	got, err := c.GetLocation(ctx, offices[0].ID)
	if err != nil || got.Name != emust.SeedOffices[0] || got.Lat == nil || got.Address == nil || got.Address.PostalCode == "" || got.Company == nil || got.Company.Name != emust.VendorCompany {
		t.Fatalf("GetLocation(office) = %+v, %v", got, err)
	}
	if _, err := c.GetLocation(ctx, 987); !api.IsNotFound(err) {
		t.Errorf("GetLocation(987) = %v, want not found", err)
	}
}
