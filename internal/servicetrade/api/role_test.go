package api_test

import (
	"context"
	"slices"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func roleNamed(t *testing.T, all []api.Role, name string) api.Role {
	t.Helper()
	i := slices.IndexFunc(all, func(r api.Role) bool { return r.Name == name })
	if i < 0 {
		t.Fatalf("no role %q in %+v", name, all)
	}
	return all[i]
}

func TestRolesListAndGet(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	all, err := c.ListRoles(ctx, api.RoleFilter{})
	if err != nil || len(all) != 5 {
		t.Fatalf("ListRoles = %d roles, %v; want the 5 seeded ones across pages", len(all), err)
	}
	tech := roleNamed(t, all, emust.DefaultRole)
	if !tech.Global || tech.ID <= 1<<32 || !slices.Contains(tech.Activities, "job.tech") || tech.Description != "Tech for a stand alone account" {
		t.Errorf("Account Tech = %+v", tech)
	}
	got, err := c.GetRole(ctx, tech.ID)
	if err != nil || got.Name != tech.Name || !slices.Equal(got.Activities, tech.Activities) || got.URI != tech.URI {
		t.Fatalf("GetRole = %+v, %v; want %+v", got, err, tech)
	}
	if _, err := c.GetRole(ctx, 987); !api.IsNotFound(err) {
		t.Errorf("GetRole(987) = %v, want not found", err)
	}
}

func TestUserRoleAssignAndRevoke(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	users, err := c.ListUsers(ctx, api.UserFilter{Name: "ttech"})
	if err != nil || len(users) != 1 {
		t.Fatalf("ListUsers(ttech) = %+v, %v", users, err)
	}
	uid := users[0].ID
	all, err := c.ListRoles(ctx, api.RoleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	tech, manager := roleNamed(t, all, emust.DefaultRole), roleNamed(t, all, emust.ManagerRole)

	// A user holds the default role.
	held, err := c.ListUserRoles(ctx, uid)
	if err != nil || len(held) != 1 || held[0].ID != tech.ID {
		t.Fatalf("ListUserRoles = %+v, %v; want the default role", held, err)
	}
	if byFilter, err := c.ListRoles(ctx, api.RoleFilter{UserID: uid}); err != nil || len(byFilter) != 1 || byFilter[0].ID != tech.ID {
		t.Errorf("ListRoles(userId) = %+v, %v", byFilter, err)
	}
	if _, err := c.GetUserRole(ctx, uid, manager.ID); !api.IsNotFound(err) {
		t.Errorf("GetUserRole(not held) = %v, want not found", err)
	}

	if err := c.AssignUserRole(ctx, uid, manager.ID); err != nil {
		t.Fatalf("AssignUserRole = %v", err)
	}
	ur, err := c.GetUserRole(ctx, uid, manager.ID)
	if err != nil || ur.UserID != uid || ur.Role.Name != emust.ManagerRole {
		t.Fatalf("GetUserRole = %+v, %v", ur, err)
	}
	// The emulator refuses a second assignment and an unknown role with a
	// 400 "invalid role"; an unknown user is a 404.
	if err := c.AssignUserRole(ctx, uid, manager.ID); !api.IsInvalidRole(err) {
		t.Errorf("AssignUserRole(again) = %v, want 400", err)
	}
	if err := c.AssignUserRole(ctx, uid, 987); !api.IsInvalidRole(err) {
		t.Errorf("AssignUserRole(unknown role) = %v, want 400", err)
	}
	if err := c.AssignUserRole(ctx, 42, manager.ID); !api.IsNotFound(err) {
		t.Errorf("AssignUserRole(unknown user) = %v, want not found", err)
	}
	if _, err := c.ListUserRoles(ctx, 42); !api.IsNotFound(err) {
		t.Errorf("ListUserRoles(unknown user) = %v, want not found", err)
	}
	if _, err := c.GetUserRole(ctx, 42, manager.ID); !api.IsNotFound(err) {
		t.Errorf("GetUserRole(unknown user) = %v, want not found", err)
	}

	if err := c.RevokeUserRole(ctx, uid, manager.ID); err != nil {
		t.Fatalf("RevokeUserRole = %v", err)
	}
	if err := c.RevokeUserRole(ctx, uid, manager.ID); !api.IsInvalidRole(err) {
		t.Errorf("RevokeUserRole(again) = %v, want 400", err)
	}
	if err := c.RevokeUserRole(ctx, 42, manager.ID); !api.IsNotFound(err) {
		t.Errorf("RevokeUserRole(unknown user) = %v, want not found", err)
	}
	if held, err := c.ListUserRoles(ctx, uid); err != nil || len(held) != 1 || held[0].ID != tech.ID {
		t.Errorf("ListUserRoles after revoke = %+v, %v", held, err)
	}
}
