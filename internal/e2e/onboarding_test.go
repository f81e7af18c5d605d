package e2e_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// The "onboarding and offboarding staff" guide, run as written: two people
// are onboarded with their roles, the second plan is empty, and removing one
// person from the map deactivates that user and revokes the roles the
// configuration granted, with the warning that users cannot be deleted.
func TestOnboardingGuide(t *testing.T) {
	run := startEmulator(t, emulator.Options{})
	ws := emulatedWorkspace(t, run)
	guide := filepath.Join(moduleRoot(t), "examples", "guides", "onboarding")
	copyDir(t, guide, ws.dir)

	ws.run(nil, "apply", "-auto-approve", "-input=false")
	if out, code := ws.run([]int{0, 2}, "plan", "-detailed-exitcode", "-input=false"); code != 0 {
		t.Fatalf("the plan after onboarding is not empty:\n%s", out)
	}

	c := serviceTradeClient(t, run)
	ctx := context.Background()
	user := func(username string) stapi.User {
		t.Helper()
		all, err := c.ListAllUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range all {
			if u.Username == username {
				return u
			}
		}
		t.Fatalf("no user %q in ServiceTrade", username)
		return stapi.User{}
	}
	roleNames := func(u stapi.User) []string {
		t.Helper()
		roles, err := c.ListUserRoles(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range roles {
			names = append(names, r.Name)
		}
		return names
	}
	pchen := user("pchen")
	if pchen.Status != stapi.UserActive || !hasAll(roleNames(pchen), "Account Tech", "Account Manager") {
		t.Fatalf("pchen after onboarding: status %q, roles %v", pchen.Status, roleNames(pchen))
	}

	// Offboard pchen: remove the entry (and the password) from the tfvars.
	varsPath := filepath.Join(ws.dir, "terraform.tfvars")
	vars, err := os.ReadFile(varsPath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(vars)
	start := strings.Index(text, `  "pchen" = {`)
	end := strings.Index(text[start:], "\n  }\n") + start + len("\n  }\n")
	text = text[:start] + text[end:]
	text = strings.Replace(text, `  "pchen"  = "Welcome-2026-pc"`+"\n", "", 1)
	if strings.Contains(text, "pchen") {
		t.Fatalf("could not remove pchen from the guide's terraform.tfvars:\n%s", text)
	}
	writeFile(t, varsPath, text)

	out, _ := ws.run(nil, "apply", "-auto-approve", "-input=false")
	if !strings.Contains(out, "3 destroyed") || !strings.Contains(out, "inactive") {
		t.Fatalf("offboarding did not destroy pchen's user and two grants with the deactivation warning:\n%s", out)
	}
	pchen = user("pchen")
	if pchen.Status != stapi.UserInactive {
		t.Fatalf("pchen after offboarding: status %q, want inactive", pchen.Status)
	}
	if names := roleNames(pchen); hasAny(names, "Account Tech", "Account Manager") {
		t.Fatalf("pchen still holds roles the configuration granted: %v", names)
	}
	if jsmith := user("jsmith"); jsmith.Status != stapi.UserActive || !hasAll(roleNames(jsmith), "Account Tech") {
		t.Fatalf("jsmith changed when pchen was offboarded: status %q, roles %v", jsmith.Status, roleNames(jsmith))
	}
	if out, code := ws.run([]int{0, 2}, "plan", "-detailed-exitcode", "-input=false"); code != 0 {
		t.Fatalf("the plan after offboarding is not empty:\n%s", out)
	}
}

func hasAll(list []string, want ...string) bool {
	for _, w := range want {
		if !hasAny(list, w) {
			return false
		}
	}
	return true
}

func hasAny(list []string, want ...string) bool {
	for _, l := range list {
		for _, w := range want {
			if l == w {
				return true
			}
		}
	}
	return false
}
