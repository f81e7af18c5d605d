package api_test

import (
	"context"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestLibItemsFiltersAndCapitalisedType(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	active := 0
	for _, it := range emust.SeedLibItems {
		if it.Active {
			active++
		}
	}
	all, err := c.ListLibItems(ctx, api.LibItemFilter{})
	if err != nil || len(all) != active {
		t.Fatalf("ListLibItems() = %d, %v; want the %d active items (the default)", len(all), err, active)
	}
	no := false
	inactive, err := c.ListLibItems(ctx, api.LibItemFilter{Active: &no})
	if err != nil || len(inactive) != len(emust.SeedLibItems)-active || len(inactive) == 0 || inactive[0].Active {
		t.Fatalf("ListLibItems(active=false) = %+v, %v", inactive, err)
	}
	flange, err := c.ListLibItems(ctx, api.LibItemFilter{Name: "zirconium"})
	if err != nil || len(flange) != 1 {
		t.Fatalf("ListLibItems(name=zirconium) = %+v, %v", flange, err)
	}
	f := flange[0]
	if f.Type != "Part" || !f.Type.Is("part") || !f.Type.Is("PART") || f.Type.Is("labor") || f.Type.Normalized() != "part" {
		t.Errorf("type %q: GET returns it capitalised and Is/Normalized ignore case", f.Type)
	}
	if f.ServiceLine == nil || f.ServiceLine.Abbr != "SUPP" || f.Cost == nil || *f.Cost != 18.75 || f.Company != nil || !f.Taxable || f.ID <= 1<<32 {
		t.Errorf("flange = %+v", f)
	}
	if !api.LibItemType("General Conditions").Is("general_conditions") {
		t.Error("multi-word types do not compare equal to their request form")
	}
	labor, err := c.ListLibItems(ctx, api.LibItemFilter{Name: "Inspection Labor"})
	if err != nil || len(labor) != 2 {
		t.Fatalf("ListLibItems(name=Inspection Labor) = %d, %v; want 2 (substring)", len(labor), err)
	}
	byCode, err := c.ListLibItems(ctx, api.LibItemFilter{Code: "personal"})
	if err != nil || len(byCode) != 1 || byCode[0].Code != "PERSONAL" || byCode[0].Cost != nil || byCode[0].ServiceLine != nil || !byCode[0].IsGeneric {
		t.Fatalf("ListLibItems(code=personal) = %+v, %v", byCode, err)
	}
	search, err := c.ListLibItems(ctx, api.LibItemFilter{Search: "bcap"})
	if err != nil || len(search) != 2 {
		t.Fatalf("ListLibItems(search=bcap) = %d, %v; want 2 (search matches codes)", len(search), err)
	}
	parts, err := c.ListLibItems(ctx, api.LibItemFilter{Type: "Part"})
	if err != nil || len(parts) != 3 {
		t.Fatalf("ListLibItems(type=Part) = %d, %v; want 3", len(parts), err)
	}
	got, err := c.GetLibItem(ctx, inactive[0].ID)
	if err != nil || got.Active || got.Name != inactive[0].Name {
		t.Fatalf("GetLibItem(inactive) = %+v, %v", got, err)
	}
	if _, err := c.GetLibItem(ctx, 9999999); !api.IsNotFound(err) {
		t.Errorf("GetLibItem(9999999) = %v, want not found", err)
	}
}
