package transport

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport/transporttest"
)

// A redirect to another origin is never followed: not for a GET with an
// Authorization header, not for a POST whose body holds a password, not
// when the test injects its own http.Client. The trap at the other end
// receives nothing at all, and the error says where the server pointed and
// why the provider did not go there.
func TestRedirectToAnotherOriginIsRefused(t *testing.T) {
	const password = "redirect-pass-4471"
	for _, tc := range transporttest.RedirectCases {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			t.Run(tc.Name+"/"+method, func(t *testing.T) {
				origin, hc, trap := tc.Start(t, nil, nil)
				c := New(Config{Retry: fastPolicy, HTTPClient: hc, Secrets: []string{password}})
				req := &Request{Method: method, URL: origin + "/api/auth?page=2", Header: http.Header{"Authorization": {"Basic c2VjcmV0OnNlY3JldA=="}, "Cookie": {"PHPSESSID=sess-1234"}}}
				if method == http.MethodPost {
					req.Body = []byte(`{"username":"u","password":"` + password + `"}`)
				}
				resp, err := c.Do(context.Background(), req)
				if got := trap.Requests(); len(got) != 0 {
					t.Fatalf("the other origin received %d request(s) (%v); credentials seen: %v", len(got), got, trap.Leaks(password))
				}
				if err == nil {
					t.Fatalf("no error; got status %d", resp.StatusCode)
				}
				msg := err.Error()
				for _, want := range []string{"redirect", origin + "/api/auth", "/api/auth?page=2", "credentials are never sent", "another origin"} {
					if !strings.Contains(msg, want) {
						t.Errorf("error %q does not mention %q", msg, want)
					}
				}
				if strings.Contains(msg, password) {
					t.Errorf("error %q shows the password", msg)
				}
				if OutcomeUnknown(err) {
					t.Errorf("OutcomeUnknown(%v) = true; a %d says the request was not acted on", err, tc.Status)
				}
			})
		}
	}
}

// The refused redirect is final: the request is not repeated as if the
// failure were transient.
func TestRefusedRedirectIsNotRetried(t *testing.T) {
	trap := transporttest.NewTrap(t)
	srv, n := server(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, trap.URL+r.URL.Path, http.StatusTemporaryRedirect)
	})
	c := New(Config{Retry: fastPolicy})
	if _, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL + "/x"}); err == nil {
		t.Fatal("no error")
	}
	if n.Load() != 1 {
		t.Errorf("the origin was asked %d times, want once", n.Load())
	}
}

// A redirect within the origin (same scheme, host and port) is followed:
// credentials stay with the server they were meant for.
func TestRedirectWithinTheOriginIsFollowed(t *testing.T) {
	var auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusPermanentRedirect)
			return
		}
		auth = r.Header.Get("Authorization")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	defer srv.Close()
	c := New(Config{Retry: fastPolicy})
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodPost, URL: srv.URL + "/old", Header: http.Header{"Authorization": {"Basic abc"}}, Body: []byte(`{}`)})
	if err != nil || resp.StatusCode != 200 || auth != "Basic abc" {
		t.Fatalf("resp=%+v err=%v auth=%q; want 200 from /new with the credentials", resp, err, auth)
	}
}

// A redirect that changes only the spelling of the origin (default port
// written out, host in capitals) is within the origin.
func TestSameOrigin(t *testing.T) {
	cases := []struct {
		a, b string
		same bool
	}{
		{"https://api.example.com/x", "https://API.example.com:443/y", true},
		{"http://127.0.0.1/x", "http://127.0.0.1:80/x", true},
		{"https://api.example.com/x", "http://api.example.com/x", false},
		{"https://api.example.com/x", "https://api.example.com:8443/x", false},
		{"https://api.example.com/x", "https://evil.example.com/x", false},
		{"http://127.0.0.1:8080/x", "http://127.0.0.1:8081/x", false},
	}
	for _, tc := range cases {
		a, _ := http.NewRequest(http.MethodGet, tc.a, nil)
		b, _ := http.NewRequest(http.MethodGet, tc.b, nil)
		if got := sameOrigin(a.URL, b.URL); got != tc.same {
			t.Errorf("sameOrigin(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}
