package api

import (
	"context"
	"sync"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/flight"
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
//
// The sharing is flight.Group's: the callers waiting for a fetch share its
// items and its error, and a fetch abandoned by its caller (its context
// ended) is no answer for a waiter whose context is live, who fetches in
// turn. What is this cache's own:
//
//   - A successful listing is kept until a write invalidates it; a failed
//     one is not kept, and the next caller tries again.
//   - A fetch that starts checks again whether a listing was kept since
//     the caller looked, so that it is not repeated.
//   - A write detaches the fetch in flight: its callers still get its
//     result, but it is not kept (it may miss the write), and the next
//     caller starts a fetch that includes the write. gen tells a fetch
//     whether a write happened since it started.
//   - mu is never held across a fetch, so a write never waits for one.
type listCache[T any] struct {
	mu      sync.Mutex
	gen     uint64 // bumped by every invalidation
	items   []T
	loaded  bool
	fetches flight.Group[[]T]
}

// get returns the cached listing, fetching it first when there is none. A
// failed listing is not kept: the next caller tries again.
func (lc *listCache[T]) get(ctx context.Context, fetch func(context.Context) ([]T, error)) ([]T, error) {
	if items, ok := lc.cached(); ok {
		return items, nil
	}
	return lc.fetches.Do(ctx, func(ctx context.Context) ([]T, error) {
		lc.mu.Lock()
		if lc.loaded {
			items := lc.items
			lc.mu.Unlock()
			return items, nil // a fetch ended since the check above
		}
		gen := lc.gen
		lc.mu.Unlock()

		items, err := fetch(ctx)

		lc.mu.Lock()
		defer lc.mu.Unlock()
		// A write that happened while the list was being fetched may be
		// missing from it: hand the result to those who waited, but do not
		// keep it.
		if err == nil && lc.gen == gen {
			lc.items, lc.loaded = items, true
		}
		return items, err
	})
}

func (lc *listCache[T]) cached() ([]T, bool) {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	return lc.items, lc.loaded
}

// invalidate drops the cached listing and detaches any listing in progress,
// so that the next caller fetches a list that includes the write just made.
func (lc *listCache[T]) invalidate() {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	lc.gen++
	lc.items, lc.loaded = nil, false
	lc.fetches.Forget()
}
