package api_test

import (
	"context"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestWarehouseCalls(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 1})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	active, err := c.ListWarehouses(ctx, api.WarehouseFilter{})
	if err != nil || len(active) != 1 || active[0].Name != emust.SeedWarehouses[0].Name || !active[0].Active() || active[0].Office == nil {
		t.Fatalf("ListWarehouses() = %+v, %v; want the one active seeded warehouse, with its office", active, err)
	}
	office := active[0].Office.ID
	all, err := c.ListAllWarehouses(ctx)
	if err != nil || len(all) != len(emust.SeedWarehouses) {
		t.Fatalf("ListAllWarehouses() = %d, %v", len(all), err)
	}

	w, err := c.CreateWarehouse(ctx, api.WarehouseInput{Name: "Van 12", OfficeID: api.Some(office)})
	if err != nil || w.Name != "Van 12" || w.Status != "active" || w.Office == nil || w.Office.ID != office || w.ID <= 1<<32 {
		t.Fatalf("CreateWarehouse = %+v, %v", w, err)
	}
	byOffice, err := c.ListWarehouses(ctx, api.WarehouseFilter{OfficeID: office})
	if err != nil || len(byOffice) != 2 {
		t.Fatalf("ListWarehouses(officeId) = %d, %v; want 2", len(byOffice), err)
	}
	u, err := c.UpdateWarehouse(ctx, w.ID, api.WarehouseInput{Name: "Van 14", OfficeID: api.Null[int64]()})
	if err != nil || u.Name != "Van 14" || u.Office != nil || u.Status != "active" {
		t.Fatalf("UpdateWarehouse = %+v, %v", u, err)
	}
	if err := c.DeactivateWarehouse(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetWarehouse(ctx, w.ID)
	if err != nil || got.Active() || got.Name != "Van 14" {
		t.Fatalf("GetWarehouse after deactivating = %+v, %v", got, err)
	}
	inactive, err := c.ListWarehouses(ctx, api.WarehouseFilter{Status: api.WarehouseInactive})
	if err != nil || len(inactive) != 2 {
		t.Fatalf("ListWarehouses(inactive) = %d, %v; want 2", len(inactive), err)
	}
	if _, err := c.CreateWarehouse(ctx, api.WarehouseInput{Name: "x", Status: "closed"}); err == nil || !strings.Contains(err.Error(), "400") {
		t.Errorf("CreateWarehouse(status closed) = %v, want a 400", err)
	}
	if _, err := c.GetWarehouse(ctx, 9999999); !api.IsNotFound(err) {
		t.Errorf("GetWarehouse(9999999) = %v, want not found", err)
	}
	if _, err := c.UpdateWarehouse(ctx, 9999999, api.WarehouseInput{Name: "x"}); !api.IsNotFound(err) {
		t.Errorf("UpdateWarehouse(9999999) = %v, want not found", err)
	}
}
