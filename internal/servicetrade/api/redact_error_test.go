package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport/transporttest"
)

// What an error shows of an answer passes through the client's redactor: a
// secret the server echoes (the client secret, the bearer token it issued)
// or a sensitive member of a broken JSON body never reaches a diagnostic.
func TestErrorsNeverShowSecretsTheServerEchoes(t *testing.T) {
	const secret, token = "echo-client-secret-4410", "echo-bearer-token-7781"
	cases := []struct{ name, contentType, body, hidden string }{
		{"envelope message", "application/json", `{"messages":{"error":["client secret ` + secret + ` is revoked"]},"data":null}`, secret},
		{"validation message", "application/json", `{"messages":{"validation":{"name":["token ` + token + ` may not edit it"]}},"data":null}`, token},
		{"other json", "application/json", `{"message":"denied","token":"` + token + `"}`, token},
		{"broken json, unknown value", "application/json", `{"message":"denied","session_token":"never-registered-5512`, "never-registered-5512"},
		{"html page", "text/html", `<html><body>Bearer ` + token + ` refused</body></html>`, token},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/oauth2/token" {
					_, _ = w.Write([]byte(`{"access_token":"` + token + `","token_type":"Bearer","expires_in":3600}`))
					return
				}
				w.Header().Set("Content-Type", tc.contentType)
				w.WriteHeader(http.StatusConflict)
				_, _ = w.Write([]byte(tc.body))
			}))
			defer srv.Close()
			c, err := api.New(api.Config{BaseURL: srv.URL, ClientID: "id", ClientSecret: secret,
				HTTP: transport.Config{Retry: transport.RetryPolicy{MaxAttempts: 1, MinDelay: time.Millisecond}}})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.GetRegion(context.Background(), 1)
			if err == nil {
				t.Fatal("no error for a 409")
			}
			if strings.Contains(err.Error(), tc.hidden) {
				t.Errorf("error %q shows %q", err, tc.hidden)
			}
			if !strings.Contains(err.Error(), transport.Redacted) {
				t.Errorf("error %q does not show where something was redacted", err)
			}
		})
	}
}

// A refused login or token request shows the server's messages, redacted:
// a server that echoes the password or client secret in its refusal does
// not put it in a diagnostic.
func TestLoginErrorsNeverShowTheEchoedCredential(t *testing.T) {
	const secret = "echoed-credential-3307"
	cases := []struct {
		name string
		cfg  api.Config
		path string
		body string
	}{
		{"oauth2", api.Config{ClientID: "id", ClientSecret: secret}, "/oauth2/token",
			`{"error":"invalid_client","error_description":"client secret ` + secret + ` is wrong"}`},
		{"session", api.Config{Username: "joe", Password: secret}, "/auth",
			`{"messages":{"error":["password ` + secret + ` does not match"]},"data":{"authenticated":false}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.BaseURL = transporttest.Answer(t, http.StatusForbidden, "application/json", tc.body)
			tc.cfg.HTTP = transport.Config{Retry: transport.RetryPolicy{MaxAttempts: 1, MinDelay: time.Millisecond}}
			c, err := api.New(tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.GetRegion(context.Background(), 1)
			if err == nil {
				t.Fatalf("no error for a refused login on %s", tc.path)
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error %q shows the credential", err)
			}
			if !strings.Contains(err.Error(), transport.Redacted) {
				t.Errorf("error %q does not show where something was redacted", err)
			}
		})
	}
}
