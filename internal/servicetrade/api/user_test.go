package api_test

import (
	"context"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestUsersDefaultToActiveAndMatchNameUsernameEmail(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	var active, inactive []emust.SeedUser
	for _, u := range emust.SeedUsers {
		if u.Status == "active" {
			active = append(active, u)
		} else {
			inactive = append(inactive, u)
		}
	}
	if len(inactive) == 0 {
		t.Fatal("the seed has no inactive user")
	}
	all, err := c.ListUsers(ctx, api.UserFilter{})
	if err != nil || len(all) != len(active) {
		t.Fatalf("ListUsers() = %d users, %v; want the %d active ones only", len(all), err, len(active))
	}
	for _, u := range all {
		if u.Status != api.UserActive || u.ID <= 1<<32 {
			t.Errorf("listed user %+v", u)
		}
	}
	everyone, err := c.ListUsers(ctx, api.UserFilter{Statuses: []string{api.UserActive, api.UserPending, api.UserInactive}})
	if err != nil || len(everyone) != len(emust.SeedUsers) {
		t.Fatalf("ListUsers(all statuses) = %d, %v; want %d", len(everyone), err, len(emust.SeedUsers))
	}
	gone, err := c.ListUsers(ctx, api.UserFilter{Name: inactive[0].Username})
	if err != nil || len(gone) != 0 {
		t.Errorf("ListUsers(name=%s) = %+v, %v; want none: the user is inactive", inactive[0].Username, gone, err)
	}
	// The name filter also matches e-mail addresses, case-insensitively.
	crew, err := c.ListUsers(ctx, api.UserFilter{Name: "CREW@example"})
	if err != nil || len(crew) != 2 {
		t.Fatalf("ListUsers(name=CREW@example) = %d, %v; want the 2 users sharing %s", len(crew), err, emust.SharedUserEmail)
	}
	// A single GET returns inactive users too.
	var inactiveID int64
	for _, u := range everyone {
		if u.Username == inactive[0].Username {
			inactiveID = u.ID
		}
	}
	u, err := c.GetUser(ctx, inactiveID)
	if err != nil || u.Status != api.UserInactive || u.Location == nil || u.Company == nil || u.Name != inactive[0].FirstName+" "+inactive[0].LastName {
		t.Fatalf("GetUser(inactive) = %+v, %v", u, err)
	}
	if _, err := c.GetUser(ctx, 42); !api.IsNotFound(err) {
		t.Errorf("GetUser(42) = %v, want not found", err)
	}
	// Another company's users are not listed unless asked for.
	other, err := c.ListUsers(ctx, api.UserFilter{CompanyID: u.Company.ID + 1})
	if err != nil || len(other) != 0 {
		t.Errorf("ListUsers(companyId=other) = %d, %v; want 0", len(other), err)
	}
}
