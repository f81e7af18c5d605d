// Package flight shares one call in progress among every caller that wants
// its result at the same time.
//
// It exists because the provider needs the same thing in three places, and
// each had its own copy: the ServiceTrade login (one login for a parallel
// Terraform walk, not one per resource), the natural-key index (one listing
// per kind, however many creates check it) and the Kimoby webhook listing
// (Kimoby has no GET by id, so every read needs the whole list). The subtle
// part, which each copy had to get right on its own, is cancellation: the
// caller that runs the call passes its own context to it, and when that
// context ends the call fails with an error that belongs to that caller
// alone. The callers who waited must not inherit it; one of them whose
// context is still live runs the call again.
//
// What a Group guarantees (and what the places above rely on):
//
//   - At most one call runs at a time (between Forgets): a caller that
//     finds one in flight waits for it instead of starting another.
//   - The call runs in the goroutine of the caller that started it, with
//     that caller's context; a Group starts no goroutine of its own.
//   - That caller gets the call's own outcome, whatever its context did.
//   - Every caller that waited gets the same value and error, including a
//     failure: waiters do not repeat a call that just failed.
//   - A waiter whose own context ends stops waiting at once and gets its
//     context's error; the call and the other waiters carry on.
//   - A call is abandoned when it failed while the context of the caller
//     that ran it had ended. Its error is not handed to a waiter whose
//     context is still live: that waiter runs (or joins) a fresh call. A
//     waiter whose context has ended too gets the abandoned call's error.
//   - Nothing is kept once a call has ended: the next caller starts a new
//     one. Caching a result, and deciding whether a call is needed at all,
//     is the owner's business (see Do).
//   - The Group's lock is held for memory operations only, never across
//     the call, so an owner may call Forget (or take its own lock) while a
//     call is in flight without waiting for it.
//
// A panic in the call is not recovered: it leaves the call in flight for
// good, as the copies this replaced did. The provider does not recover
// panics, so the process ends with it.
package flight

import (
	"context"
	"sync"
)

// Group shares one call in flight among its callers. The zero value is
// ready to use; a Group must not be copied after first use.
type Group[T any] struct {
	mu   sync.Mutex
	call *call[T] // the call in flight, if any
}

// call is one call in progress. val, err and abandoned are written before
// done is closed and only read after.
type call[T any] struct {
	done      chan struct{}
	val       T
	err       error
	abandoned bool // failed after the running caller's context ended
}

// Do returns the outcome of the call in flight, waiting for it, or, when
// none is, runs fn with ctx and returns its outcome, sharing it with the
// callers who arrive meanwhile.
//
// Do does not cache: a caller that arrives after a call ended starts
// another. An owner that keeps results checks its cache before Do, and
// again at the start of fn, since a call may have ended (and filled the
// cache) between the first check and the start of fn, or a waiter may run
// fn after an abandoned call.
func (g *Group[T]) Do(ctx context.Context, fn func(context.Context) (T, error)) (T, error) {
	for {
		g.mu.Lock()
		c := g.call
		if c == nil {
			c = &call[T]{done: make(chan struct{})}
			g.call = c
			g.mu.Unlock()
			return g.run(ctx, c, fn)
		}
		g.mu.Unlock()
		select {
		case <-c.done:
		case <-ctx.Done():
			var zero T
			return zero, ctx.Err()
		}
		if c.abandoned && ctx.Err() == nil {
			continue // the running caller gave up: its error is not ours
		}
		return c.val, c.err
	}
}

// run performs call c and publishes its outcome.
func (g *Group[T]) run(ctx context.Context, c *call[T], fn func(context.Context) (T, error)) (T, error) {
	c.val, c.err = fn(ctx)
	c.abandoned = c.err != nil && ctx.Err() != nil
	g.mu.Lock()
	if g.call == c { // not detached by Forget
		g.call = nil
	}
	g.mu.Unlock()
	close(c.done)
	return c.val, c.err
}

// Forget detaches the call in flight, if any: the callers waiting for it
// still get its outcome, and the callers that come next start a new call.
// It never waits for the call.
func (g *Group[T]) Forget() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.call = nil
}
