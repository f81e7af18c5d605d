package naturalkey_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
)

// lister serves a fixed list and counts the listings.
type lister struct {
	entries []naturalkey.Entry
	calls   atomic.Int32
	// gate, when set, holds every listing until it is closed.
	gate chan struct{}
	err  error
}

func (l *lister) list(ctx context.Context) ([]naturalkey.Entry, error) {
	l.calls.Add(1)
	if l.gate != nil {
		select {
		case <-l.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if l.err != nil {
		return nil, l.err
	}
	return append([]naturalkey.Entry(nil), l.entries...), nil
}

func ids(found []naturalkey.Existing) []string {
	var out []string
	for _, e := range found {
		out = append(out, e.ID)
	}
	return out
}

func TestAnExistingKeyIsFoundAndAFreeOneClaimed(t *testing.T) {
	ctx := context.Background()
	l := &lister{entries: []naturalkey.Entry{{ID: "10", Key: "a"}, {ID: "9", Key: "a"}, {ID: "11", Key: "b"}}}
	var reg naturalkey.Registry
	ix := reg.Index("thing")
	c, found, err := ix.Claim(ctx, "a", l.list)
	if err != nil || c != nil || !reflect.DeepEqual(ids(found), []string{"9", "10"}) {
		t.Fatalf("Claim(a) = %v, %v, %v; want the existing ids 9 and 10 in order, no claim", c, found, err)
	}
	if found[0].CreatedHere {
		t.Error("a listed object is reported as created by this process")
	}
	c, found, err = ix.Claim(ctx, "c", l.list)
	if err != nil || c == nil || found != nil {
		t.Fatalf("Claim(c) = %v, %v, %v; want a claim", c, found, err)
	}
	c.Release()
	if n := l.calls.Load(); n != 1 || ix.Lists() != 1 {
		t.Errorf("%d listings (index says %d), want 1 for any number of checks", n, ix.Lists())
	}
	if reg.Index("thing") != ix || reg.Index("other") == ix {
		t.Error("the registry must hand out one index per kind")
	}
}

// What this process creates, renames and deletes changes the answers
// without listing again, whether it happened before or after the listing.
func TestWritesOfThisProcessAreKept(t *testing.T) {
	ctx := context.Background()
	l := &lister{entries: []naturalkey.Entry{{ID: "1", Key: "old"}, {ID: "2", Key: "gone"}}}
	var ix naturalkey.Index
	// Before any listing: a rename and a delete.
	ix.Put("1", "renamed")
	ix.Remove("2")
	for _, key := range []string{"old", "gone"} {
		c, found, err := ix.Claim(ctx, key, l.list)
		if err != nil || c == nil {
			t.Fatalf("Claim(%s) = %v, %v; the object was renamed or deleted by this process", key, found, err)
		}
		c.Release()
	}
	if _, found, _ := ix.Claim(ctx, "renamed", l.list); !reflect.DeepEqual(ids(found), []string{"1"}) {
		t.Errorf("Claim(renamed) found %v, want 1", found)
	}
	// After the listing: a create, then a second create of the same key.
	c, _, _ := ix.Claim(ctx, "new", l.list)
	c.Done("3")
	c.Release() // after Done: nothing
	_, found, _ := ix.Claim(ctx, "new", l.list)
	if len(found) != 1 || found[0].ID != "3" || !found[0].CreatedHere {
		t.Errorf("Claim(new) after the create found %+v; want 3, created here", found)
	}
	ix.Put("3", "")
	if c, found, _ := ix.Claim(ctx, "new", l.list); c == nil {
		t.Errorf("an object whose key was cleared still holds it: %v", found)
	} else {
		c.Release()
	}
	if n := l.calls.Load(); n != 1 {
		t.Errorf("%d listings, want 1", n)
	}
}

// Concurrent first checks share one listing.
func TestOneListingForConcurrentChecks(t *testing.T) {
	l := &lister{gate: make(chan struct{})}
	var ix naturalkey.Index
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c, _, err := ix.Claim(context.Background(), fmt.Sprint(i), l.list)
			if err != nil || c == nil {
				t.Errorf("Claim(%d) = %v, %v", i, c, err)
				return
			}
			c.Done(fmt.Sprint(100 + i))
		}(i)
	}
	time.Sleep(20 * time.Millisecond)
	close(l.gate)
	wg.Wait()
	if n := l.calls.Load(); n != 1 {
		t.Errorf("%d listings for 20 concurrent checks, want 1", n)
	}
}

// Two creates of one key: the second waits for the first, and then finds
// its object; if the first made nothing, the second may create.
func TestASecondCreateOfTheSameKeyWaitsForTheFirst(t *testing.T) {
	ctx := context.Background()
	l := &lister{}
	for _, made := range []bool{true, false} {
		t.Run(fmt.Sprintf("first made it: %v", made), func(t *testing.T) {
			var ix naturalkey.Index
			first, _, err := ix.Claim(ctx, "k", l.list)
			if err != nil || first == nil {
				t.Fatal(first, err)
			}
			type result struct {
				c     *naturalkey.Claim
				found []naturalkey.Existing
			}
			second := make(chan result, 1)
			go func() {
				c, found, _ := ix.Claim(ctx, "k", l.list)
				second <- result{c, found}
			}()
			select {
			case r := <-second:
				t.Fatalf("the second check did not wait for the first create: %+v", r)
			case <-time.After(50 * time.Millisecond):
			}
			if made {
				first.Done("7")
			} else {
				first.Release()
			}
			r := <-second
			switch {
			case made && (r.c != nil || len(r.found) != 1 || r.found[0].ID != "7" || !r.found[0].CreatedHere):
				t.Errorf("second check = %+v; want object 7, created here", r)
			case !made && r.c == nil:
				t.Errorf("second check = %+v; want a claim, the first create made nothing", r)
			}
		})
	}
}

// A waiting check gives up with its context.
func TestAWaitingCheckHonoursItsContext(t *testing.T) {
	var ix naturalkey.Index
	l := &lister{}
	first, _, _ := ix.Claim(context.Background(), "k", l.list)
	defer first.Release()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, _, err := ix.Claim(ctx, "k", l.list); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's", err)
	}
}

// A failed listing is reported and not kept: the next check lists again.
func TestAFailedListingIsNotKept(t *testing.T) {
	ctx := context.Background()
	l := &lister{err: errors.New("GET /thing: 500")}
	var ix naturalkey.Index
	if _, _, err := ix.Claim(ctx, "k", l.list); err == nil || err.Error() != "GET /thing: 500" {
		t.Fatalf("err = %v, want the listing's", err)
	}
	l.err = nil
	l.entries = []naturalkey.Entry{{ID: "1", Key: "k"}}
	if _, found, err := ix.Claim(ctx, "k", l.list); err != nil || len(found) != 1 {
		t.Errorf("after a failed listing: %v, %v; want the object from a new listing", found, err)
	}
	if n := l.calls.Load(); n != 2 {
		t.Errorf("%d listings, want 2", n)
	}
}

// A listing abandoned by its caller (context ended) is no answer for the
// checks that waited on it: they list again.
func TestAnAbandonedListingIsNotAnAnswer(t *testing.T) {
	l := &lister{gate: make(chan struct{})}
	var ix naturalkey.Index
	leaderCtx, cancel := context.WithCancel(context.Background())
	leader := make(chan error, 1)
	go func() {
		_, _, err := ix.Claim(leaderCtx, "a", l.list)
		leader <- err
	}()
	for l.calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	waiter := make(chan error, 1)
	go func() {
		c, _, err := ix.Claim(context.Background(), "b", l.list)
		c.Release()
		waiter <- err
	}()
	time.Sleep(10 * time.Millisecond)
	cancel()
	if err := <-leader; !errors.Is(err, context.Canceled) {
		t.Errorf("leader: %v, want its cancellation", err)
	}
	close(l.gate)
	if err := <-waiter; err != nil {
		t.Errorf("the waiting check got %v from a listing its caller abandoned", err)
	}
	if n := l.calls.Load(); n != 2 {
		t.Errorf("%d listings, want 2", n)
	}
}

func TestEntries(t *testing.T) {
	got, err := naturalkey.Entries([]int{1, 2, 3}, nil, func(i int) (naturalkey.Entry, bool) {
		return naturalkey.Entry{ID: fmt.Sprint(i), Key: "k"}, i != 2
	})
	if err != nil || len(got) != 2 || got[1].ID != "3" {
		t.Errorf("Entries = %v, %v; want 1 and 3", got, err)
	}
	if _, err := naturalkey.Entries[int](nil, errors.New("boom"), nil); err == nil || err.Error() != "boom" {
		t.Errorf("Entries must pass the listing's error on, got %v", err)
	}
}
