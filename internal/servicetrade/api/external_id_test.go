package api_test

import (
	"context"
	"errors"
	"maps"
	"strconv"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestExternalIDLifecycle(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	id := companyID(t, c, emust.SeedCustomerCompanies[1])
	system := emust.SeedExternalSystems[0]

	// Nothing yet: the empty array reads as no values, the single value as
	// not found.
	if all, err := c.ListExternalIDs(ctx, "company", id); err != nil || len(all) != 0 {
		t.Fatalf("ListExternalIDs = %v, %v; want none", all, err)
	}
	_, err := c.GetExternalID(ctx, "company", id, system)
	var none *api.NoExternalIDError
	if !api.IsNotFound(err) || !errors.As(err, &none) || err.Error() != `ServiceTrade company `+strconv.FormatInt(id, 10)+` has no external id in external system "peachtree"` {
		t.Fatalf("GetExternalID before create = %v; want not found, no value", err)
	}

	got, err := c.CreateExternalID(ctx, "company", id, system, "AB/CD 534")
	want := api.ExternalID{EntityType: "company", EntityID: id, SystemName: system, Value: "AB/CD 534"}
	if err != nil || *got != want {
		t.Fatalf("CreateExternalID = %+v, %v", got, err)
	}
	if got, err = c.GetExternalID(ctx, "company", id, system); err != nil || *got != want {
		t.Fatalf("GetExternalID = %+v, %v", got, err)
	}
	want.Value = "AB-CD535"
	if got, err = c.UpdateExternalID(ctx, "company", id, system, want.Value); err != nil || *got != want {
		t.Fatalf("UpdateExternalID = %+v, %v", got, err)
	}
	if all, err := c.ListExternalIDs(ctx, "company", id); err != nil || !maps.Equal(all, api.ExternalIDValues{system: want.Value}) {
		t.Fatalf("ListExternalIDs = %v, %v", all, err)
	}

	// The reverse look-up, with a value that needs escaping.
	ent, err := c.FindExternalIDEntity(ctx, "company", system, want.Value)
	if err != nil || ent.ID != id || ent.Name != emust.SeedCustomerCompanies[1] || ent.ExternalIDs[system] != want.Value {
		t.Fatalf("FindExternalIDEntity = %+v, %v", ent, err)
	}
	if _, err := c.FindExternalIDEntity(ctx, "company", system, "nope?&/x"); !api.IsNotFound(err) {
		t.Errorf("FindExternalIDEntity of an unknown value = %v, want not found", err)
	}

	// Remove: a PUT of "", after which the value is gone; removing again
	// is fine.
	for range 2 {
		if err := c.RemoveExternalID(ctx, "company", id, system); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.GetExternalID(ctx, "company", id, system); !api.IsNotFound(err) {
		t.Errorf("GetExternalID after remove = %v, want not found", err)
	}

	// Unknown entity and unknown system: 404s.
	if _, err := c.CreateExternalID(ctx, "company", 1, system, "x"); !api.IsNotFound(err) {
		t.Errorf("CreateExternalID on an unknown company = %v, want not found", err)
	}
	if err := c.RemoveExternalID(ctx, "company", id, "no_such_system"); !api.IsNotFound(err) {
		t.Errorf("RemoveExternalID in an unknown system = %v, want not found", err)
	}
	if _, err := c.ListExternalIDs(ctx, "company", 1); !api.IsNotFound(err) {
		t.Errorf("ListExternalIDs of an unknown company = %v, want not found", err)
	}
}

// A POST with an empty value is refused with the API's validation message.
func TestCreateExternalIDRefusesEmptyValue(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[1].cfg(base))
	_, err := c.CreateExternalID(context.Background(), "company", companyID(t, c, emust.VendorCompany), emust.SeedExternalSystems[1], "")
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || len(apiErr.Validation["value"]) == 0 {
		t.Errorf("CreateExternalID with no value = %v, want a 400 with a value validation message", err)
	}
}
