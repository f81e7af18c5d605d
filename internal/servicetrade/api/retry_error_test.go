package api_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// A read that keeps failing gives up after the configured number of
// attempts, and the error says how many were made and what the server last
// said, even when the body is not ServiceTrade's envelope.
func TestPersistentServerErrorSaysAttemptsAndLastMessage(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{})
	c, err := api.New(api.Config{
		BaseURL: base, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret,
		HTTP: transport.Config{Retry: transport.RetryPolicy{MaxAttempts: 3, MinDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r, err := c.CreateRegion(ctx, sampleRegion("persistent 503"))
	if err != nil {
		t.Fatal(err)
	}
	e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodGet, Path: "/region/", Status: http.StatusServiceUnavailable, Times: 1000})
	_, err = c.GetRegion(ctx, r.ID)
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("got %v, want a 503 *api.Error", err)
	}
	if apiErr.Attempts != 3 {
		t.Errorf("Attempts = %d, want 3", apiErr.Attempts)
	}
	if got := e.FaultsApplied(); got != 3 {
		t.Errorf("the emulator answered %d requests with the fault, want exactly 3 (the attempt limit)", got)
	}
	for _, w := range []string{"GET /region/", "503 Service Unavailable", "injected fault: Service Unavailable", "after 3 attempts"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not mention %q", err, w)
		}
	}
}

// What an error shows of the body: the envelope's messages when there are
// some, else the body itself (short), whatever its shape.
func TestErrorShowsWhatTheServerSaid(t *testing.T) {
	cases := []struct {
		name, contentType, body string
		want, notWant           []string
	}{
		{"envelope", "application/json", `{"messages":{"error":["Region is locked"]},"data":null}`,
			[]string{"409 Conflict: Region is locked"}, []string{`"messages"`}},
		{"gateway html", "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>",
			[]string{"<h1>502 Bad Gateway</h1>"}, nil},
		{"other json", "application/json", `{"message":"upstream timed out"}`,
			[]string{`{"message":"upstream timed out"}`}, nil},
		{"long text", "text/plain", strings.Repeat("x", 500),
			[]string{strings.Repeat("x", 200) + "…"}, []string{strings.Repeat("x", 201)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/oauth2/token" {
					w.Header().Set("Content-Type", "application/json")
					_, _ = w.Write([]byte(`{"access_token":"tok-1234567890","token_type":"Bearer","expires_in":3600}`))
					return
				}
				w.Header().Set("Content-Type", tc.contentType)
				w.WriteHeader(http.StatusConflict)
				_, _ = w.Write([]byte(tc.body))
			}))
			defer srv.Close()
			c := newClient(t, api.Config{BaseURL: srv.URL, ClientID: "id", ClientSecret: "secret"})
			_, err := c.GetRegion(context.Background(), 1)
			if err == nil {
				t.Fatal("no error for a 409")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(err.Error(), w) {
					t.Errorf("error %q contains %q", err, w)
				}
			}
		})
	}
}
