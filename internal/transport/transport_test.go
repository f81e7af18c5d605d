package transport

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// fastPolicy keeps retry tests quick; the waits are not asserted.
var fastPolicy = RetryPolicy{MaxAttempts: 4, MinDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}

// flaky answers the given statuses in turn, then 200.
func flaky(t *testing.T, statuses ...int) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i < len(statuses) {
			w.WriteHeader(statuses[i])
			return
		}
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestIdempotentRequestsRetryOn429And5xx(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		srv, n := flaky(t, 429, 500, 503)
		c := New(Config{Retry: fastPolicy})
		resp, err := c.Do(context.Background(), &Request{Method: method, URL: srv.URL})
		if err != nil || resp.StatusCode != 200 || resp.Attempts != 4 || n.Load() != 4 {
			t.Errorf("%s: resp=%+v err=%v sent=%d; want 200 after 4 attempts", method, resp, err, n.Load())
		}
	}
}

func TestPostIsNotRetriedAfterA5xx(t *testing.T) {
	srv, n := flaky(t, 502)
	c := New(Config{Retry: fastPolicy})
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{}`)})
	if err != nil || resp.StatusCode != 502 || n.Load() != 1 {
		t.Fatalf("resp=%+v err=%v sent=%d; want the 502 after a single attempt", resp, err, n.Load())
	}
}

func TestPostIsRetriedAfterA429(t *testing.T) {
	srv, n := flaky(t, 429, 429)
	c := New(Config{Retry: fastPolicy})
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{"a":1}`)})
	if err != nil || resp.StatusCode != 200 || n.Load() != 3 {
		t.Fatalf("resp=%+v err=%v sent=%d; want 200 on the third attempt", resp, err, n.Load())
	}
}

func TestRetriesAreBoundedAndTheLastAnswerIsReturned(t *testing.T) {
	srv, n := flaky(t, 503, 503, 503, 503, 503, 503)
	c := New(Config{Retry: fastPolicy})
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	if err != nil || resp.StatusCode != 503 || resp.Attempts != 4 || n.Load() != 4 {
		t.Fatalf("resp=%+v err=%v sent=%d; want the last 503 after exactly 4 attempts", resp, err, n.Load())
	}
}

func TestPostIsRetriedWhenTheConnectionNeverOpened(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens: every dial is refused
	c := New(Config{Retry: fastPolicy})
	_, err = c.Do(context.Background(), &Request{Method: http.MethodPost, URL: "http://" + addr + "/x", Body: []byte(`{}`)})
	var ae *AttemptError
	if !errors.As(err, &ae) || ae.Attempts != 4 || !strings.Contains(err.Error(), "after 4 attempt(s)") {
		t.Fatalf("err=%v; want an AttemptError after 4 attempts", err)
	}
}

func TestPostIsNotRetriedWhenTheResponseWasLost(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		// The server acted, then the connection dropped before any answer.
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	}))
	defer srv.Close()
	c := New(Config{Retry: fastPolicy})
	_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{}`)})
	if err == nil || n.Load() != 1 {
		t.Fatalf("err=%v sent=%d; want a failure after one attempt (a lost POST response must not be replayed)", err, n.Load())
	}
}

func TestCancelledContextStopsRetrying(t *testing.T) {
	srv, _ := flaky(t, 503, 503, 503, 503)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := New(Config{Retry: RetryPolicy{MaxAttempts: 10, MinDelay: time.Hour}})
	_, err := c.Do(ctx, &Request{Method: http.MethodGet, URL: srv.URL})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err=%v; want context.Canceled", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := parseRetryAfter("7", now); got != 7*time.Second {
		t.Errorf("seconds form: %v", got)
	}
	if got := parseRetryAfter(now.Add(90*time.Second).Format(http.TimeFormat), now); got != 90*time.Second {
		t.Errorf("date form: %v", got)
	}
	if got := parseRetryAfter("soon", now); got != 0 {
		t.Errorf("garbage: %v", got)
	}
	p := RetryPolicy{MaxAttempts: 5, MinDelay: time.Millisecond, MaxDelay: time.Millisecond, MaxElapsed: time.Minute}.WithDefaults()
	if wait, ok := p.next(1, 0, 3*time.Second); !ok || wait != 3*time.Second {
		t.Errorf("Retry-After must replace the backoff: %v %v", wait, ok)
	}
	if _, ok := p.next(1, 58*time.Second, 3*time.Second); ok {
		t.Error("a wait beyond MaxElapsed must end the retries")
	}
	for attempt := 1; attempt < 5; attempt++ {
		if wait, ok := p.next(attempt, 0, 0); !ok || wait < p.MinDelay/2 || wait > p.MaxDelay {
			t.Errorf("attempt %d: backoff %v outside [%v, %v]", attempt, wait, p.MinDelay/2, p.MaxDelay)
		}
	}
}

func TestCheckCredentialURL(t *testing.T) {
	ok := []string{"https://api.servicetrade.com/api", "http://127.0.0.1:8787/x", "http://localhost/x", "http://[::1]:9/x"}
	bad := []string{"http://api.servicetrade.com/api", "http://10.0.0.1/x", "ftp://example.com", "https://", "api.example.com"}
	for _, u := range ok {
		if err := CheckCredentialURL(u); err != nil {
			t.Errorf("%s refused: %v", u, err)
		}
	}
	for _, u := range bad {
		if err := CheckCredentialURL(u); err == nil {
			t.Errorf("%s accepted", u)
		}
	}
}

func TestRedactor(t *testing.T) {
	r := NewRedactor("s3cr3t-value", "")
	cases := []struct{ ct, in, leak string }{
		{"application/json", `{"username":"u","password":"hunter22","nested":{"client_secret":"cs-1234"},"authToken":"tok-5678"}`, "hunter22|cs-1234|tok-5678"},
		{"application/json", `[{"authentication_key":"key-abcdef"}]`, "key-abcdef"},
		{"application/x-www-form-urlencoded", `grant_type=client_credentials&client_secret=form-secret`, "form-secret"},
		{"application/xml", `<employee><name>Jo</name><password>xml-pass</password><api-token>tok-xml</api-token></employee>`, "xml-pass|tok-xml"},
		{"text/plain", `the value s3cr3t-value appears in free text`, "s3cr3t-value"},
	}
	for _, tc := range cases {
		out := r.Body(tc.ct, []byte(tc.in))
		for _, leak := range strings.Split(tc.leak, "|") {
			if strings.Contains(out, leak) {
				t.Errorf("Body(%s) = %s; leaks %q", tc.ct, out, leak)
			}
		}
		if !strings.Contains(out, Redacted) {
			t.Errorf("Body(%s) = %s; nothing marked redacted", tc.ct, out)
		}
	}
	h := r.Headers(http.Header{"Authorization": {"Bearer abc"}, "Cookie": {"PHPSESSID=zzz"}, "Set-Cookie": {"PHPSESSID=zzz"}, "Accept": {"application/json"}})
	if h["Authorization"] != Redacted || h["Cookie"] != Redacted || h["Set-Cookie"] != Redacted || h["Accept"] != "application/json" {
		t.Errorf("Headers = %v", h)
	}
	if u := r.URL("https://user:pw@example.com/x?api_key=k123&page=2"); strings.Contains(u, "pw@") || strings.Contains(u, "k123") || !strings.Contains(u, "page=2") {
		t.Errorf("URL = %s", u)
	}
}

// Nothing secret reaches the logs, at trace level, in headers or bodies.
func TestLogsAreRedacted(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "PHPSESSID", Value: "session-from-server"})
		_, _ = w.Write([]byte(`{"data":{"authToken":"session-from-server","access_token":"bearer-from-server"}}`))
	}))
	defer srv.Close()
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	c := New(Config{Subsystem: "test", Secrets: []string{"configured-password"}})
	h := http.Header{"Authorization": {"Bearer bearer-from-server"}, "Content-Type": {"application/json"}}
	_, err := c.Do(ctx, &Request{Method: http.MethodPost, URL: srv.URL, Header: h, Body: []byte(`{"username":"u","password":"configured-password"}`)})
	if err != nil {
		t.Fatal(err)
	}
	logs := buf.String()
	if !strings.Contains(logs, "API response detail") {
		t.Fatalf("trace logs were not captured: %s", logs)
	}
	for _, secret := range []string{"configured-password", "session-from-server", "bearer-from-server"} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs contain %q:\n%s", secret, logs)
		}
	}
}
