package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport/transporttest"
)

const (
	rdClientSecret = "rd-client-secret-5521"
	rdPassword     = "rd-password-8812"
	rdToken        = "rd-bearer-token-3390"
	rdSession      = "rd-session-id-7741"
)

// rdIssuer answers the token and login requests of a ServiceTrade base URL
// at /api, and 404 to anything else.
var rdIssuer = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/api/oauth2/token":
		_, _ = w.Write([]byte(`{"access_token":"` + rdToken + `","token_type":"Bearer","expires_in":3600}`))
	case r.Method == http.MethodPost && r.URL.Path == "/api/auth":
		_, _ = w.Write([]byte(`{"messages":{"success":["ok"]},"data":{"authenticated":true,"authToken":"` + rdSession + `"}}`))
	default:
		http.NotFound(w, r)
	}
})

func rdPath(suffix string) func(*http.Request) bool {
	return func(r *http.Request) bool { return strings.HasSuffix(r.URL.Path, suffix) }
}

// No ServiceTrade credential follows a redirect to another origin: not the
// client secret of the OAuth2 token request, not the password of the
// legacy login, not the bearer token or session cookie of an authenticated
// GET. The server at the other end receives nothing, and the error says
// where the redirect pointed and that credentials are never sent elsewhere.
func TestCredentialsNeverFollowARedirect(t *testing.T) {
	oauth := api.Config{ClientID: "rd-client", ClientSecret: rdClientSecret}
	session := api.Config{Username: "rd-user", Password: rdPassword}
	requests := []struct {
		name  string
		cfg   api.Config
		match func(*http.Request) bool
	}{
		{"OAuth2 token request", oauth, rdPath("/oauth2/token")},
		{"session login POST /auth", session, rdPath("/auth")},
		{"GET with a bearer token", oauth, rdPath("/region/1")},
		{"GET with a session cookie", session, rdPath("/region/1")},
	}
	for _, rq := range requests {
		for _, tc := range transporttest.RedirectCases {
			t.Run(rq.name+"/"+tc.Name, func(t *testing.T) {
				origin, hc, trap := tc.Start(t, rq.match, rdIssuer)
				cfg := rq.cfg
				cfg.BaseURL = origin + "/api"
				cfg.HTTP = transport.Config{HTTPClient: hc, Retry: transport.RetryPolicy{MinDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}}
				c, err := api.New(cfg)
				if err != nil {
					t.Fatal(err)
				}
				_, err = c.GetRegion(context.Background(), 1)
				if got := trap.Requests(); len(got) != 0 {
					t.Fatalf("the other origin received %d request(s); credentials among them: %v", len(got), trap.Leaks(rdClientSecret, rdPassword, rdToken, rdSession))
				}
				if err == nil {
					t.Fatal("no error")
				}
				for _, want := range []string{"redirect", "credentials are never sent", "another origin", strings.TrimPrefix(origin, "https://")} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q does not mention %q", err, want)
					}
				}
				for _, secret := range []string{rdClientSecret, rdPassword, rdToken, rdSession} {
					if strings.Contains(err.Error(), secret) {
						t.Errorf("error %q shows a secret", err)
					}
				}
			})
		}
	}
}
