package api_test

import (
	"context"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestBrandLifecycle(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{PageSize: 1})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()

	companies, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.SeedCustomerCompanies[0]})
	if err != nil || len(companies) != 1 {
		t.Fatalf("ListCompanies = %v, %v", companies, err)
	}
	cid := companies[0].ID

	seeded, err := c.ListBrands(ctx, cid, "")
	if err != nil || len(seeded) != 1 || seeded[0].Name != emust.SeedBrand || seeded[0].WebSite == nil || seeded[0].LogoID() != nil {
		t.Fatalf("ListBrands = %+v, %v; want the seeded brand", seeded, err)
	}

	b, err := c.CreateBrand(ctx, cid, api.BrandInput{Name: "Brand X", Details: api.Some("Frozen foods")})
	if err != nil {
		t.Fatal(err)
	}
	if b.ID <= 1<<32 || b.DisplayName != "Brand X" || b.Company == nil || b.Company.ID != cid || b.WebSite != nil || b.Details == nil || *b.Details != "Frozen foods" {
		t.Errorf("created brand = %+v", b)
	}

	got, err := c.UpdateBrand(ctx, cid, b.ID, api.BrandInput{Name: "Brand Y", DisplayName: "Y", WebSite: api.Some("https://y.example.com"), Details: api.Null[string](), LogoID: api.Null[int64]()})
	if err != nil || got.Name != "Brand Y" || got.DisplayName != "Y" || got.Details != nil || got.WebSite == nil {
		t.Fatalf("UpdateBrand = %+v, %v", got, err)
	}
	if _, err := c.UpdateBrand(ctx, cid, b.ID, api.BrandInput{Name: "Brand Y", LogoID: api.Some[int64](4294967297)}); err == nil {
		t.Error("UpdateBrand with an unknown logo id succeeded")
	}

	read, err := c.GetBrand(ctx, cid, b.ID)
	if err != nil || read.Name != "Brand Y" {
		t.Fatalf("GetBrand = %+v, %v", read, err)
	}
	// Paged (page size 1) and filtered as a substring, ignoring case.
	all, err := c.ListBrands(ctx, cid, "")
	if err != nil || len(all) != 2 {
		t.Fatalf("ListBrands = %+v, %v; want 2 across pages", all, err)
	}
	if some, err := c.ListBrands(ctx, cid, "brand y"); err != nil || len(some) != 1 || some[0].ID != b.ID {
		t.Errorf("ListBrands(brand y) = %+v, %v", some, err)
	}

	if !e.ServiceTrade.RemoveBrand(b.ID) {
		t.Fatal("RemoveBrand found no brand")
	}
	if _, err := c.GetBrand(ctx, cid, b.ID); !api.IsNotFound(err) {
		t.Errorf("GetBrand after removal: %v; want not found", err)
	}
	if _, err := c.ListBrands(ctx, 999, ""); !api.IsNotFound(err) {
		t.Errorf("ListBrands of an unknown company: %v; want not found", err)
	}
}
