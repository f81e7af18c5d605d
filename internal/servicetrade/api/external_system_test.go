package api_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestExternalSystemLifecycle(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{PageSize: 1})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()

	// The bare-array list, never paged even with a page size of 1.
	seeded, err := c.ListExternalSystems(ctx)
	if err != nil || len(seeded) != len(emust.SeedExternalSystems) {
		t.Fatalf("ListExternalSystems = %+v, %v; want the %d seeded systems", seeded, err, len(emust.SeedExternalSystems))
	}
	if seeded[1].Name != "timberline" || !slices.Equal(seeded[1].SyncableTypes, []string{"invoice"}) || seeded[1].Created != 1555970758 {
		t.Errorf("seeded timberline = %+v", seeded[1])
	}

	es, err := c.CreateExternalSystem(ctx, api.ExternalSystemInput{Name: "test", Label: "system test"})
	if err != nil {
		t.Fatal(err)
	}
	if es.ID <= 1<<32 || es.Type != "standard" || es.SyncableTypes == nil || len(es.SyncableTypes) != 0 || es.Created == 0 || es.Updated != es.Created {
		t.Errorf("created system = %+v; want type standard, syncableTypes [], created = updated", es)
	}

	label := "Custom Accounting System 3000"
	types := []string{"invoice"}
	got, err := c.UpdateExternalSystem(ctx, es.ID, api.ExternalSystemUpdate{Label: &label, SyncableTypes: &types})
	if err != nil || got.Label != label || !slices.Equal(got.SyncableTypes, types) || got.Name != "test" || got.Created != es.Created {
		t.Fatalf("UpdateExternalSystem = %+v, %v", got, err)
	}
	if got.Updated <= es.Updated {
		t.Errorf("updated = %d after PUT, was %d: want it to move forward", got.Updated, es.Updated)
	}
	// An empty set is sent as [] and clears the types.
	none := []string{}
	if got, err = c.UpdateExternalSystem(ctx, es.ID, api.ExternalSystemUpdate{SyncableTypes: &none}); err != nil || len(got.SyncableTypes) != 0 || got.Label != label {
		t.Fatalf("clearing syncableTypes = %+v, %v", got, err)
	}

	read, err := c.GetExternalSystem(ctx, es.ID)
	if err != nil || read.Label != label || read.Updated != got.Updated {
		t.Fatalf("GetExternalSystem = %+v, %v", read, err)
	}
	all, err := c.ListExternalSystems(ctx)
	if err != nil || len(all) != 3 || all[2].ID != es.ID {
		t.Fatalf("ListExternalSystems after create = %+v, %v", all, err)
	}

	if !e.ServiceTrade.RemoveExternalSystem(es.ID) {
		t.Fatal("RemoveExternalSystem found nothing")
	}
	if _, err := c.GetExternalSystem(ctx, es.ID); !api.IsNotFound(err) {
		t.Errorf("GetExternalSystem after removal: %v, want not found", err)
	}
}

func TestExternalSystemComputedTypesAndValidation(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	qb, err := c.CreateExternalSystem(ctx, api.ExternalSystemInput{Name: "qb", Type: "quickbooks", Label: "QuickBooks"})
	if err != nil || qb.Type != "quickbooks" || len(qb.SyncableTypes) == 0 {
		t.Fatalf("CreateExternalSystem(quickbooks) = %+v, %v; want server-computed syncableTypes", qb, err)
	}
	label := "QuickBooks Online"
	got, err := c.UpdateExternalSystem(ctx, qb.ID, api.ExternalSystemUpdate{Label: &label})
	if err != nil || got.Label != label || !slices.Equal(got.SyncableTypes, qb.SyncableTypes) {
		t.Fatalf("UpdateExternalSystem(label) = %+v, %v", got, err)
	}

	invoice := []string{"invoice"}
	bad := []struct {
		name  string
		in    api.ExternalSystemInput
		field string
	}{
		{"no name", api.ExternalSystemInput{Label: "x"}, "name"},
		{"no label", api.ExternalSystemInput{Name: "x"}, "label"},
		{"unknown type", api.ExternalSystemInput{Name: "x", Label: "x", Type: "sap"}, "type"},
		{"taken name", api.ExternalSystemInput{Name: "qb", Label: "x"}, "name"},
		{"syncable on quickbooks", api.ExternalSystemInput{Name: "y", Label: "y", Type: "quickbooks", SyncableTypes: &invoice}, "syncableTypes"},
	}
	for _, b := range bad {
		_, err := c.CreateExternalSystem(ctx, b.in)
		var apiErr *api.Error
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || len(apiErr.Validation[b.field]) == 0 {
			t.Errorf("%s: %v, want a 400 with a %s validation message", b.name, err, b.field)
		}
	}
	if _, err := c.UpdateExternalSystem(ctx, qb.ID, api.ExternalSystemUpdate{SyncableTypes: &invoice}); err == nil {
		t.Error("setting syncableTypes on a quickbooks system succeeded; want a 400")
	}
	if _, err := c.GetExternalSystem(ctx, 42); !api.IsNotFound(err) {
		t.Errorf("GetExternalSystem(42) = %v, want not found", err)
	}
}
