package e2e_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// Every provider process that logged in with a username and password closes
// its session (DELETE /auth) when Terraform is done with it, so that runs do
// not pile up towards ServiceTrade's limit of 200 sessions per user.
func TestSessionsAreClosedWhenTerraformFinishes(t *testing.T) {
	run := startEmulator(t, emulator.Options{})
	ws, logPath := loggedWorkspace(t, "debug")
	writeFile(t, filepath.Join(ws.dir, "main.tf"), fmt.Sprintf(`
terraform {
  required_providers {
    fieldservice = { source = "fieldservice/fieldservice" }
  }
}

provider "fieldservice" {
  servicetrade {
    base_url = %q
    username = %q
    password = %q
  }
}

resource "fieldservice_servicetrade_region" "r" {
  count  = 3
  name   = "logout-${count.index}"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]
}
`, run.ServiceTradeURL(), emust.Username, emust.Password))

	for _, args := range [][]string{
		{"apply", "-auto-approve", "-input=false"},
		{"plan", "-input=false"},
		{"destroy", "-auto-approve", "-input=false"},
	} {
		before := run.ServiceTrade.Stats().SessionsCreated
		ws.run(nil, args...)
		st := run.ServiceTrade.Stats()
		if st.SessionsCreated == before {
			t.Fatalf("terraform %s opened no session: the test proves nothing", args[0])
		}
		if st.OpenSessions != 0 {
			t.Errorf("after terraform %s: %d sessions still open (%d created, %d closed); want every one closed",
				args[0], st.OpenSessions, st.SessionsCreated, st.SessionsClosed)
		}
	}
	// The logout is logged where Terraform's provider logs go.
	logText, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logText), "closed ServiceTrade sessions at exit") {
		t.Error("the debug log does not record the logout")
	}
	for _, secret := range run.ServiceTrade.IssuedSecrets() {
		if strings.Contains(string(logText), secret) {
			t.Error("the debug log shows a session id")
		}
	}
}
