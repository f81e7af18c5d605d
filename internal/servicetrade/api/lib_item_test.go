package api_test

import (
	"context"
	"errors"
	"strings"
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

func TestLibItemCreateUpdateDeactivate(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	lines, err := c.ListServiceLines(ctx, api.ServiceLineFilter{})
	if err != nil || len(lines) == 0 {
		t.Fatalf("ListServiceLines = %v, %v", lines, err)
	}
	taxable := false
	li, err := c.CreateLibItem(ctx, api.LibItemInput{
		Name: "Widget, Left-handed", Type: "part", Code: api.Some("WDGT-L"), Cost: api.Some(5.99),
		ServiceLineID: api.Some(lines[0].ID), Taxable: &taxable,
	})
	if err != nil {
		t.Fatal(err)
	}
	// The POST echo has the lowercase type; GETs capitalise it.
	if li.Type != "part" || li.Code != "WDGT-L" || li.Cost == nil || *li.Cost != 5.99 || !li.Active || li.Taxable ||
		li.ServiceLine == nil || li.ServiceLine.ID != lines[0].ID || li.Company != nil || li.ID <= 1<<32 || li.Created == 0 {
		t.Errorf("created = %+v", li)
	}
	got, err := c.GetLibItem(ctx, li.ID)
	if err != nil || got.Type != "Part" || !got.Type.Is(string(li.Type)) {
		t.Fatalf("GetLibItem = %+v, %v; want the capitalised type", got, err)
	}

	// Null clears the optional fields; the rest is left as it is.
	name, typ := "Widget", "general_conditions"
	up, err := c.UpdateLibItem(ctx, li.ID, api.LibItemUpdate{Name: &name, Type: &typ, Cost: api.Null[float64](), ServiceLineID: api.Null[int64](), Code: api.Null[string]()})
	if err != nil || up.Name != name || up.Cost != nil || up.ServiceLine != nil || up.Code != "" || !up.Type.Is(typ) || up.Taxable {
		t.Fatalf("UpdateLibItem = %+v, %v", up, err)
	}

	// A code already in use is refused with the API's message.
	_, err = c.CreateLibItem(ctx, api.LibItemInput{Name: "Copy", Type: "part", Code: api.Some("ccw-zf")})
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || len(apiErr.Validation["code"]) == 0 || !strings.Contains(err.Error(), "already in use") {
		t.Errorf("create with a taken code: %v; want a 400 with the API's code message", err)
	}

	// Deactivation hides it from the default list, not from the listing of
	// every item or from GET.
	code := "WDGT-2"
	if _, err := c.UpdateLibItem(ctx, li.ID, api.LibItemUpdate{Code: api.Some(code)}); err != nil {
		t.Fatal(err)
	}
	if err := c.DeactivateLibItem(ctx, li.ID); err != nil {
		t.Fatal(err)
	}
	if active, err := c.ListLibItems(ctx, api.LibItemFilter{Code: code}); err != nil || len(active) != 0 {
		t.Errorf("default list after deactivation = %+v, %v; want none", active, err)
	}
	all, err := c.ListAllLibItems(ctx, api.LibItemFilter{Code: code})
	if err != nil || len(all) != 1 || all[0].ID != li.ID || all[0].Active {
		t.Errorf("ListAllLibItems = %+v, %v; want the inactive item", all, err)
	}
	every, err := c.ListAllLibItems(ctx, api.LibItemFilter{})
	if err != nil || len(every) != len(emust.SeedLibItems)+1 {
		t.Errorf("ListAllLibItems() = %d items, %v; want the %d seeded and the new one", len(every), err, len(emust.SeedLibItems))
	}
	if got, err := c.GetLibItem(ctx, li.ID); err != nil || got.Active {
		t.Errorf("GetLibItem after deactivation = %+v, %v", got, err)
	}
	if err := c.DeactivateLibItem(ctx, 9999999); !api.IsNotFound(err) {
		t.Errorf("DeactivateLibItem(9999999) = %v, want not found", err)
	}
}
