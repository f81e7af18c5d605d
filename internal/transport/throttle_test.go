package transport

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"
)

// 429 is not a failure: throttling answers are waited out until the
// elapsed budget runs out, however many there are; the attempt limit is
// for failures.
func TestThrottlingIsRetriedUntilTheElapsedBudgetRunsOut(t *testing.T) {
	statuses := make([]int, 12)
	for i := range statuses {
		statuses[i] = http.StatusTooManyRequests
	}
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		srv, n := flaky(t, statuses...)
		c := New(Config{Retry: RetryPolicy{MaxAttempts: 2, MinDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond, MaxElapsed: 10 * time.Second}})
		resp, err := c.Do(context.Background(), &Request{Method: method, URL: srv.URL, Body: []byte(`{}`)})
		if err != nil || resp.StatusCode != 200 || n.Load() != 13 {
			t.Errorf("%s: resp=%+v err=%v sent=%d; want 200 after 12 throttled answers and a 13th attempt", method, resp, err, n.Load())
		}
	}
}

// Failures keep their attempt limit, throttling or not before them.
func TestFailuresAfterThrottlingKeepTheAttemptLimit(t *testing.T) {
	srv, n := flaky(t, 429, 429, 429, 503, 503, 503, 503, 503)
	c := New(Config{Retry: RetryPolicy{MaxAttempts: 3, MinDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond, MaxElapsed: 10 * time.Second}})
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	if err != nil || resp.StatusCode != 503 || n.Load() != 6 {
		t.Fatalf("resp=%+v err=%v sent=%d; want the last 503 after 3 throttled answers and 3 failures", resp, err, n.Load())
	}
}

// A Retry-After beyond what is left of the budget ends the call at once
// with the 429, instead of sleeping past the budget.
func TestRetryAfterBeyondTheBudgetEndsTheCall(t *testing.T) {
	srv, n := server(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c := New(Config{Retry: RetryPolicy{MaxAttempts: 5, MinDelay: time.Millisecond, MaxElapsed: time.Minute}})
	start := time.Now()
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	if err != nil || resp.StatusCode != http.StatusTooManyRequests || n.Load() != 1 {
		t.Fatalf("resp=%+v err=%v sent=%d; want the 429 after one attempt", resp, err, n.Load())
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v: the call slept although the wait exceeded the budget", took)
	}
}

// Retry-After is honoured for throttling: the wait is the server's, not
// the (much shorter) backoff.
func TestThrottlingHonoursRetryAfter(t *testing.T) {
	var mu sync.Mutex
	var first time.Time
	var gap time.Duration
	srv, n := server(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if first.IsZero() {
			first = time.Now()
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		gap = time.Since(first)
	})
	c := New(Config{Retry: RetryPolicy{MaxAttempts: 1, MinDelay: time.Millisecond, MaxDelay: time.Millisecond, MaxElapsed: time.Minute}})
	resp, err := c.Do(context.Background(), &Request{Method: http.MethodGet, URL: srv.URL})
	if err != nil || resp.StatusCode != 200 || n.Load() != 2 {
		t.Fatalf("resp=%+v err=%v sent=%d; want 200 on the second attempt even with retry_max_attempts = 1", resp, err, n.Load())
	}
	mu.Lock()
	defer mu.Unlock()
	if gap < 900*time.Millisecond {
		t.Errorf("the second attempt came %v after the first; Retry-After said 1s", gap)
	}
}
