package api

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// Dropping a credential after a 401 never waits for a login that another
// goroutine has in flight: the dropping caller then waits for that login in
// credential(), where its own context is honoured. (Invalidation used to take
// the same lock as the login and so blocked, deaf to cancellation, for as
// long as the login took.)
func TestDropDoesNotWaitForALoginInFlight(t *testing.T) {
	cc := newCache()
	header := func(string) func(http.Header) { return func(http.Header) {} }
	old, err := cc.get(context.Background(), func(context.Context) (string, time.Duration, error) { return "old", 0, nil }, header)
	if err != nil {
		t.Fatal(err)
	}
	cc.drop(old) // a 401 ended it; the next get logs in again

	release := make(chan struct{})
	started := make(chan struct{})
	defer close(release)
	go func() {
		_, _ = cc.get(context.Background(), func(context.Context) (string, time.Duration, error) {
			close(started)
			<-release // a login that takes its time
			return "new", 0, nil
		}, header)
	}()
	<-started

	dropped := make(chan struct{})
	go func() {
		cc.drop(old) // a second 401 answered with the old credential
		close(dropped)
	}()
	select {
	case <-dropped:
	case <-time.After(2 * time.Second):
		t.Fatal("drop blocked behind the login in flight")
	}

	// A caller that now wants a credential waits for the login in flight,
	// for as long as its context allows.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := cc.get(ctx, func(context.Context) (string, time.Duration, error) {
		t.Error("a second login was started while one was in flight")
		return "", 0, nil
	}, header); err != context.DeadlineExceeded {
		t.Errorf("get: err = %v, want context.DeadlineExceeded", err)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Errorf("get returned %v after its context ended", waited)
	}
}
