package api

import (
	"context"
	"sync"
)

// listCache holds one listing shared by every caller of a Client.
//
// Kimoby has no GET by id, so every Read of every webhook needs the whole
// list. Terraform reads resources in parallel: without sharing, a refresh of
// N webhooks would fetch the list N times. Here the first caller fetches and
// every concurrent caller waits for its result (singleflight); the result is
// then kept for later callers until a write (create, update, delete)
// invalidates it. A Client lives for one provider configuration, that is one
// Terraform operation, so the listing is as fresh as that operation.
type listCache[T any] struct {
	mu     sync.Mutex
	gen    uint64 // bumped by every invalidation
	items  []T
	loaded bool
	flight *flight[T]
}

// flight is one listing in progress; done is closed when it ends.
type flight[T any] struct {
	done  chan struct{}
	items []T
	err   error
	// abandoned is set when the fetching caller's own context ended: its
	// error is no answer for the callers who waited.
	abandoned bool
}

// get returns the cached listing, fetching it first when there is none. A
// failed listing is not kept: the next caller tries again.
func (lc *listCache[T]) get(ctx context.Context, fetch func(context.Context) ([]T, error)) ([]T, error) {
	for {
		lc.mu.Lock()
		if lc.loaded {
			items := lc.items
			lc.mu.Unlock()
			return items, nil
		}
		if f := lc.flight; f != nil {
			lc.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			// The fetching caller gave up (its own context ended): that is
			// not an answer for this caller, who fetches in turn.
			if f.abandoned && ctx.Err() == nil {
				continue
			}
			return f.items, f.err
		}
		f := &flight[T]{done: make(chan struct{})}
		lc.flight = f
		gen := lc.gen
		lc.mu.Unlock()

		f.items, f.err = fetch(ctx)
		f.abandoned = f.err != nil && ctx.Err() != nil

		lc.mu.Lock()
		if lc.flight == f {
			lc.flight = nil
		}
		// A write that happened while the list was being fetched may be
		// missing from it: hand the result to those who waited, but do not
		// keep it.
		if f.err == nil && lc.gen == gen {
			lc.items, lc.loaded = f.items, true
		}
		lc.mu.Unlock()
		close(f.done)
		return f.items, f.err
	}
}

// invalidate drops the cached listing and detaches any listing in progress,
// so that the next caller fetches a list that includes the write just made.
func (lc *listCache[T]) invalidate() {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	lc.gen++
	lc.items, lc.loaded, lc.flight = nil, false, nil
}
