package api_test

import (
	"context"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestCompaniesListFilterAndGet(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	all, err := c.ListCompanies(ctx, api.CompanyFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// The vendor, the unique customers and the two DuplicateCompany ones,
	// across three pages of two.
	if want := 1 + len(emust.SeedCustomerCompanies) + 2; len(all) != want {
		t.Fatalf("ListCompanies = %d companies, want %d", len(all), want)
	}
	deli, err := c.ListCompanies(ctx, api.CompanyFilter{Name: "street DELI"})
	if err != nil || len(deli) != 2 || deli[0].ID == deli[1].ID {
		t.Fatalf("ListCompanies(name=street DELI) = %+v, %v; want the two %q companies (case-insensitive substring)", deli, err, emust.DuplicateCompany)
	}
	onHold, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.DuplicateCompany, Status: "on_hold"})
	if err != nil || len(onHold) != 1 {
		t.Fatalf("ListCompanies(status=on_hold) = %d, %v; want 1", len(onHold), err)
	}
	vendor, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.VendorCompany})
	if err != nil || len(vendor) != 1 {
		t.Fatalf("ListCompanies(name=%q) = %d, %v; want 1", emust.VendorCompany, len(vendor), err)
	}
	got, err := c.GetCompany(ctx, vendor[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID <= 1<<32 || got.Name != emust.VendorCompany || !got.Vendor || got.Customer || got.Status != "active" || got.Address == nil || got.Address.City == "" {
		t.Errorf("GetCompany = %+v", got)
	}
	if _, err := c.GetCompany(ctx, 42); !api.IsNotFound(err) {
		t.Errorf("GetCompany(42) = %v, want not found", err)
	}
}

// The authenticated user and the vendor company agree: the user's company
// is the seeded vendor company.
func TestAuthUserBelongsToTheVendorCompany(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	users, err := c.ListUsers(ctx, api.UserFilter{Name: emust.Username})
	if err != nil {
		t.Fatal(err)
	}
	var me *api.User
	for i := range users {
		if users[i].Username == emust.Username {
			me = &users[i]
		}
	}
	if me == nil || me.Company == nil {
		t.Fatalf("user %q not listed with a company: %+v", emust.Username, users)
	}
	co, err := c.GetCompany(ctx, me.Company.ID)
	if err != nil || co.Name != emust.VendorCompany {
		t.Fatalf("the auth user's company %d = %+v, %v; want %q", me.Company.ID, co, err, emust.VendorCompany)
	}
}
