package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	emukim "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
)

// listServer is a Kimoby webhook list that answers page and per_page in one
// of the ways a real server plausibly could. The reference shows GET
// /webhooks as a bare array with no paging parameters, while its general
// rule says every collection pages (per_page up to 50, default 25).
type listServer struct {
	ids      []string
	paging   paging
	requests atomic.Int32
}

type paging int

const (
	// pagesBoth honours page and per_page (default 25), as the general
	// pagination rule says.
	pagesBoth paging = iota
	// pagesNone ignores both and sends the whole list every time, as the
	// webhook section shows it.
	pagesNone
	// pagesFixed25 honours page but ignores per_page, serving the default
	// 25 per page.
	pagesFixed25
	// pagesPerPageOnly honours per_page but ignores page: every page is the
	// first one, and the rest of the list cannot be reached.
	pagesPerPageOnly
	// pagesEndless never ends: every page holds new ids.
	pagesEndless
)

func (p paging) String() string {
	return [...]string{"pages", "ignores paging", "ignores per_page", "ignores page", "endless"}[p]
}

func newListServer(t *testing.T, n int, p paging) (*listServer, *api.Client) {
	t.Helper()
	ls := &listServer{paging: p}
	for i := 0; i < n; i++ {
		ls.ids = append(ls.ids, fmt.Sprintf("WH%032x", i+1))
	}
	srv := httptest.NewServer(ls)
	t.Cleanup(srv.Close)
	return ls, newClient(t, srv.URL)
}

func (ls *listServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet || r.URL.Path != "/webhooks" {
		http.Error(w, `{"message":"Not found"}`, http.StatusNotFound)
		return
	}
	ls.requests.Add(1)
	page, perPage := 1, 25
	if v, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil {
		page = v
	}
	if v, err := strconv.Atoi(r.URL.Query().Get("per_page")); err == nil {
		perPage = v
	}
	ids := ls.ids
	switch ls.paging {
	case pagesBoth:
		ids = window(ids, page, perPage)
	case pagesFixed25:
		ids = window(ids, page, 25)
	case pagesPerPageOnly:
		ids = window(ids, 1, perPage)
	case pagesEndless:
		ids = nil
		for i := 0; i < perPage; i++ {
			ids = append(ids, fmt.Sprintf("WH%016x%016x", page, i))
		}
	}
	out := make([]api.Webhook, 0, len(ids))
	for _, id := range ids {
		out = append(out, api.Webhook{ID: id, URL: "https://hooks.example.com/" + id, CreatedAt: "2016-06-28T15:00:00+00:00", UpdatedAt: "2016-06-28T15:00:00+00:00"})
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

func window(ids []string, page, perPage int) []string {
	start := min((page-1)*perPage, len(ids))
	return ids[start:min(start+perPage, len(ids))]
}

// Whatever the server does with page and per_page, the client lists every
// webhook exactly once, in the server's order, and stops.
func TestListWebhooksWithEveryPagingBehaviour(t *testing.T) {
	for _, p := range []paging{pagesBoth, pagesNone, pagesFixed25} {
		for _, n := range []int{0, 1, 24, 25, 26, 49, 50, 51, 60, 75, 100, 101, 130} {
			t.Run(fmt.Sprintf("%s/%d", p, n), func(t *testing.T) {
				ls, c := newListServer(t, n, p)
				got, err := c.ListWebhooks(context.Background())
				if err != nil {
					t.Fatalf("listing %d webhooks from a server that %s: %v", n, p, err)
				}
				if len(got) != n {
					t.Fatalf("listed %d webhooks from a server that %s, want %d", len(got), p, n)
				}
				for i, w := range got {
					if w.ID != ls.ids[i] {
						t.Fatalf("item %d is %s, want %s (the server's order, each webhook once)", i, w.ID, ls.ids[i])
					}
				}
				// Never more than one request per 25 webhooks (the smallest
				// page a server may impose) plus two: the page that proves
				// the end and, at most once, a check of per_page.
				if got, limit := int(ls.requests.Load()), n/25+3; got > limit {
					t.Errorf("%d list requests, want at most %d", got, limit)
				}
			})
		}
	}
}

// The number of requests each behaviour costs: a server that ignores paging
// is read in one request whenever its list is longer than a page; a server
// that pages is read in ceil(n/50) requests, plus the empty page that proves
// the end when the last page is full.
func TestListWebhooksRequestCounts(t *testing.T) {
	for _, tc := range []struct {
		paging paging
		n      int
		want   int
	}{
		{pagesNone, 60, 1},  // longer than per_page: the whole list
		{pagesNone, 130, 1}, //
		{pagesNone, 10, 1},  // short page: the end
		{pagesNone, 25, 2},  // 25 may be a fixed page size: the repeat proves the end
		{pagesNone, 50, 3},  // full page repeated: per_page=1 shows per_page is ignored too
		{pagesBoth, 0, 1},
		{pagesBoth, 10, 1},
		{pagesBoth, 60, 2},
		{pagesBoth, 100, 3},
		{pagesBoth, 101, 3},
		{pagesFixed25, 60, 3},
		{pagesFixed25, 50, 3},
	} {
		t.Run(fmt.Sprintf("%s/%d", tc.paging, tc.n), func(t *testing.T) {
			ls, c := newListServer(t, tc.n, tc.paging)
			if _, err := c.ListWebhooks(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got := int(ls.requests.Load()); got != tc.want {
				t.Errorf("listing %d webhooks from a server that %s made %d requests, want %d", tc.n, tc.paging, got, tc.want)
			}
		})
	}
}

// A server that honours per_page but ignores page cannot be read whole:
// rather than take the first page for the whole list (and report the other
// webhooks as deleted, which makes Terraform create them again), the client
// fails and says why.
func TestListWebhooksRefusesAListThatCannotBePaged(t *testing.T) {
	ls, c := newListServer(t, 60, pagesPerPageOnly)
	_, err := c.ListWebhooks(context.Background())
	if err == nil {
		t.Fatal("listing succeeded from a server that serves page 1 for every page; want an error")
	}
	for _, want := range []string{"GET /webhooks", "page=2", "the same 50 webhooks as page=1", "per_page"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if got := ls.requests.Load(); got != 3 {
		t.Errorf("%d requests before failing, want 3", got)
	}
}

// A list that never ends is cut off after a bounded number of pages.
func TestListWebhooksStopsAnEndlessList(t *testing.T) {
	defer api.SetMaxWebhookPages(5)()
	ls, c := newListServer(t, 0, pagesEndless)
	_, err := c.ListWebhooks(context.Background())
	if err == nil || !strings.Contains(err.Error(), "did not end after 5 pages") {
		t.Fatalf("err = %v, want the list cut off after 5 pages", err)
	}
	if got := ls.requests.Load(); got != 5 {
		t.Errorf("%d requests, want 5", got)
	}
}

// Terraform's Read of each of 60 webhooks, in parallel, against a server
// that ignores paging: every webhook is found, from one shared listing.
func TestGetWebhookFromAServerThatIgnoresPaging(t *testing.T) {
	for _, p := range []paging{pagesNone, pagesBoth, pagesFixed25} {
		t.Run(p.String(), func(t *testing.T) {
			ls, c := newListServer(t, 60, p)
			var wg sync.WaitGroup
			errs := make(chan error, len(ls.ids))
			for _, id := range ls.ids {
				wg.Add(1)
				go func() {
					defer wg.Done()
					w, err := c.GetWebhook(context.Background(), id)
					if err == nil && w.ID != id {
						err = fmt.Errorf("GetWebhook(%s) returned %s", id, w.ID)
					}
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			before := ls.requests.Load()
			if _, err := c.GetWebhook(context.Background(), ls.ids[59]); err != nil {
				t.Fatal(err)
			}
			if ls.requests.Load() != before {
				t.Errorf("a later read listed again: the listing is shared by every caller of the client")
			}
		})
	}
}

// The emulator in both of its list modes: the paged one honours page and
// per_page, the unpaged one serves the whole list as the webhook section
// documents it. 60 webhooks are more than one page of 50 either way.
func TestListWebhooksFromTheEmulatorInEachListMode(t *testing.T) {
	for mode, wantRequests := range map[emukim.WebhookListMode]int{emukim.WebhookListPaged: 2, emukim.WebhookListUnpaged: 1} {
		t.Run(mode.String(), func(t *testing.T) {
			e, base := newEmulator(t, nil)
			e.SetWebhookListMode(mode)
			c := newClient(t, base)
			created := createN(t, c, 60)
			before := e.Stats().WebhookListPages
			for _, w := range []*api.Webhook{created[0], created[49], created[50], created[59]} {
				got, err := c.GetWebhook(context.Background(), w.ID)
				if err != nil || got.URL != w.URL {
					t.Fatalf("GetWebhook(%s) = %+v, %v; want url %s", w.ID, got, err, w.URL)
				}
			}
			if got := e.Stats().WebhookListPages - before; got != wantRequests {
				t.Errorf("four reads of 60 webhooks made %d list requests, want %d", got, wantRequests)
			}
			all, err := c.ListWebhooks(context.Background())
			if err != nil || len(all) != 60 {
				t.Fatalf("ListWebhooks = %d webhooks, %v; want 60", len(all), err)
			}
		})
	}
}
