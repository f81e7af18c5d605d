package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	emkimoby "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// The printed variables include both ServiceTrade credential pairs, the
// session one commented out so that the export lines still set one pair.
func TestPrintsBothServiceTradeCredentialPairs(t *testing.T) {
	var out bytes.Buffer
	envFile := filepath.Join(t.TempDir(), "env")
	run, err := start([]string{"--addr", "127.0.0.1:0", "--env-file", envFile}, &out)
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	written, err := os.ReadFile(envFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{out.String(), string(written)} {
		for _, want := range []string{
			`export SERVICETRADE_CLIENT_ID="` + emust.ClientID + `"`,
			`export SERVICETRADE_CLIENT_SECRET="` + emust.ClientSecret + `"`,
			`# export SERVICETRADE_USERNAME="` + emust.Username + `"`,
			`# export SERVICETRADE_PASSWORD="` + emust.Password + `"`,
		} {
			if !strings.Contains(text, want) {
				t.Errorf("output lacks %q:\n%s", want, text)
			}
		}
	}
	if !strings.Contains(out.String(), "/_emulator/servicetrade/expire-credentials") {
		t.Errorf("output does not say how to expire credentials:\n%s", out.String())
	}
}

// --token-lifetime sets the lifetime the token endpoint announces.
func TestTokenLifetimeFlag(t *testing.T) {
	run, err := start([]string{"--addr", "127.0.0.1:0", "--token-lifetime", "2m"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	resp, err := http.Post(run.ServiceTradeURL()+"/oauth2/token", "application/json",
		strings.NewReader(`{"grant_type":"client_credentials","client_id":"`+emust.ClientID+`","client_secret":"`+emust.ClientSecret+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		ExpiresIn int `json:"expires_in"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.ExpiresIn != 120 {
		t.Errorf("expires_in = %d (%v), want 120", tok.ExpiresIn, err)
	}
}

func TestTokenLifetimeFlagRefusesLessThanASecond(t *testing.T) {
	if _, err := start([]string{"--addr", "127.0.0.1:0", "--token-lifetime", "500ms"}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "--token-lifetime") {
		t.Errorf("err = %v, want a refusal naming --token-lifetime", err)
	}
}

// --kimoby-webhook-list selects how GET /webhooks treats paging, and an
// unknown mode is refused naming the flag.
func TestKimobyWebhookListFlag(t *testing.T) {
	run, err := start([]string{"--addr", "127.0.0.1:0", "--kimoby-webhook-list", "unpaged"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	if got := run.Kimoby.WebhookListMode(); got != emkimoby.WebhookListUnpaged {
		t.Errorf("list mode = %s, want unpaged", got)
	}
	if _, err := start([]string{"--addr", "127.0.0.1:0", "--kimoby-webhook-list", "sometimes"}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "--kimoby-webhook-list") {
		t.Errorf("err = %v, want a refusal naming --kimoby-webhook-list", err)
	}
}
