package e2e_test

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emukick "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	emukim "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

const (
	employeePassword = "E2e-Employee-Passw0rd-7731"
	userPassword     = "E2e-User-Passw0rd-4419"
)

// An apply, a plan and a destroy of objects of every vendor, with both
// ServiceTrade auth flows, logged at TF_LOG=trace, leave no secret in the
// log or in Terraform's output: no password, client secret, API key or
// secret, API token, session cookie, bearer token or Kimoby key, and no
// password of a user or employee the configuration manages.
func TestSecretsNeverReachTheLogs(t *testing.T) {
	run := startEmulator(t, emulator.Options{})
	ws, logPath := loggedWorkspace(t, "trace")
	writeFile(t, filepath.Join(ws.dir, "main.tf"), fmt.Sprintf(`
terraform {
  required_providers {
    fieldservice = { source = "fieldservice/fieldservice" }
  }
}

provider "fieldservice" {
  servicetrade {
    base_url      = %[1]q
    client_id     = %[2]q
    client_secret = %[3]q
  }
  kimoby {
    base_url   = %[4]q
    api_key    = %[5]q
    api_secret = %[6]q
  }
  kickserv {
    base_url  = %[7]q
    account   = %[8]q
    api_token = %[9]q
  }
}

provider "fieldservice" {
  alias = "session"
  servicetrade {
    base_url = %[1]q
    username = %[10]q
    password = %[11]q
  }
}

locals {
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]
}

resource "fieldservice_servicetrade_region" "oauth" {
  name   = "secrets-oauth"
  points = local.points
}

resource "fieldservice_servicetrade_region" "session" {
  provider = fieldservice.session
  name     = "secrets-session"
  points   = local.points
}

resource "fieldservice_kimoby_webhook" "hook" {
  url = "https://receiver.example.com/kimoby"
}

resource "fieldservice_kickserv_employee" "tech" {
  name      = "Secret Keeper"
  username  = "secret.keeper"
  can_login = true
  password  = %[12]q
}

data "fieldservice_servicetrade_company" "own" {
  name = %[13]q
}

data "fieldservice_servicetrade_location" "office" {
  name        = %[14]q
  office_only = true
}

resource "fieldservice_servicetrade_user" "staff" {
  username    = "secret.staff"
  first_name  = "Secret"
  last_name   = "Staff"
  email       = "secret.staff@example.com"
  company_id  = data.fieldservice_servicetrade_company.own.id
  location_id = data.fieldservice_servicetrade_location.office.id
  password    = %[15]q
}

output "webhook_key" {
  value     = fieldservice_kimoby_webhook.hook.authentication_key
  sensitive = true
}
`, run.ServiceTradeURL(), emust.ClientID, emust.ClientSecret,
		run.KimobyURL(), emukim.APIKey, emukim.APISecret,
		run.KickservURL(), emukick.Account, emukick.APIToken,
		emust.Username, emust.Password, employeePassword,
		emust.VendorCompany, emust.SeedOffices[0], userPassword))

	var output strings.Builder
	for _, args := range [][]string{
		{"apply", "-auto-approve", "-input=false"},
		{"plan", "-detailed-exitcode", "-input=false"},
		{"destroy", "-auto-approve", "-input=false"},
	} {
		out, _ := ws.run(nil, args...)
		output.WriteString(out)
	}
	logBytes, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	logText := string(logBytes)
	// The test proves something only if the provider's own trace logs,
	// with request and response bodies, were captured.
	for _, want := range []string{"API request detail", "API response detail", "servicetrade", "kimoby", "kickserv"} {
		if !strings.Contains(logText, want) {
			t.Fatalf("the trace log has no %q: provider trace logging was not captured", want)
		}
	}

	secrets := map[string]string{
		"ServiceTrade client secret": emust.ClientSecret,
		"ServiceTrade password":      emust.Password,
		"Kimoby API key":             emukim.APIKey,
		"Kimoby API secret":          emukim.APISecret,
		"Kimoby Basic credentials":   base64.StdEncoding.EncodeToString([]byte(emukim.APIKey + ":" + emukim.APISecret)),
		"Kickserv API token":         emukick.APIToken,
		"Kickserv Basic credentials": base64.StdEncoding.EncodeToString([]byte(emukick.APIToken + ":" + emukick.APIToken)),
		"Kickserv employee password": employeePassword,
		"ServiceTrade user password": userPassword,
	}
	for i, s := range run.ServiceTrade.IssuedSecrets() {
		secrets[fmt.Sprintf("ServiceTrade session or token #%d", i+1)] = s
	}
	for i, s := range run.Kimoby.IssuedSecrets() {
		secrets[fmt.Sprintf("Kimoby authentication key #%d", i+1)] = s
	}
	st := run.ServiceTrade.Stats()
	if st.TokensIssued == 0 || st.SessionsCreated == 0 || len(run.Kimoby.IssuedSecrets()) == 0 {
		t.Fatalf("not every secret kind was exercised: %+v, %d Kimoby keys", st, len(run.Kimoby.IssuedSecrets()))
	}
	for name, secret := range secrets {
		if strings.Contains(logText, secret) {
			t.Errorf("the TF_LOG=trace log contains the %s", name)
		}
		if strings.Contains(output.String(), secret) {
			t.Errorf("Terraform's output contains the %s", name)
		}
	}
	t.Logf("checked %d secrets against %d bytes of trace log", len(secrets), len(logText))
}
