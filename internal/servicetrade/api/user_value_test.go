package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestUserValueLifecycle(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 1})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()

	users, err := c.ListUsers(ctx, api.UserFilter{Name: "ttech"})
	if err != nil || len(users) != 1 {
		t.Fatalf("ListUsers = %v, %v", users, err)
	}
	uid := users[0].ID
	me, err := c.ListUsers(ctx, api.UserFilter{Name: emust.Username})
	if err != nil || len(me) == 0 {
		t.Fatalf("ListUsers(%s) = %v, %v", emust.Username, me, err)
	}

	// The seeded values, across pages (page size 1), read-only ones
	// included.
	seeded, err := c.ListUserValues(ctx, me[0].ID)
	if err != nil || len(seeded) != 3 {
		t.Fatalf("ListUserValues = %+v, %v; want the 3 seeded values", seeded, err)
	}
	if got, err := c.FindUserValue(ctx, me[0].ID, "lastLogin"); err != nil || string(got.Value) != emust.SeedLastLogin || got.UserID() != me[0].ID {
		t.Errorf("FindUserValue(lastLogin) = %+v, %v", got, err)
	}

	// None yet for the tech: not found, with its own error.
	_, err = c.FindUserValue(ctx, uid, "disableClock")
	var none *api.NoUserValueError
	if !api.IsNotFound(err) || !errors.As(err, &none) {
		t.Fatalf("FindUserValue before create: %v; want *NoUserValueError", err)
	}

	v, err := c.CreateUserValue(ctx, api.UserValueInput{UserID: uid, Name: "disableClock", Value: "1"})
	if err != nil {
		t.Fatal(err)
	}
	if v.ID <= 1<<32 || v.Name != "disableClock" || v.Value != "1" || v.UserID() != uid || v.URI == "" {
		t.Errorf("created = %+v", v)
	}
	// A second POST of the name changes the same value.
	again, err := c.CreateUserValue(ctx, api.UserValueInput{UserID: uid, Name: "disableClock", Value: "0"})
	if err != nil || again.ID != v.ID || again.Value != "0" {
		t.Errorf("second CreateUserValue = %+v, %v; want value %d changed", again, err, v.ID)
	}

	got, err := c.UpdateUserValue(ctx, uid, v.ID, "1")
	if err != nil || got.Value != "1" || got.ID != v.ID {
		t.Fatalf("UpdateUserValue = %+v, %v", got, err)
	}
	if read, err := c.GetUserValue(ctx, uid, v.ID); err != nil || read.Value != "1" || read.Name != "disableClock" {
		t.Errorf("GetUserValue = %+v, %v", read, err)
	}
	if found, err := c.FindUserValue(ctx, uid, "disableClock"); err != nil || found.ID != v.ID {
		t.Errorf("FindUserValue = %+v, %v", found, err)
	}

	// A read-only name is refused by ServiceTrade.
	if _, err := c.CreateUserValue(ctx, api.UserValueInput{UserID: uid, Name: "lastLogin", Value: "x"}); err == nil || api.IsNotFound(err) {
		t.Errorf("CreateUserValue(lastLogin) = %v; want a 400", err)
	}

	if err := c.DeleteUserValue(ctx, uid, v.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetUserValue(ctx, uid, v.ID); !api.IsNotFound(err) {
		t.Errorf("GetUserValue after delete: %v; want not found", err)
	}
	if err := c.DeleteUserValue(ctx, uid, v.ID); !api.IsNotFound(err) {
		t.Errorf("second DeleteUserValue: %v; want not found", err)
	}
	if _, err := c.ListUserValues(ctx, 999); !api.IsNotFound(err) {
		t.Errorf("ListUserValues of an unknown user: %v; want not found", err)
	}
	if _, err := c.FindUserValue(ctx, 999, "disableClock"); !api.IsNotFound(err) || errors.As(err, &none) {
		t.Errorf("FindUserValue of an unknown user: %v; want the API's 404", err)
	}
}

// Values are documented as strings; a number is read as its text and null
// as empty, so that an answer of another shape still decodes.
func TestUserValueTextDecoding(t *testing.T) {
	for raw, want := range map[string]string{`"0"`: "0", `1`: "1", `1.50`: "1.50", `null`: "", `"{\"a\":1}"`: `{"a":1}`} {
		var v struct {
			Value api.UserValueText `json:"value"`
		}
		if err := json.Unmarshal([]byte(`{"value":`+raw+`}`), &v); err != nil || string(v.Value) != want {
			t.Errorf("value %s = %q, %v; want %q", raw, v.Value, err, want)
		}
	}
	var v struct {
		Value api.UserValueText `json:"value"`
	}
	if err := json.Unmarshal([]byte(`{"value":{"a":1}}`), &v); err == nil {
		t.Errorf("an object value decoded as %q; want an error", v.Value)
	}
}
