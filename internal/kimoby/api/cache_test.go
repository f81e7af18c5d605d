package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// A listing abandoned by the caller that started it (its context ended) is
// not handed as an error to the others: they fetch again.
func TestListCacheSurvivesAnAbandonedFetch(t *testing.T) {
	var lc listCache[int]
	var fetches atomic.Int32
	started := make(chan struct{})
	leaderCtx, cancel := context.WithCancel(context.Background())
	fetch := func(ctx context.Context) ([]int, error) {
		if fetches.Add(1) == 1 {
			close(started)
			<-ctx.Done()
			return nil, ctx.Err()
		}
		return []int{1, 2, 3}, nil
	}
	leaderErr := make(chan error, 1)
	go func() {
		_, err := lc.get(leaderCtx, fetch)
		leaderErr <- err
	}()
	<-started
	// Whether this caller joins the abandoned flight or arrives after it,
	// it must get a real listing.
	waiter := make(chan []int, 1)
	go func() {
		items, err := lc.get(context.Background(), fetch)
		if err != nil {
			t.Error(err)
		}
		waiter <- items
	}()
	cancel()
	if err := <-leaderErr; err == nil {
		t.Error("the cancelled caller got no error")
	}
	if items := <-waiter; len(items) != 3 {
		t.Errorf("the waiting caller got %v, want the 3 items of a second fetch", items)
	}
	if n := fetches.Load(); n != 2 {
		t.Errorf("%d fetches, want 2", n)
	}
}

// A listing that was in flight when a write happened is not kept: it may
// miss the write.
func TestListCacheDropsAListingOverlappingAWrite(t *testing.T) {
	var lc listCache[int]
	var fetches atomic.Int32
	release := make(chan struct{})
	started := make(chan struct{})
	fetch := func(context.Context) ([]int, error) {
		if fetches.Add(1) == 1 {
			close(started)
			<-release
			return []int{1}, nil
		}
		return []int{1, 2}, nil
	}
	done := make(chan []int)
	go func() {
		items, _ := lc.get(context.Background(), fetch)
		done <- items
	}()
	<-started
	lc.invalidate()
	close(release)
	if items := <-done; len(items) != 1 {
		t.Fatalf("the caller of the overlapping listing got %v, want its own result", items)
	}
	items, err := lc.get(context.Background(), fetch)
	if err != nil || len(items) != 2 || fetches.Load() != 2 {
		t.Errorf("after the write: %v, %v after %d fetches; want the 2 items of a new fetch", items, err, fetches.Load())
	}
	if _, _ = lc.get(context.Background(), fetch); fetches.Load() != 2 {
		t.Errorf("a third call fetched again (%d fetches): the listing was not kept", fetches.Load())
	}
}

// The credentials and every webhook key learned at creation are redacted
// from the transport's logs.
func TestSecretsAreRegisteredWithTheTransport(t *testing.T) {
	const key = "1vb3auxyhmRZ1AyuCdT4AzNS0fz2RL61Elowdhxw"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(map[string]string{"id": "WH1", "url": "https://a.example.com", "authentication_key": key})
	}))
	defer srv.Close()
	c, err := New(Config{BaseURL: srv.URL, APIKey: "the-api-key", APISecret: "the-api-secret", HTTP: transport.Config{}})
	if err != nil {
		t.Fatal(err)
	}
	r := c.http.Redactor()
	if _, err := c.CreateWebhook(context.Background(), WebhookInput{URL: "https://a.example.com"}); err != nil {
		t.Fatal(err)
	}
	line := r.String("key the-api-key secret the-api-secret webhook " + key + " header " + c.authorization)
	for _, secret := range []string{"the-api-key", "the-api-secret", key, strings.TrimPrefix(c.authorization, "Basic ")} {
		if strings.Contains(line, secret) {
			t.Errorf("log line %q shows %q", line, secret)
		}
	}
}
