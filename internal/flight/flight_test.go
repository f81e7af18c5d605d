package flight

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// waiting wraps a context and reports when Do starts waiting with it: Do
// asks a context for Done only to wait for a call in flight (a caller that
// runs the call passes its context to fn, and the fns here never ask).
type waiting struct {
	context.Context
	once sync.Once
	ch   chan struct{}
}

func newWaiting(ctx context.Context) *waiting {
	return &waiting{Context: ctx, ch: make(chan struct{})}
}

func (w *waiting) Done() <-chan struct{} {
	w.once.Do(func() { close(w.ch) })
	return w.Context.Done()
}

// waited blocks until the caller using w waits for a call in flight.
func (w *waiting) waited(t *testing.T) {
	t.Helper()
	select {
	case <-w.ch:
	case <-time.After(5 * time.Second):
		t.Fatal("the caller never waited for the call in flight")
	}
}

type result struct {
	v   *int
	err error
}

// start calls g.Do(ctx, fn) in a goroutine and sends its outcome on out.
func start(g *Group[*int], ctx context.Context, fn func(context.Context) (*int, error), out chan<- result) {
	go func() {
		v, err := g.Do(ctx, fn)
		out <- result{v, err}
	}()
}

// join is start for a caller that must find a call in flight: it returns
// once that caller waits for it.
func join(t *testing.T, g *Group[*int], ctx context.Context, fn func(context.Context) (*int, error), out chan<- result) {
	t.Helper()
	w := newWaiting(ctx)
	start(g, w, fn, out)
	w.waited(t)
}

// noLeak fails the test when goroutines started during it outlive it.
func noLeak(t *testing.T) {
	t.Helper()
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(2 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				t.Errorf("%d goroutines left, %d before the test", runtime.NumGoroutine(), before)
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
}

func TestConcurrentCallersShareOneCall(t *testing.T) {
	noLeak(t)
	var g Group[*int]
	var calls atomic.Int32
	gate := make(chan struct{})
	started := make(chan struct{})
	shared := new(int)
	fn := func(context.Context) (*int, error) {
		if calls.Add(1) == 1 {
			close(started)
			<-gate
			return shared, nil
		}
		t.Error("a second call was started while one was in flight")
		return nil, nil
	}
	results := make(chan result, 10)
	start(&g, context.Background(), fn, results)
	<-started
	for range 9 {
		join(t, &g, context.Background(), fn, results)
	}
	close(gate)
	for range 10 {
		if r := <-results; r.v != shared || r.err != nil {
			t.Errorf("got %p, %v; want the one call's value %p", r.v, r.err, shared)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d calls, want 1", n)
	}
	// Nothing is kept: the next caller calls again.
	ran := false
	if _, _ = g.Do(context.Background(), func(context.Context) (*int, error) { ran = true; return nil, nil }); !ran {
		t.Error("a caller after the call ended did not call again")
	}
}

// A failure is shared by the callers who waited for it, not repeated by
// each; a caller that comes after it calls again.
func TestAFailureIsSharedThenForgotten(t *testing.T) {
	noLeak(t)
	var g Group[*int]
	boom := errors.New("boom")
	var calls atomic.Int32
	gate := make(chan struct{})
	started := make(chan struct{})
	fn := func(context.Context) (*int, error) {
		if calls.Add(1) == 1 {
			close(started)
			<-gate
			return nil, boom
		}
		return new(int), nil
	}
	results := make(chan result, 3)
	start(&g, context.Background(), fn, results)
	<-started
	for range 2 {
		join(t, &g, context.Background(), fn, results)
	}
	close(gate)
	for range 3 {
		if r := <-results; r.err != boom || r.v != nil {
			t.Errorf("got %v, %v; want the call's error", r.v, r.err)
		}
	}
	if v, err := g.Do(context.Background(), fn); err != nil || v == nil || calls.Load() != 2 {
		t.Errorf("after the failure: %v, %v after %d calls; want a new call's value", v, err, calls.Load())
	}
}

// A waiter whose context ends gets its context's error at once; the call
// and the other waiters carry on.
func TestAWaiterWhoseContextEndsLeavesTheOthers(t *testing.T) {
	noLeak(t)
	var g Group[*int]
	var calls atomic.Int32
	gate := make(chan struct{})
	started := make(chan struct{})
	shared := new(int)
	fn := func(ctx context.Context) (*int, error) {
		calls.Add(1)
		close(started)
		select {
		case <-gate:
			return shared, nil
		case <-ctx.Done():
			t.Error("the call was cancelled by a waiter's context")
			return nil, ctx.Err()
		}
	}
	runner := make(chan result, 1)
	start(&g, context.Background(), fn, runner)
	<-started

	cctx, cancel := context.WithCancel(context.Background())
	quit := make(chan result, 1)
	join(t, &g, cctx, fn, quit)
	stayed := make(chan result, 1)
	join(t, &g, context.Background(), fn, stayed)

	cancel()
	select {
	case r := <-quit:
		if r.v != nil || !errors.Is(r.err, context.Canceled) {
			t.Errorf("the cancelled waiter got %v, %v; want context.Canceled", r.v, r.err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the cancelled waiter is still waiting")
	}
	select {
	case r := <-stayed:
		t.Fatalf("the other waiter stopped waiting: %v, %v", r.v, r.err)
	default:
	}
	close(gate)
	for _, ch := range []chan result{runner, stayed} {
		if r := <-ch; r.v != shared || r.err != nil {
			t.Errorf("got %v, %v; want the call's value", r.v, r.err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d calls, want 1", n)
	}
}

// A call that failed because the context of the caller running it ended
// is no answer for a waiter whose context is live: it calls again. A
// waiter whose context ended as well gets the abandoned call's error.
func TestAWaiterStartsANewCallAfterAnAbandonment(t *testing.T) {
	noLeak(t)
	var g Group[*int]
	var calls atomic.Int32
	started := make(chan struct{})
	second := new(int)
	fn := func(ctx context.Context) (*int, error) {
		if calls.Add(1) == 1 {
			close(started)
			<-ctx.Done()
			return nil, ctx.Err()
		}
		return second, nil
	}
	runCtx, cancel := context.WithCancel(context.Background())
	runner := make(chan result, 1)
	start(&g, runCtx, fn, runner)
	<-started
	waiter := make(chan result, 1)
	join(t, &g, context.Background(), fn, waiter)
	cancel()
	if r := <-runner; !errors.Is(r.err, context.Canceled) {
		t.Errorf("the running caller got %v, want its cancellation", r.err)
	}
	if r := <-waiter; r.v != second || r.err != nil {
		t.Errorf("the live waiter got %v, %v; want the value of a new call", r.v, r.err)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d calls, want 2", n)
	}
}

// Forget detaches the call in flight: its waiters get its outcome, later
// callers start a new call, and the old call's end does not detach the new.
func TestForget(t *testing.T) {
	noLeak(t)
	var g Group[*int]
	var calls atomic.Int32
	gates := []chan struct{}{make(chan struct{}), make(chan struct{})}
	starts := []chan struct{}{make(chan struct{}), make(chan struct{})}
	vals := []*int{new(int), new(int)}
	fn := func(context.Context) (*int, error) {
		i := calls.Add(1) - 1
		if i > 1 {
			t.Error("a third call was started")
			return nil, nil
		}
		close(starts[i])
		<-gates[i]
		return vals[i], nil
	}
	old := make(chan result, 2)
	start(&g, context.Background(), fn, old)
	<-starts[0]
	join(t, &g, context.Background(), fn, old)

	g.Forget()
	g.Forget() // nothing in flight is attached: harmless
	fresh := make(chan result, 2)
	start(&g, context.Background(), fn, fresh)
	<-starts[1]
	close(gates[0])
	for range 2 {
		if r := <-old; r.v != vals[0] || r.err != nil {
			t.Errorf("a caller of the detached call got %v, %v; want its value", r.v, r.err)
		}
	}
	join(t, &g, context.Background(), fn, fresh)
	close(gates[1])
	for range 2 {
		if r := <-fresh; r.v != vals[1] || r.err != nil {
			t.Errorf("a caller of the new call got %v, %v; want its value", r.v, r.err)
		}
	}
}

// The caller that runs the call gets the call's own outcome, even when its
// context ended meanwhile.
func TestTheRunnerGetsItsOwnOutcome(t *testing.T) {
	noLeak(t)
	var g Group[*int]
	ctx, cancel := context.WithCancel(context.Background())
	v := new(int)
	got, err := g.Do(ctx, func(context.Context) (*int, error) {
		cancel()
		return v, nil
	})
	if got != v || err != nil {
		t.Errorf("got %v, %v; want the call's value", got, err)
	}
}
