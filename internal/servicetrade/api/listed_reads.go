package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/flight"
)

// Refresh by list pages. Terraform refreshes every object of a
// configuration with one read each, ten at a time: 500 objects 150 ms away
// cost 500 requests and 7.5 s of waiting. For a kind whose list returns
// objects exactly as its GET by id does (its collection's listed; the
// kinds that keep reading by id, and why, are in BENCHMARKS.md), a Client
// serves reads by id from one listing of the kind instead, once a refresh
// is seen to read enough of them to pay for it:
//
//   - The first read of a kind is a GET by id: a plan touching one object
//     costs one request.
//   - From the second, the list's first page is fetched (once, shared): it
//     tells how many pages the kind has.
//   - The remaining pages are fetched (in parallel, once, shared) when the
//     reads asked so far are as many as those pages, so that the listing
//     costs no more requests than the reads it replaces, or as many as
//     Terraform's default parallelism (bulkReads): a refresh of that many
//     objects of a kind is a bulk refresh, whose reads would otherwise
//     wait round after round. Until then, a read is served from the first
//     page or by id: a plan touching a few objects of a large kind never
//     lists it.
//   - Reads are counted since the kind's last write, and the page count
//     last seen is kept: a destroy that reads each object before it
//     deactivates it (a write) reads by id, instead of listing again after
//     every write.
//   - An object missing from the listing, or listed twice with different
//     content (it changed between two pages), is read by id, so that a
//     deletion is always confirmed by a 404 and never inferred from a list.
//   - Any write to the kind (any request other than GET under its path)
//     drops what was listed and detaches a listing in flight, whatever the
//     write's outcome; the next reads start over.
//   - A failed listing is not kept: the read falls back to its GET by id.

// listing is how a kind's list is read in full: the query that makes it
// return every object a GET by id can (or the ones that matter: one it
// leaves out is read by id).
type listing struct {
	query url.Values
}

// everyObject is the listing of a kind whose list, without a filter,
// returns every object.
var everyObject = &listing{}

// listedRead reads the object id of kind k, from a listing when the
// Client's reads of the kind pay for one, else by id.
func listedRead[T any](ctx context.Context, c *Client, k collection[T], id int64) (*T, error) {
	byID := func() (*T, error) { return fetch[T](ctx, c, http.MethodGet, k.at(id), nil, nil) }
	st := c.listed.of(k.path)
	if raw, ok := st.read(ctx, c, k.path, k.listed.query, k.listKey, k.altKeys, id); ok {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, fmt.Errorf("decoding ServiceTrade %s list entry %d: %w", k.path, id, err)
		}
		return &v, nil
	}
	return byID()
}

// listedReads holds the listing state of every cached kind of a Client,
// by collection path.
type listedReads struct {
	mu    sync.Mutex
	kinds map[string]*kindReads
}

func (l *listedReads) of(path string) *kindReads {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.kinds == nil {
		l.kinds = map[string]*kindReads{}
	}
	k := l.kinds[path]
	if k == nil {
		k = &kindReads{}
		l.kinds[path] = k
	}
	return k
}

// wrote drops the listing of the kind a write to path concerns: the
// first segment of the path ("/user/5/role/3" is a write to "/user").
func (l *listedReads) wrote(path string) {
	kind := path
	if i := strings.IndexByte(strings.TrimPrefix(path, "/"), '/'); i >= 0 {
		kind = path[:i+1]
	}
	l.mu.Lock()
	k := l.kinds[kind]
	l.mu.Unlock()
	if k != nil {
		k.invalidate()
	}
}

// kindReads is the listing state of one kind.
type kindReads struct {
	mu    sync.Mutex
	gen   uint64 // bumped by every write
	reads int    // reads asked since the last write
	// pages is the page count the first page last told, kept across
	// writes; 0 until a first page has been read.
	pages int
	first *listPage
	// objects is every listed object by id, once the whole list has been
	// read; complete says it has.
	objects  map[int64]json.RawMessage
	complete bool

	firstFetch flight.Group[listPage]
	allFetch   flight.Group[map[int64]json.RawMessage]
}

// read returns the listed object id, false when it is to be read by id.
func (k *kindReads) read(ctx context.Context, c *Client, path string, query url.Values, key string, altKeys []string, id int64) (json.RawMessage, bool) {
	k.mu.Lock()
	k.reads++
	reads, complete, objects, pages := k.reads, k.complete, k.objects, k.pages
	k.mu.Unlock()
	if complete {
		raw, ok := objects[id]
		return raw, ok
	}
	if reads == 1 || pages > 1 && reads < min(pages-1, bulkReads) && k.firstPageGone() {
		return nil, false
	}
	first, err := k.firstPage(ctx, func(ctx context.Context) (listPage, error) {
		return fetchPage(ctx, c, path, query, 1, key, altKeys...)
	})
	if err != nil {
		return nil, false
	}
	// More reads may have been asked while the first page was fetched.
	k.mu.Lock()
	reads = max(reads, k.reads)
	k.mu.Unlock()
	if first.totalPages > 1 && reads < min(first.totalPages-1, bulkReads) {
		m, _ := byIDs(first.items)
		raw, ok := m[id]
		return raw, ok
	}
	all, err := k.all(ctx, func(ctx context.Context) (map[int64]json.RawMessage, error) {
		return restOfList(ctx, c, path, query, key, altKeys, first)
	})
	if err != nil {
		return nil, false
	}
	raw, ok := all[id]
	return raw, ok
}

// firstPage returns the list's first page, fetching it once for every
// caller; it is kept unless a write happened during the fetch.
func (k *kindReads) firstPage(ctx context.Context, fetch func(context.Context) (listPage, error)) (listPage, error) {
	k.mu.Lock()
	if k.first != nil {
		p := *k.first
		k.mu.Unlock()
		return p, nil
	}
	gen := k.gen
	k.mu.Unlock()
	return k.firstFetch.Do(ctx, func(ctx context.Context) (listPage, error) {
		p, err := fetch(ctx)
		k.mu.Lock()
		defer k.mu.Unlock()
		if err == nil && k.gen == gen {
			k.first, k.pages = &p, p.totalPages
		}
		return p, err
	})
}

// all returns every listed object, fetching the rest of the list once for
// every caller; it is kept unless a write happened during the fetch.
func (k *kindReads) all(ctx context.Context, fetch func(context.Context) (map[int64]json.RawMessage, error)) (map[int64]json.RawMessage, error) {
	k.mu.Lock()
	if k.complete {
		m := k.objects
		k.mu.Unlock()
		return m, nil
	}
	gen := k.gen
	k.mu.Unlock()
	return k.allFetch.Do(ctx, func(ctx context.Context) (map[int64]json.RawMessage, error) {
		m, err := fetch(ctx)
		k.mu.Lock()
		defer k.mu.Unlock()
		if err == nil && k.gen == gen {
			k.objects, k.complete = m, true
		}
		return m, err
	})
}

// firstPageGone reports whether no first page is kept (a write dropped
// it): a read that the page count says cannot pay for a listing yet is
// then made by id rather than by fetching that page again.
func (k *kindReads) firstPageGone() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.first == nil
}

func (k *kindReads) invalidate() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.gen++
	k.reads = 0
	k.first, k.objects, k.complete = nil, nil, false
	k.firstFetch.Forget()
	k.allFetch.Forget()
}

// bulkReads is the number of reads since a kind's last write from which
// its whole list is read, whatever its size: Terraform's default
// parallelism, the reads a refresh of that many objects asks at once.
const bulkReads = 10

// listWorkers is how many pages of one list are fetched at once. A listing
// replaces ten times as many reads by id (a page holds ten objects), which
// Terraform would have sent ten at a time over the whole refresh; its
// pages, fetched once per kind and command, go out together, so that a
// kind of up to 500 objects costs one round after the first page: at
// 150 ms a round, a refresh of 500 webhooks waits 0.45 s for its pages
// instead of 0.75 s at 10 at a time (BENCHMARKS.md). The reference
// documents no rate limit; a 429 is retried as any other
// (internal/transport).
const listWorkers = 50

// restOfList fetches pages 2 to the first page's count, listWorkers at a
// time, and returns every object of the list by id. An object listed twice
// with different content (it changed between two pages) is left out, to be
// read by id.
func restOfList(ctx context.Context, c *Client, path string, query url.Values, key string, altKeys []string, first listPage) (map[int64]json.RawMessage, error) {
	last := max(first.totalPages, 1)
	pages := make([]json.RawMessage, last+1)
	pages[1] = first.items
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	next := make(chan int)
	for range min(listWorkers, last-1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range next {
				p, err := fetchPage(ctx, c, path, query, n, key, altKeys...)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
					cancel()
				}
				pages[n] = p.items
				mu.Unlock()
			}
		}()
	}
	for n := 2; n <= last; n++ {
		select {
		case next <- n:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	all := map[int64]json.RawMessage{}
	changed := map[int64]bool{}
	for _, items := range pages[1:] {
		m, err := byIDs(items)
		if err != nil {
			return nil, fmt.Errorf("decoding ServiceTrade %s list: %w", path, err)
		}
		for id, raw := range m {
			if prev, seen := all[id]; seen && string(prev) != string(raw) {
				changed[id] = true
			}
			all[id] = raw
		}
	}
	for id := range changed {
		delete(all, id)
	}
	return all, nil
}

// byIDs indexes a page's items by their id.
func byIDs(items json.RawMessage) (map[int64]json.RawMessage, error) {
	m := map[int64]json.RawMessage{}
	if len(items) == 0 {
		return m, nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(items, &raws); err != nil {
		return nil, err
	}
	for _, raw := range raws {
		var head struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal(raw, &head); err != nil {
			return nil, err
		}
		m[head.ID] = raw
	}
	return m, nil
}
