// Package naturalkey answers, for one provider process, "does an object of
// this kind with this natural key already exist?" at the cost of one
// listing per kind, however many objects the process creates.
//
// A natural key is the attribute by which people recognise an object: a
// webhook's URL, an external system's name, a username. Creating a second
// object with the same key is, in practice, always a mistake made behind
// the user's back: typically a create whose answer was lost, so that
// Terraform never recorded the object, followed by a plain `terraform
// apply` that creates it again (and a webhook then fires every event
// twice). So before such a create the provider checks the key, and refuses
// with the way to import the object that has it (see lostcreate.Key).
//
// Which kinds are checked, and why, is said where each resource builds its
// key (lostcreate.Key); kinds whose names people legitimately repeat
// (ServiceTrade regions and contracts, contract rules, quote template
// items) have no key and are not checked.
//
// An Index lists the objects of its kind once, the first time a create
// asks, and then keeps that list up to date with what this process does:
// the objects it creates, deletes and renames. Creates made elsewhere while
// the process runs (one Terraform operation) are not seen; a create that
// races another process is not what the check is for.
//
// Two creates of the same key in one process (two resources of one
// configuration) are told apart too: the first claims the key while its
// create is in flight, and the second waits for the outcome, then finds the
// object the first made.
package naturalkey

import (
	"context"
	"sort"
	"sync"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/flight"
)

// Entry is one object of the kind: its id (the Terraform id, also the
// import id) and its key, normalised as the kind compares keys.
type Entry struct {
	ID  string
	Key string
}

// ListFunc lists every object of the kind (all pages): an incomplete list
// would let a duplicate through.
type ListFunc func(context.Context) ([]Entry, error)

// Registry holds one Index per kind for a provider process. The zero value
// is ready to use; it must not be copied after first use.
type Registry struct {
	mu    sync.Mutex
	kinds map[string]*Index
}

// Index returns the index of kind ("servicetrade webhook"), creating it on
// first use.
func (r *Registry) Index(kind string) *Index {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.kinds == nil {
		r.kinds = map[string]*Index{}
	}
	ix := r.kinds[kind]
	if ix == nil {
		ix = &Index{}
		r.kinds[kind] = ix
	}
	return ix
}

// Index is what is known of the objects of one kind.
type Index struct {
	mu sync.Mutex
	// listed is the one listing, by id; nil until it succeeded.
	listed map[string]string
	// listing is the listing in flight, shared by the checks that wait
	// for it (see load).
	listing flight.Group[struct{}]
	// local is what this process did since it started, by id, and wins
	// over the listing whether the listing came before or after it: a
	// key (created or renamed here) or nil (deleted here).
	local map[string]*string
	// createdHere marks the ids this process created.
	createdHere map[string]bool
	// pending holds the keys whose create is in flight.
	pending map[string]*Claim
	// lists counts the listings started (Lists).
	lists int
}

// Existing is an object that already has the key.
type Existing struct {
	ID string
	// CreatedHere is true when this process created it: another resource
	// of the same configuration, in the same apply.
	CreatedHere bool
}

// Claim is the right to create an object with a key, held from the check
// until the create's outcome is known. Exactly one of Done or Release must
// be called (Release after Done does nothing, so `defer c.Release()` is
// the usual form).
type Claim struct {
	ix    *Index
	key   string
	done  chan struct{}
	ended bool
}

// Claim checks key. When objects with that key exist, it returns them
// (sorted by id) and no claim. Otherwise it returns a claim on the key:
// other callers claiming the same key wait until it ends. list is called
// for the first check of the process (and again after a failed listing);
// its error is returned as is.
func (ix *Index) Claim(ctx context.Context, key string, list ListFunc) (*Claim, []Existing, error) {
	for {
		if err := ix.load(ctx, list); err != nil {
			return nil, nil, err
		}
		ix.mu.Lock()
		if found := ix.existing(key); len(found) > 0 {
			ix.mu.Unlock()
			return nil, found, nil
		}
		if p := ix.pending[key]; p != nil {
			ix.mu.Unlock()
			select {
			case <-p.done:
				continue // the other create ended: check again
			case <-ctx.Done():
				return nil, nil, ctx.Err()
			}
		}
		c := &Claim{ix: ix, key: key, done: make(chan struct{})}
		if ix.pending == nil {
			ix.pending = map[string]*Claim{}
		}
		ix.pending[key] = c
		ix.mu.Unlock()
		return c, nil, nil
	}
}

// Done records the objects the claimed create made or found with the key
// (normally one id; none when nothing is known to exist) and releases the
// claim.
func (c *Claim) Done(ids ...string) {
	if c == nil {
		return
	}
	c.ix.mu.Lock()
	defer c.ix.mu.Unlock()
	if c.ended {
		return
	}
	for _, id := range ids {
		c.ix.setLocked(id, &c.key)
		if c.ix.createdHere == nil {
			c.ix.createdHere = map[string]bool{}
		}
		c.ix.createdHere[id] = true
	}
	c.endLocked()
}

// Release ends the claim without recording anything: the create failed
// and made nothing.
func (c *Claim) Release() {
	if c == nil {
		return
	}
	c.ix.mu.Lock()
	defer c.ix.mu.Unlock()
	if !c.ended {
		c.endLocked()
	}
}

func (c *Claim) endLocked() {
	c.ended = true
	if c.ix.pending[c.key] == c {
		delete(c.ix.pending, c.key)
	}
	close(c.done)
}

// Put records that this process gave object id the key (a rename, or an
// object it adopted). An empty key means the object has none any more.
func (ix *Index) Put(id, key string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if key == "" {
		ix.setLocked(id, nil)
		return
	}
	ix.setLocked(id, &key)
}

// Remove records that this process deleted object id.
func (ix *Index) Remove(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.setLocked(id, nil)
}

// Lists reports how many listings the index started.
func (ix *Index) Lists() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.lists
}

func (ix *Index) setLocked(id string, key *string) {
	if ix.local == nil {
		ix.local = map[string]*string{}
	}
	ix.local[id] = key
}

// existing returns the objects with key: the listing as changed by this
// process.
func (ix *Index) existing(key string) []Existing {
	var found []Existing
	for id, k := range ix.listed {
		if _, changed := ix.local[id]; !changed && k == key {
			found = append(found, Existing{ID: id, CreatedHere: ix.createdHere[id]})
		}
	}
	for id, k := range ix.local {
		if k != nil && *k == key {
			found = append(found, Existing{ID: id, CreatedHere: ix.createdHere[id]})
		}
	}
	sort.Slice(found, func(i, j int) bool { return lessID(found[i].ID, found[j].ID) })
	return found
}

// lessID orders ids by length, then as text: numeric ids (without leading
// zeros) in numeric order, "9" before "10"; ids of one length as text.
func lessID(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// load makes sure the listing is there: the first caller lists, the
// others wait for it (flight.Group). What the index relies on:
//
//   - One listing per kind for the process: once a listing succeeded it is
//     kept, and no check lists again (Lists counts the listings started).
//   - A failed listing is not kept: the checks that waited for it get its
//     error as is, and the next check lists again.
//   - A listing abandoned by its caller (its context ended) is no answer
//     for the checks that waited: one whose context is live lists in turn.
//   - A listing that starts checks again whether one succeeded since the
//     caller looked, so that it is not repeated.
//   - ix.mu is not held while listing, so Put, Remove and the claims'
//     Done and Release never wait for a listing; what they record in
//     local wins over the listing whenever it arrives.
func (ix *Index) load(ctx context.Context, list ListFunc) error {
	if ix.isListed() {
		return nil
	}
	_, err := ix.listing.Do(ctx, func(ctx context.Context) (struct{}, error) {
		ix.mu.Lock()
		if ix.listed != nil {
			ix.mu.Unlock()
			return struct{}{}, nil // a listing ended since the check above
		}
		ix.lists++
		ix.mu.Unlock()

		entries, err := list(ctx)
		if err != nil {
			return struct{}{}, err
		}
		ix.mu.Lock()
		defer ix.mu.Unlock()
		ix.listed = make(map[string]string, len(entries))
		for _, e := range entries {
			ix.listed[e.ID] = e.Key
		}
		return struct{}{}, nil
	})
	return err
}

func (ix *Index) isListed() bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.listed != nil
}

// Entries turns a listing into entries, or passes its error on. entry
// returns false for an object without a key (an employee without a
// username), which is left out.
func Entries[T any](list []T, err error, entry func(T) (Entry, bool)) ([]Entry, error) {
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(list))
	for _, x := range list {
		if e, ok := entry(x); ok {
			out = append(out, e)
		}
	}
	return out, nil
}
