package api_test

import (
	"context"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
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

// CreateUser sends every field and returns the user; UpdateUser cannot
// change the username; SetUserStatus keeps what a bare status PUT would
// reset; ListAllUsers lists inactive users too; the API's refusals carry
// its messages but never the password.
func TestCreateUpdateAndDeactivateUsers(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	home, err := c.ListUsers(ctx, api.UserFilter{})
	if err != nil || len(home) == 0 || home[0].Company == nil || home[0].Location == nil {
		t.Fatalf("ListUsers() = %+v, %v", home, err)
	}
	lines, err := c.ListServiceLines(ctx, api.ServiceLineFilter{})
	if err != nil || len(lines) == 0 {
		t.Fatalf("ListServiceLines() = %v, %v", lines, err)
	}
	in := api.UserInput{
		Username: "geordi", FirstName: "Geordi", LastName: "La Forge", Password: "tribbles123", Email: "geordi@example.com",
		CompanyID: home[0].Company.ID, LocationID: home[0].Location.ID, Status: api.UserActive, IsSales: true,
		Timezone: "Europe/Paris", Details: "Chief engineer", Phone: "555", ServiceLineIDs: []int64{lines[0].ID},
	}
	u, err := c.CreateUser(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if u.ID <= 1<<32 || u.Username != "geordi" || u.Name != "Geordi La Forge" || !u.IsSales || u.Timezone != "Europe/Paris" || u.Phone != "555" ||
		u.Details == nil || *u.Details != "Chief engineer" || len(u.ServiceLines) != 1 || u.Company.ID != in.CompanyID || u.Location.ID != in.LocationID || u.Created == 0 {
		t.Errorf("CreateUser() = %+v", u)
	}

	// A second user with the username (in another case) is refused, and
	// so is a bad password, without the password in the error.
	dup := in
	dup.Username = "GEORDI"
	if _, err := c.CreateUser(ctx, dup); transport.StatusOf(err) != 400 || !strings.Contains(err.Error(), "username must be unique") || strings.Contains(err.Error(), "tribbles123") {
		t.Errorf("CreateUser(taken username) = %v; want a 400 without the password", err)
	}
	weak := in
	weak.Username, weak.Password = "weak", "password"
	if _, err := c.CreateUser(ctx, weak); transport.StatusOf(err) != 400 || !strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), `"password"`) {
		t.Errorf("CreateUser(weak password) = %v; want a 400 that does not repeat it", err)
	}

	// UpdateUser never sends the username.
	up := in
	up.Username, up.FirstName, up.Password = "renamed", "Commander", ""
	got, err := c.UpdateUser(ctx, u.ID, up)
	if err != nil || got.Username != "geordi" || got.FirstName != "Commander" || !got.IsSales {
		t.Errorf("UpdateUser() = %+v, %v", got, err)
	}

	// SetUserStatus keeps the rest as it is.
	got, err = c.SetUserStatus(ctx, u.ID, api.UserInactive)
	if err != nil || got.Status != api.UserInactive || !got.IsSales || got.Timezone != "Europe/Paris" || len(got.ServiceLines) != 1 || got.FirstName != "Commander" {
		t.Errorf("SetUserStatus(inactive) = %+v, %v", got, err)
	}
	if _, err := c.SetUserStatus(ctx, 42, api.UserInactive); !api.IsNotFound(err) {
		t.Errorf("SetUserStatus(42) = %v, want not found", err)
	}
	all, err := c.ListAllUsers(ctx)
	found := false
	for _, x := range all {
		found = found || x.ID == u.ID
	}
	if err != nil || !found || len(all) != len(emust.SeedUsers)+1 {
		t.Errorf("ListAllUsers() = %d users (the new one: %v), %v; want every seeded user and the new one", len(all), found, err)
	}
}
