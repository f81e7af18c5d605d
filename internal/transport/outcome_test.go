package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// vendorError stands for a vendor client's error type: it carries the
// answer's status and reports gateway answers as of unknown outcome.
type vendorError struct{ status int }

func (e *vendorError) Error() string        { return fmt.Sprintf("vendor API returned %d", e.status) }
func (e *vendorError) OutcomeUnknown() bool { return StatusOutcomeUnknown(e.status) }

// server answers with h and counts the requests that reached it.
func server(t *testing.T, h func(w http.ResponseWriter, r *http.Request)) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		_, _ = io.ReadAll(r.Body) // the server has the whole request
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// dropAfterReading acts on nothing but closes the connection after reading
// the whole request: for the client, the answer is lost.
func dropAfterReading(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		_ = conn.Close()
	}
}

// holdUntilGone keeps the request unanswered until the client goes away.
func holdUntilGone(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

func post(url string) *Request {
	return &Request{Method: http.MethodPost, URL: url, Body: []byte(`{"name":"x"}`)}
}

func TestOutcomeUnknownWhenTheAnswerIsLostAfterSending(t *testing.T) {
	srv, n := server(t, dropAfterReading)
	c := New(Config{Retry: fastPolicy})
	_, err := c.Do(context.Background(), post(srv.URL))
	if err == nil || n.Load() != 1 {
		t.Fatalf("err=%v sent=%d; want a failure after exactly one send", err, n.Load())
	}
	if !OutcomeUnknown(err) {
		t.Errorf("OutcomeUnknown(%v) = false; the server read the whole POST, so it may have acted", err)
	}
	// Vendor clients wrap the error: the information survives wrapping.
	wrapped := fmt.Errorf("ServiceTrade API POST /region: %w", err)
	if !OutcomeUnknown(wrapped) {
		t.Errorf("OutcomeUnknown lost through %%w wrapping: %v", wrapped)
	}
	var ae *AttemptError
	if !errors.As(wrapped, &ae) || !ae.MayHaveActed || ae.Attempts != 1 {
		t.Errorf("errors.As(*AttemptError) = %+v; want MayHaveActed after 1 attempt", ae)
	}
	// Flattening loses it, which is why vendor clients must wrap.
	if OutcomeUnknown(errors.New(err.Error())) {
		t.Error("a flattened error cannot carry the outcome; OutcomeUnknown must be false for a plain error")
	}
}

func TestOutcomeUnknownWhenTheAttemptTimesOutAfterSending(t *testing.T) {
	srv, n := server(t, holdUntilGone)
	c := New(Config{Retry: fastPolicy, RequestTimeout: 50 * time.Millisecond})
	_, err := c.Do(context.Background(), post(srv.URL))
	if err == nil || n.Load() != 1 {
		t.Fatalf("err=%v sent=%d; want a timeout after exactly one send (a POST is not repeated)", err, n.Load())
	}
	if !OutcomeUnknown(err) {
		t.Errorf("OutcomeUnknown(%v) = false after a timeout awaiting the answer", err)
	}
}

func TestOutcomeUnknownWhenCancelledAfterSending(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	srv, n := server(t, func(w http.ResponseWriter, r *http.Request) {
		cancel() // the user interrupts while the server holds the request
		holdUntilGone(w, r)
	})
	c := New(Config{Retry: fastPolicy})
	_, err := c.Do(ctx, post(srv.URL))
	if !errors.Is(err, context.Canceled) || n.Load() != 1 {
		t.Fatalf("err=%v sent=%d; want context.Canceled after one send", err, n.Load())
	}
	if !OutcomeUnknown(err) {
		t.Errorf("OutcomeUnknown(%v) = false for a request cancelled after it was sent", err)
	}
}

func TestOutcomeKnownWhenNothingWasSent(t *testing.T) {
	// Cancelled before sending.
	srv, n := server(t, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusCreated) })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New(Config{Retry: fastPolicy}).Do(ctx, post(srv.URL))
	if err == nil || n.Load() != 0 {
		t.Fatalf("err=%v sent=%d; want a failure before anything was sent", err, n.Load())
	}
	if OutcomeUnknown(err) {
		t.Errorf("OutcomeUnknown(%v) = true for a request cancelled before it was sent", err)
	}

	// The connection never opened (every dial refused, every attempt).
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = New(Config{Retry: fastPolicy}).Do(context.Background(), post("http://"+addr+"/x"))
	var ae *AttemptError
	if !errors.As(err, &ae) || ae.Attempts != fastPolicy.MaxAttempts {
		t.Fatalf("err=%v; want an AttemptError after %d refused dials", err, fastPolicy.MaxAttempts)
	}
	if OutcomeUnknown(err) {
		t.Errorf("OutcomeUnknown(%v) = true although no connection ever opened", err)
	}

	// A failed login before the request: NotSent overrides what it wraps.
	lost := &AttemptError{Method: http.MethodPost, URL: "/auth", Attempts: 1, Err: io.EOF, MayHaveActed: true}
	login := NotSent(fmt.Errorf("login (POST /auth): %w", lost))
	if OutcomeUnknown(login) {
		t.Errorf("OutcomeUnknown(NotSent(%v)) = true; the request the login was for was never sent", login)
	}
	if !errors.Is(login, io.EOF) || login.Error() != "login (POST /auth): "+lost.Error() {
		t.Errorf("NotSent must keep the message and the chain: %v", login)
	}
	if NotSent(nil) != nil || OutcomeUnknown(nil) {
		t.Error("NotSent(nil) and OutcomeUnknown(nil) must be nil and false")
	}
}

func TestOutcomeOfAnswers(t *testing.T) {
	for status, want := range map[int]bool{
		http.StatusBadGateway:          true,
		http.StatusServiceUnavailable:  true,
		http.StatusGatewayTimeout:      true,
		http.StatusInternalServerError: false,
		http.StatusTooManyRequests:     false,
		http.StatusConflict:            false,
		http.StatusUnprocessableEntity: false,
		http.StatusNotFound:            false,
	} {
		if got := StatusOutcomeUnknown(status); got != want {
			t.Errorf("StatusOutcomeUnknown(%d) = %v, want %v", status, got, want)
		}
		err := fmt.Errorf("creating the region: %w", &vendorError{status})
		if got := OutcomeUnknown(err); got != want {
			t.Errorf("OutcomeUnknown(vendor %d) = %v, want %v", status, got, want)
		}
	}
}

// cancelOnClose answers every request with status, and cancels the
// caller's context once the answer's body is closed: the retry wait that
// follows is interrupted, so Do ends with an *AttemptError whose
// MayHaveActed comes from the answer alone (no request is written to a
// connection, so none can be lost).
type cancelOnClose struct {
	status int
	cancel context.CancelFunc
	sent   atomic.Int32
}

func (rt *cancelOnClose) RoundTrip(*http.Request) (*http.Response, error) {
	rt.sent.Add(1)
	return &http.Response{StatusCode: rt.status, Header: http.Header{}, Body: closeHook{rt.cancel}}, nil
}

type closeHook struct{ onClose func() }

func (closeHook) Read([]byte) (int, error) { return 0, io.EOF }
func (c closeHook) Close() error           { c.onClose(); return nil }

// An idempotent request answered by a gateway and then interrupted before
// its retry may have been acted on; one answered by the server's own 500
// was not left uncertain by the gateway rule.
func TestGatewayAnswerCountsTowardMayHaveActed(t *testing.T) {
	for status, want := range map[int]bool{http.StatusBadGateway: true, http.StatusGatewayTimeout: true, http.StatusInternalServerError: false} {
		ctx, cancel := context.WithCancel(context.Background())
		rt := &cancelOnClose{status: status, cancel: cancel}
		c := New(Config{HTTPClient: &http.Client{Transport: rt}, Retry: RetryPolicy{MaxAttempts: 3, MinDelay: time.Hour, MaxDelay: time.Hour, MaxElapsed: 10 * time.Hour}})
		_, err := c.Do(ctx, &Request{Method: http.MethodPut, URL: "https://api.example.com/x", Body: []byte(`{}`)})
		var ae *AttemptError
		if !errors.As(err, &ae) || !errors.Is(err, context.Canceled) || rt.sent.Load() != 1 {
			t.Fatalf("%d: err=%v sent=%d; want the retry wait cancelled after one answer", status, err, rt.sent.Load())
		}
		if got := OutcomeUnknown(err); got != want {
			t.Errorf("%d: OutcomeUnknown = %v, want %v", status, got, want)
		}
		cancel()
	}
}
