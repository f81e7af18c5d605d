package emulator_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emukick "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

func client(t *testing.T, e *emulator.Emulator, attempts int) *stapi.Client {
	t.Helper()
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	c, err := stapi.New(stapi.Config{
		BaseURL: srv.URL + emulator.ServiceTradePrefix, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret,
		HTTP: transport.Config{Retry: transport.RetryPolicy{MaxAttempts: attempts, MinDelay: time.Millisecond, MaxDelay: time.Millisecond}, RequestTimeout: 2 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var points = []stapi.Point{{1, 1}, {2, 2}, {3, 1}}

func TestInjectedStatusesAreRetriedAway(t *testing.T) {
	e := emulator.New(emulator.Options{})
	c := client(t, e, 5)
	e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodGet, Path: "/region", Status: 429, RetryAfter: "0", Times: 2})
	e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodGet, Path: "/region", Status: 503, Times: 2})
	if _, err := c.ListRegions(context.Background(), stapi.RegionFilter{}); err != nil {
		t.Fatal(err)
	}
	if got := e.FaultsApplied(); got != 4 {
		t.Errorf("faults applied = %d, want 4", got)
	}
}

func TestExhaustedRetriesReportAttemptsAndTheLastAnswer(t *testing.T) {
	e := emulator.New(emulator.Options{})
	c := client(t, e, 3)
	e.Inject(emulator.Fault{Vendor: "servicetrade", Path: "/region", Status: 502, Times: 10})
	_, err := c.ListRegions(context.Background(), stapi.RegionFilter{})
	var apiErr *stapi.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 502 || apiErr.Attempts != 3 {
		t.Fatalf("err = %v; want the 502 after 3 attempts", err)
	}
}

func TestLostPostResponseLeavesTheObjectCreated(t *testing.T) {
	e := emulator.New(emulator.Options{})
	c := client(t, e, 5)
	ctx := context.Background()
	if _, err := c.ListRegions(ctx, stapi.RegionFilter{}); err != nil { // log in first
		t.Fatal(err)
	}
	e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodPost, Path: "/region", DropAfter: true})
	if _, err := c.CreateRegion(ctx, stapi.RegionInput{Name: "lost", Points: points}); err == nil {
		t.Fatal("the create succeeded although its response was dropped")
	}
	list, err := c.ListRegions(ctx, stapi.RegionFilter{Name: "lost"})
	if err != nil || len(list) != 1 {
		t.Fatalf("regions named lost: %d, %v; want exactly 1 (created once, never replayed)", len(list), err)
	}
}

func TestHangingRequestTimesOut(t *testing.T) {
	e := emulator.New(emulator.Options{})
	c := client(t, e, 1)
	e.Inject(emulator.Fault{Vendor: "servicetrade", Path: "/region", Hang: true})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.GetRegion(ctx, 1)
	var ae *transport.AttemptError
	if !errors.As(err, &ae) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v; want a per-attempt timeout", err)
	}
}

// rawLogin obtains a credential from the emulator without the typed client
// and returns the header that carries it.
func rawLogin(t *testing.T, base, flow string) (name, value string) {
	t.Helper()
	var body, path string
	if flow == "oauth2" {
		path, body = "/oauth2/token", `{"grant_type":"client_credentials","client_id":"`+emust.ClientID+`","client_secret":"`+emust.ClientSecret+`"}`
	} else {
		path, body = "/auth", `{"username":"`+emust.Username+`","password":"`+emust.Password+`"}`
	}
	resp, err := http.Post(base+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		AccessToken string `json:"access_token"`
		Data        struct {
			AuthToken string `json:"authToken"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s login: %d, %v", flow, resp.StatusCode, err)
	}
	if flow == "oauth2" {
		return "Authorization", "Bearer " + out.AccessToken
	}
	return "Cookie", "PHPSESSID=" + out.Data.AuthToken
}

func rawGet(t *testing.T, url, header, value string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if header != "" {
		req.Header.Set(header, value)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// An injected 401 ends the credential the request carried, as an expiry on
// the real API does: a client that retries with the same token or session
// is refused again, and must log in anew. The answer is ServiceTrade's error
// envelope.
func TestInjected401EndsTheServiceTradeCredential(t *testing.T) {
	for _, flow := range []string{"oauth2", "session"} {
		t.Run(flow, func(t *testing.T) {
			e := emulator.New(emulator.Options{})
			srv := httptest.NewServer(e)
			defer srv.Close()
			base := srv.URL + emulator.ServiceTradePrefix
			name, value := rawLogin(t, base, flow)
			if code, body, _ := rawGet(t, base+"/region", name, value); code != http.StatusOK {
				t.Fatalf("before the fault: %d %s", code, body)
			}
			e.Inject(emulator.Fault{Vendor: "servicetrade", Path: "/region", Status: http.StatusUnauthorized})
			code, body, h := rawGet(t, base+"/region", name, value)
			var env struct {
				Messages struct {
					Error []string `json:"error"`
				} `json:"messages"`
			}
			if code != http.StatusUnauthorized || json.Unmarshal([]byte(body), &env) != nil || len(env.Messages.Error) == 0 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
				t.Errorf("injected 401 answered %d %q; want 401 with {\"messages\":{\"error\":[…]}}", code, body)
			}
			if code, body, _ := rawGet(t, base+"/region", name, value); code != http.StatusUnauthorized {
				t.Errorf("the old credential still works after an injected 401: %d %s", code, body)
			}
			// A new login works.
			name, value = rawLogin(t, base, flow)
			if code, body, _ := rawGet(t, base+"/region", name, value); code != http.StatusOK {
				t.Errorf("after a new login: %d %s", code, body)
			}
		})
	}
}

// Every vendor answers an injected status in its own error format.
func TestInjectedStatusesUseTheVendorsErrorFormat(t *testing.T) {
	run, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	cases := []struct {
		vendor, url, contentType, want string
	}{
		{"servicetrade", run.ServiceTradeURL() + "/region", "application/json", `{"messages":{"error":["injected fault: Unauthorized"]}}`},
		{"kimoby", run.KimobyURL() + "/webhooks", "application/json", `{"message":"injected fault: Unauthorized"}`},
		{"kickserv", run.KickservURL() + "/" + emukick.Account + "/employees.xml", "application/xml", `<errors><error>injected fault: Unauthorized</error></errors>`},
	}
	for _, tc := range cases {
		run.Inject(emulator.Fault{Vendor: tc.vendor, Status: http.StatusUnauthorized})
		code, body, h := rawGet(t, tc.url, "", "")
		if code != http.StatusUnauthorized || !strings.HasPrefix(h.Get("Content-Type"), tc.contentType) || !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(body, "\n", ""), "  <", "<"), tc.want) {
			t.Errorf("%s: injected 401 answered %d %q (%s); want %s %s", tc.vendor, code, body, h.Get("Content-Type"), tc.contentType, tc.want)
		}
	}
}

// The standalone emulator's control endpoint expires every ServiceTrade
// credential, so that re-login can be tried by hand.
func TestControlEndpointExpiresCredentials(t *testing.T) {
	run, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	base := run.ServiceTradeURL()
	oauthH, oauthV := rawLogin(t, base, "oauth2")
	sessH, sessV := rawLogin(t, base, "session")
	resp, err := http.Post(run.URL+"/_emulator/servicetrade/expire-credentials", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("POST /_emulator/servicetrade/expire-credentials = %d, want 204", resp.StatusCode)
	}
	for _, c := range [][2]string{{oauthH, oauthV}, {sessH, sessV}} {
		if code, body, _ := rawGet(t, base+"/region", c[0], c[1]); code != http.StatusUnauthorized {
			t.Errorf("%s still accepted after expire-credentials: %d %s", c[0], code, body)
		}
	}
}

// Options.TokenTTL sets the lifetime of the OAuth2 tokens.
func TestTokenLifetimeOption(t *testing.T) {
	e := emulator.New(emulator.Options{TokenTTL: 90 * time.Second})
	srv := httptest.NewServer(e)
	defer srv.Close()
	resp, err := http.Post(srv.URL+emulator.ServiceTradePrefix+"/oauth2/token", "application/json",
		strings.NewReader(`{"grant_type":"client_credentials","client_id":"`+emust.ClientID+`","client_secret":"`+emust.ClientSecret+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		ExpiresIn int `json:"expires_in"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.ExpiresIn != 90 {
		t.Errorf("expires_in = %d (%v), want 90", tok.ExpiresIn, err)
	}
}

// SessionEnv names the username and password of the legacy session flow.
func TestSessionEnv(t *testing.T) {
	run, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	env := run.SessionEnv()
	if env["SERVICETRADE_USERNAME"] != emust.Username || env["SERVICETRADE_PASSWORD"] != emust.Password || env["SERVICETRADE_BASE_URL"] != run.ServiceTradeURL() {
		t.Errorf("SessionEnv() = %v", env)
	}
	// Env stays a single set of credentials: the provider warns when both are set.
	if _, both := run.Env()["SERVICETRADE_USERNAME"]; both {
		t.Error("Env() sets both ServiceTrade credential pairs")
	}
}
