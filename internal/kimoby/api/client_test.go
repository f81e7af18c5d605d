package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	emukim "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// newEmulator serves a Kimoby emulator on a loopback port; h, when given,
// wraps it (to inject failures).
func newEmulator(t *testing.T, wrap func(http.Handler) http.Handler) (*emukim.Server, string) {
	t.Helper()
	e := emukim.New(emukim.Options{})
	var h http.Handler = e
	if wrap != nil {
		h = wrap(e)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return e, srv.URL
}

func newClient(t *testing.T, base string) *api.Client {
	t.Helper()
	return newClientWith(t, api.Config{BaseURL: base, APIKey: emukim.APIKey, APISecret: emukim.APISecret})
}

func newClientWith(t *testing.T, cfg api.Config) *api.Client {
	t.Helper()
	cfg.HTTP.Retry = transport.RetryPolicy{MaxAttempts: 4, MinDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond}
	c, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func createN(t *testing.T, c *api.Client, n int) []*api.Webhook {
	t.Helper()
	out := make([]*api.Webhook, n)
	for i := range out {
		w, err := c.CreateWebhook(context.Background(), api.WebhookInput{URL: fmt.Sprintf("https://hooks.example.com/%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		out[i] = w
	}
	return out
}

var (
	webhookID = regexp.MustCompile(`^WH[0-9a-f]{32}$`)
	apiKey    = regexp.MustCompile(`^[A-Za-z0-9]{40}$`)
	utcStamp  = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$`)
)

func TestWrongCredentialsGiveAClearError(t *testing.T) {
	e, base := newEmulator(t, nil)
	c := newClientWith(t, api.Config{BaseURL: base, APIKey: emukim.APIKey, APISecret: "not-the-secret"})
	_, err := c.ListWebhooks(context.Background())
	if !api.IsUnauthorized(err) {
		t.Fatalf("got %v, want a 401", err)
	}
	for _, w := range []string{"GET /webhooks", "401 Unauthorized", "invalid API key or secret", "KIMOBY_API_KEY", "KIMOBY_API_SECRET"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not mention %q", err, w)
		}
	}
	if strings.Contains(err.Error(), "not-the-secret") {
		t.Errorf("error %q leaks the secret", err)
	}
	if got := e.Stats().Unauthorized; got != 1 {
		t.Errorf("emulator refused %d requests, want 1 (a 401 is not retried)", got)
	}
	// The right credentials work against the same server.
	if _, err := newClient(t, base).ListWebhooks(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestMissingCredentialsAndInsecureURLAreRefused(t *testing.T) {
	if _, err := api.New(api.Config{APIKey: "key-only"}); err == nil || !strings.Contains(err.Error(), "API secret") {
		t.Errorf("got %v, want a missing-credentials error", err)
	}
	_, err := api.New(api.Config{BaseURL: "http://api.kimoby.example/v1", APIKey: "k", APISecret: "s"})
	if err == nil || !strings.Contains(err.Error(), "plain http") {
		t.Errorf("got %v, want a refusal of plain http", err)
	}
}

func TestWebhookLifecycle(t *testing.T) {
	_, base := newEmulator(t, nil)
	c := newClient(t, base)
	ctx := context.Background()

	w, err := c.CreateWebhook(ctx, api.WebhookInput{URL: "https://your.app.com/webhook/path"})
	if err != nil {
		t.Fatal(err)
	}
	if !webhookID.MatchString(w.ID) || !apiKey.MatchString(w.AuthenticationKey) ||
		!utcStamp.MatchString(w.CreatedAt) || w.CreatedAt != w.UpdatedAt || w.URL != "https://your.app.com/webhook/path" {
		t.Fatalf("created webhook = %+v", w)
	}

	got, err := c.GetWebhook(ctx, w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.AuthenticationKey != "" || got.URL != w.URL || got.CreatedAt != w.CreatedAt {
		t.Errorf("listed webhook = %+v; the key is returned at creation only", got)
	}

	u, err := c.UpdateWebhook(ctx, w.ID, api.WebhookInput{URL: "https://your.app.com/webhook/path/updated"})
	if err != nil {
		t.Fatal(err)
	}
	if u.URL != "https://your.app.com/webhook/path/updated" || u.AuthenticationKey != "" || u.CreatedAt != w.CreatedAt || u.UpdatedAt == w.UpdatedAt {
		t.Errorf("updated webhook = %+v (created %s): want the new url, the same created_at, a new updated_at and no key", u, w.CreatedAt)
	}

	if err := c.DeleteWebhook(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetWebhook(ctx, w.ID); !api.IsNotFound(err) {
		t.Errorf("GetWebhook after delete: %v, want not found", err)
	}
	if err := c.DeleteWebhook(ctx, w.ID); !api.IsNotFound(err) {
		t.Errorf("second delete: %v, want not found", err)
	}
	if _, err := c.UpdateWebhook(ctx, w.ID, api.WebhookInput{URL: "https://x.example.com"}); !api.IsNotFound(err) {
		t.Errorf("update of a deleted webhook: %v, want not found", err)
	}
}

func TestValidationErrorsCarryTheAPIMessage(t *testing.T) {
	_, base := newEmulator(t, nil)
	c := newClient(t, base)
	_, err := c.CreateWebhook(context.Background(), api.WebhookInput{URL: "http://insecure.example.com/hook"})
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest {
		t.Fatalf("got %v, want a 400 *api.Error", err)
	}
	if !strings.Contains(apiErr.Message, "must be HTTPS") || !strings.Contains(err.Error(), "POST /webhooks returned 400 Bad Request") {
		t.Errorf("error %q does not carry the API's message", err)
	}
}

// Many goroutines reading webhooks at once, as Terraform's parallel refresh
// does, share one listing: one request per page, not one per reader.
func TestParallelGetWebhookSharesOneListing(t *testing.T) {
	const total = 120 // three pages: 50, 50, 20
	e, base := newEmulator(t, nil)
	created := createN(t, newClient(t, base), total)
	before := e.Stats().WebhookListPages

	c := newClient(t, base)
	var wg sync.WaitGroup
	errs := make(chan error, 2*total)
	for i := 0; i < 2*total; i++ {
		wg.Add(1)
		go func(w *api.Webhook) {
			defer wg.Done()
			got, err := c.GetWebhook(context.Background(), w.ID)
			if err == nil && got.URL != w.URL {
				err = fmt.Errorf("webhook %s has url %q, want %q", w.ID, got.URL, w.URL)
			}
			errs <- err
		}(created[i%total])
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	// Pages are requested until one comes back short: total/50 full pages
	// plus the short one, which is ceil(total/50) when total is not a
	// multiple of 50.
	want := total/api.MaxPerPage + 1
	if got := e.Stats().WebhookListPages - before; got != want {
		t.Errorf("%d parallel reads of %d webhooks made %d list requests, want %d (one listing of %d pages)", 2*total, total, got, want, want)
	}
}

func TestWritesInvalidateTheSharedListing(t *testing.T) {
	e, base := newEmulator(t, nil)
	c := newClient(t, base)
	ctx := context.Background()
	first := createN(t, c, 2)
	pages := func() int { return e.Stats().WebhookListPages }

	if _, err := c.GetWebhook(ctx, first[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetWebhook(ctx, first[1].ID); err != nil {
		t.Fatal(err)
	}
	if got := pages(); got != 1 {
		t.Fatalf("two reads made %d list requests, want 1", got)
	}

	// A change made by someone else is not seen by this client's listing...
	other := newClient(t, base)
	if err := other.DeleteWebhook(ctx, first[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetWebhook(ctx, first[1].ID); err != nil {
		t.Errorf("the shared listing was refetched without a write through this client: %v", err)
	}
	// ...but ListWebhooks always asks the API.
	if fresh, err := c.ListWebhooks(ctx); err != nil || len(fresh) != 1 {
		t.Errorf("ListWebhooks = %d webhooks, %v; want 1", len(fresh), err)
	}

	steps := []struct {
		name  string
		write func() (string, string) // returns the id to read and its expected url ("" for gone)
	}{
		{"create", func() (string, string) {
			w, err := c.CreateWebhook(ctx, api.WebhookInput{URL: "https://hooks.example.com/new"})
			if err != nil {
				t.Fatal(err)
			}
			return w.ID, w.URL
		}},
		{"update", func() (string, string) {
			w, err := c.UpdateWebhook(ctx, first[0].ID, api.WebhookInput{URL: "https://hooks.example.com/changed"})
			if err != nil {
				t.Fatal(err)
			}
			return w.ID, "https://hooks.example.com/changed"
		}},
		{"delete", func() (string, string) {
			if err := c.DeleteWebhook(ctx, first[0].ID); err != nil {
				t.Fatal(err)
			}
			return first[0].ID, ""
		}},
	}
	for _, s := range steps {
		before := pages()
		id, wantURL := s.write()
		got, err := c.GetWebhook(ctx, id)
		switch {
		case wantURL == "" && !api.IsNotFound(err):
			t.Errorf("after %s: GetWebhook = %+v, %v; want not found", s.name, got, err)
		case wantURL != "" && (err != nil || got.URL != wantURL):
			t.Errorf("after %s: GetWebhook = %+v, %v; want url %q", s.name, got, err, wantURL)
		}
		if n := pages() - before; n != 1 {
			t.Errorf("after %s: %d list requests, want 1 (the listing is fetched again once)", s.name, n)
		}
	}
}

func TestListWebhooksPagesBeyondFifty(t *testing.T) {
	for _, total := range []int{0, 49, 50, 101} {
		t.Run(fmt.Sprint(total), func(t *testing.T) {
			e, base := newEmulator(t, nil)
			c := newClient(t, base)
			created := createN(t, c, total)
			all, err := c.ListWebhooks(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != total {
				t.Fatalf("listed %d webhooks, want %d", len(all), total)
			}
			for i, w := range all {
				if w.ID != created[i].ID || w.AuthenticationKey != "" {
					t.Fatalf("item %d = %+v, want %s in creation order without key", i, w, created[i].ID)
				}
			}
			// A multiple of 50 costs one more request: the empty page that
			// proves the end of a bare array without pagination metadata.
			if got, want := e.Stats().WebhookListPages, total/api.MaxPerPage+1; got != want {
				t.Errorf("%d list requests, want %d", got, want)
			}
		})
	}
}

// 429 and 5xx are retried by the shared transport; errors say how many
// attempts were made.
func TestTransientErrorsAreRetried(t *testing.T) {
	var failures atomic.Int32
	failures.Store(2)
	_, base := newEmulator(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.Method == http.MethodGet && failures.Add(-1) >= 0:
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = w.Write([]byte(`{"message":"Rate Limit Exceeded"}`))
			case r.Method == http.MethodPut:
				w.WriteHeader(http.StatusBadGateway)
				_, _ = w.Write([]byte("<html>bad gateway</html>"))
			default:
				h.ServeHTTP(w, r)
			}
		})
	})
	c := newClient(t, base)
	ctx := context.Background()
	w, err := c.CreateWebhook(ctx, api.WebhookInput{URL: "https://hooks.example.com/retry"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetWebhook(ctx, w.ID); err != nil {
		t.Fatalf("GetWebhook after two 429s: %v", err)
	}
	_, err = c.UpdateWebhook(ctx, w.ID, api.WebhookInput{URL: "https://hooks.example.com/other"})
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadGateway || apiErr.Attempts != 4 {
		t.Fatalf("got %v, want a 502 after 4 attempts", err)
	}
	if !strings.Contains(err.Error(), "<html>bad gateway</html> after 4 attempts") {
		t.Errorf("error %q does not show the body and the attempts", err)
	}
}

func TestSignatureMatchesAnIndependentComputation(t *testing.T) {
	// printf '%s' "https://example.com/hookBODY" | openssl dgst -sha1 -hmac KEY -binary | base64
	const want = "7etpI6xet7bM61s945lOZ0SAtYE="
	if got := api.Signature("KEY", "https://example.com/hook", "BODY"); got != want {
		t.Errorf("Signature = %q, want %q", got, want)
	}
	// Ruby's Base64.encode64 appends a newline; verification tolerates it.
	if !api.VerifySignature("KEY", "https://example.com/hook", "BODY", want+"\n") {
		t.Error("VerifySignature refused the signature with a trailing newline")
	}
	if api.VerifySignature("KEY", "https://example.com/hook", "BODY.", want) {
		t.Error("VerifySignature accepted a signature of another body")
	}
}
