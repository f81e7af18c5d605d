package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// requestLog counts the webhook requests an emulator serves: reads by id
// and list pages.
type requestLog struct {
	mu    sync.Mutex
	byID  int
	pages int
	// beforePage, when set, runs before the emulator serves that page.
	beforePage map[string]func()
	// gate, when set, holds every list page after the first until gateAt
	// of them are in flight; mostInFlight is the most seen at once.
	gate                           chan struct{}
	gateAt, inFlight, mostInFlight int
}

// holdPages makes the pages after the first wait until at least n are
// being fetched at once, which only a listing with n or more workers does.
func (l *requestLog) holdPages(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gate, l.gateAt = make(chan struct{}), n
}

// passGate counts a page in flight and holds it at the gate; done counts
// it out.
func (l *requestLog) passGate(r *http.Request) (done func()) {
	l.mu.Lock()
	gate := l.gate
	if gate == nil || r.URL.Query().Get("page") == "" || r.URL.Query().Get("page") == "1" {
		l.mu.Unlock()
		return func() {}
	}
	l.inFlight++
	l.mostInFlight = max(l.mostInFlight, l.inFlight)
	if l.inFlight == l.gateAt {
		close(gate)
		l.gateAt = 0 // open for good
	}
	l.mu.Unlock()
	select {
	case <-gate:
	case <-r.Context().Done():
	}
	return func() {
		l.mu.Lock()
		l.inFlight--
		l.mu.Unlock()
	}
}

func (l *requestLog) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			l.mu.Lock()
			switch r.URL.Path {
			case emulator.ServiceTradePrefix + "/webhook":
				l.pages++
			default:
				if len(r.URL.Path) > len(emulator.ServiceTradePrefix+"/webhook/") && r.URL.Path[:len(emulator.ServiceTradePrefix+"/webhook/")] == emulator.ServiceTradePrefix+"/webhook/" {
					l.byID++
				}
			}
			before := l.beforePage[r.URL.Query().Get("page")]
			if r.URL.Path == emulator.ServiceTradePrefix+"/webhook" {
				delete(l.beforePage, r.URL.Query().Get("page"))
			} else {
				before = nil
			}
			l.mu.Unlock()
			if before != nil {
				before()
			}
			if r.URL.Path == emulator.ServiceTradePrefix+"/webhook" {
				defer l.passGate(r)()
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (l *requestLog) counts() (byID, pages int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.byID, l.pages
}

func (l *requestLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.byID, l.pages = 0, 0
}

// listedSetup serves an emulator paging every 10 objects with n webhooks,
// made by the returned admin client; reads go through a fresh client with
// ListedReads, as a new provider process's would.
func listedSetup(t *testing.T, n int) (log *requestLog, admin *api.Client, reader func() *api.Client, hooks []api.Webhook) {
	t.Helper()
	log = &requestLog{beforePage: map[string]func(){}}
	srv := httptest.NewServer(log.wrap(emulator.New(emulator.Options{PageSize: 10})))
	t.Cleanup(srv.Close)
	cfg := api.Config{BaseURL: srv.URL + emulator.ServiceTradePrefix, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret}
	admin = newClient(t, cfg)
	// The readers are as the provider builds them; admin, which sees
	// everyone's changes across the test, reads by id.
	cfg.ListedReads = true
	for i := range n {
		h, err := admin.CreateWebhook(context.Background(), api.WebhookInput{HookURL: fmt.Sprintf("https://hooks.example.com/listed/%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		hooks = append(hooks, *h)
	}
	log.reset()
	return log, admin, func() *api.Client { return newClient(t, cfg) }, hooks
}

// readAll reads every hook with c, concurrently as Terraform's refresh
// does, and returns what each read answered (nil for an error).
func readAll(t *testing.T, c *api.Client, hooks []api.Webhook) ([]*api.Webhook, []error) {
	t.Helper()
	got := make([]*api.Webhook, len(hooks))
	errs := make([]error, len(hooks))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 10)
	for i, h := range hooks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			got[i], errs[i] = c.GetWebhook(context.Background(), h.ID)
		}()
	}
	wg.Wait()
	return got, errs
}

func TestListedReads_oneReadIsOneGET(t *testing.T) {
	log, _, reader, hooks := listedSetup(t, 25)
	got, err := reader().GetWebhook(context.Background(), hooks[7].ID)
	if err != nil || got.HookURL != hooks[7].HookURL {
		t.Fatalf("GetWebhook: %+v, %v", got, err)
	}
	if byID, pages := log.counts(); byID != 1 || pages != 0 {
		t.Errorf("one read: %d reads by id and %d list pages, want 1 and 0", byID, pages)
	}
}

// A refresh of every object costs one read by id and the list's pages,
// and answers each object as its GET by id does.
func TestListedReads_refreshReadsByPages(t *testing.T) {
	log, admin, reader, hooks := listedSetup(t, 25)
	got, errs := readAll(t, reader(), hooks)
	for i, h := range hooks {
		want, err := admin.GetWebhook(context.Background(), h.ID)
		if err != nil {
			t.Fatal(err)
		}
		if errs[i] != nil || got[i] == nil || *got[i] != *want {
			t.Errorf("webhook %d: %+v, %v; want %+v", h.ID, got[i], errs[i], want)
		}
	}
	log.reset()
	readAll(t, reader(), hooks)
	if byID, pages := log.counts(); byID != 1 || pages != 3 {
		t.Errorf("refresh of 25: %d reads by id and %d list pages, want 1 and 3", byID, pages)
	}
}

// In an account much larger than the refresh, the rest of the list is not
// fetched: it would cost more than the reads it replaces.
func TestListedReads_fewReadsOfALargeKindDoNotListIt(t *testing.T) {
	log, _, reader, hooks := listedSetup(t, 100)
	c := reader()
	for _, h := range []api.Webhook{hooks[3], hooks[55], hooks[97]} {
		if got, err := c.GetWebhook(context.Background(), h.ID); err != nil || got.ID != h.ID {
			t.Fatalf("GetWebhook %d: %+v, %v", h.ID, got, err)
		}
	}
	if byID, pages := log.counts(); pages != 1 || byID > 3 {
		t.Errorf("3 reads of 100: %d reads by id and %d list pages, want at most 3 and 1", byID, pages)
	}
}

// An object deleted out of band is read by id, and its 404 says it is
// gone; one changed out of band is read as it is now.
func TestListedReads_outOfBandChangesAreSeen(t *testing.T) {
	_, admin, reader, hooks := listedSetup(t, 25)
	ctx := context.Background()
	if err := admin.DeleteWebhook(ctx, hooks[4].ID); err != nil {
		t.Fatal(err)
	}
	disabled := false
	if _, err := admin.UpdateWebhook(ctx, hooks[9].ID, api.WebhookUpdate{Enabled: &disabled}); err != nil {
		t.Fatal(err)
	}
	got, errs := readAll(t, reader(), hooks)
	if !api.IsNotFound(errs[4]) {
		t.Errorf("deleted webhook: %+v, %v; want not found", got[4], errs[4])
	}
	if errs[9] != nil || got[9].Enabled {
		t.Errorf("disabled webhook: %+v, %v; want enabled false", got[9], errs[9])
	}
}

// A write drops what was listed: the next read sees it.
func TestListedReads_writeDropsTheListing(t *testing.T) {
	log, _, reader, hooks := listedSetup(t, 25)
	c := reader()
	readAll(t, c, hooks)
	disabled := false
	if _, err := c.UpdateWebhook(context.Background(), hooks[2].ID, api.WebhookUpdate{Enabled: &disabled}); err != nil {
		t.Fatal(err)
	}
	log.reset()
	got, err := c.GetWebhook(context.Background(), hooks[2].ID)
	if err != nil || got.Enabled {
		t.Fatalf("read after the update: %+v, %v; want enabled false", got, err)
	}
	if byID, pages := log.counts(); byID+pages == 0 {
		t.Error("the read after the update was served from the listing made before it")
	}
}

// Objects that move between pages while the list is read (here, a
// deletion before page 2 moves page 2's first object onto page 1, a
// creation before page 3 moves one onto a page already read) are not lost:
// what the listing misses is read by id.
func TestListedReads_objectsMovingBetweenPagesAreNotLost(t *testing.T) {
	log, admin, reader, hooks := listedSetup(t, 30)
	ctx := context.Background()
	log.mu.Lock()
	log.beforePage["2"] = func() {
		if err := admin.DeleteWebhook(ctx, hooks[0].ID); err != nil {
			t.Error(err)
		}
	}
	log.beforePage["3"] = func() {
		if _, err := admin.CreateWebhook(ctx, api.WebhookInput{HookURL: "https://hooks.example.com/listed/late"}); err != nil {
			t.Error(err)
		}
	}
	log.mu.Unlock()
	got, errs := readAll(t, reader(), hooks[1:])
	for i, h := range hooks[1:] {
		if errs[i] != nil || got[i] == nil || got[i].HookURL != h.HookURL {
			t.Errorf("webhook %d: %+v, %v", h.ID, got[i], errs[i])
		}
	}
}

// A destroy reads each object before it writes it (a user is read, then
// deactivated): reads counted since the last write stay few, so they are
// made by id instead of listing the kind again after every write.
func TestListedReads_readsBetweenWritesDoNotListAgain(t *testing.T) {
	log, _, reader, hooks := listedSetup(t, 40)
	c := reader()
	readAll(t, c, hooks) // the refresh: one read by id and 4 pages
	log.reset()
	disabled := false
	for _, h := range hooks {
		if _, err := c.GetWebhook(context.Background(), h.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateWebhook(context.Background(), h.ID, api.WebhookUpdate{Enabled: &disabled}); err != nil {
			t.Fatal(err)
		}
	}
	// The first read comes from the refresh's listing; each one after a
	// write is a read by id.
	if byID, pages := log.counts(); byID != len(hooks)-1 || pages != 0 {
		t.Errorf("40 reads each followed by a write: %d reads by id and %d list pages, want 39 and 0", byID, pages)
	}
}

// A refresh of as many objects as Terraform's default parallelism lists
// the kind, whatever its size: one read by id and every page.
func TestListedReads_bulkRefreshListsALargeKind(t *testing.T) {
	log, _, reader, hooks := listedSetup(t, 150)
	// Objects of the last pages, so that the first page serves none.
	got, errs := readAll(t, reader(), hooks[130:142])
	for i, h := range hooks[130:142] {
		if errs[i] != nil || got[i].ID != h.ID {
			t.Errorf("webhook %d: %+v, %v", h.ID, got[i], errs[i])
		}
	}
	// The tenth read at the latest lists the rest; reads before it that
	// the first page answered before they were ten go by id.
	if byID, pages := log.counts(); byID > 9 || pages != 15 {
		t.Errorf("12 reads of 150: %d reads by id and %d list pages, want at most 9 and 15", byID, pages)
	}
}

// A client without ListedReads (a test's, or any that outlives one
// Terraform command) reads by id, always.
func TestListedReads_offUnlessAsked(t *testing.T) {
	log, admin, _, hooks := listedSetup(t, 25)
	readAll(t, admin, hooks)
	if byID, pages := log.counts(); byID != 25 || pages != 0 {
		t.Errorf("25 reads without ListedReads: %d reads by id and %d list pages, want 25 and 0", byID, pages)
	}
}

// A listing fetches its pages 50 at a time: a refresh of 500 objects
// waits for one round of pages after the first, and never has more than
// 50 pages in flight. The test's pages wait until 50 are in flight; a
// listing with fewer workers never gets there and the reads fail when the
// test's deadline cancels them.
func TestListedReads_pagesAreFetched50AtATime(t *testing.T) {
	log, _, reader, hooks := listedSetup(t, 600)
	log.holdPages(50)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := reader()
	var wg sync.WaitGroup
	errs := make([]error, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = c.GetWebhook(ctx, hooks[i*60].ID)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("read %d: %v (pages in flight at most %d, want 50)", i, err, log.mostInFlight)
		}
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	if log.mostInFlight != 50 {
		t.Errorf("list pages in flight at once: at most %d, want 50", log.mostInFlight)
	}
	if log.pages != 60 {
		t.Errorf("list pages: %d, want the 60 of 600 webhooks", log.pages)
	}
}
