package api_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestWebhookLifecycleAndNotFound(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()

	wh, err := c.CreateWebhook(ctx, api.WebhookInput{HookURL: "http://app.example.com/accounting/234536345/integration"})
	if err != nil {
		t.Fatal(err)
	}
	if wh.ID <= 1<<32 || !wh.Enabled || wh.IncludeChangesets || wh.Confirmed ||
		!strings.HasSuffix(wh.URI, "/webhook/"+strconv.FormatInt(wh.ID, 10)) {
		t.Errorf("created webhook = %+v; want a 64-bit id, the uri, enabled, no changesets, not yet confirmed", wh)
	}
	got, err := c.GetWebhook(ctx, wh.ID)
	if err != nil || !got.Confirmed || got.HookURL != wh.HookURL {
		t.Fatalf("GetWebhook after create = %+v, %v; want it confirmed", got, err)
	}

	off, on := false, true
	got, err = c.UpdateWebhook(ctx, wh.ID, api.WebhookUpdate{Enabled: &off, IncludeChangesets: &on})
	if err != nil || got.Enabled || !got.IncludeChangesets || got.HookURL != wh.HookURL {
		t.Fatalf("UpdateWebhook = %+v, %v", got, err)
	}
	// A partial update leaves the other flag alone.
	got, err = c.UpdateWebhook(ctx, wh.ID, api.WebhookUpdate{Enabled: &on})
	if err != nil || !got.Enabled || !got.IncludeChangesets {
		t.Fatalf("partial UpdateWebhook = %+v, %v", got, err)
	}

	if err := c.DeleteWebhook(ctx, wh.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetWebhook(ctx, wh.ID); !api.IsNotFound(err) {
		t.Errorf("GetWebhook after delete: %v, want not found", err)
	}
	if _, err := c.UpdateWebhook(ctx, wh.ID, api.WebhookUpdate{Enabled: &on}); !api.IsNotFound(err) {
		t.Errorf("UpdateWebhook after delete: %v, want not found", err)
	}
	if err := c.DeleteWebhook(ctx, wh.ID); !api.IsNotFound(err) {
		t.Errorf("second delete: %v, want not found", err)
	}
}

func TestCreateWebhookTakesExplicitFlags(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[1].cfg(base))
	off, on := false, true
	wh, err := c.CreateWebhook(context.Background(), api.WebhookInput{HookURL: "https://hooks.example.com/st", Enabled: &off, IncludeChangesets: &on})
	if err != nil || wh.Enabled || !wh.IncludeChangesets {
		t.Fatalf("CreateWebhook = %+v, %v; want disabled with changesets", wh, err)
	}
}

func TestCreateWebhookRefusesBadURLs(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[0].cfg(base))
	for _, u := range []string{"", "ftp://example.com/hook", "example.com/hook"} {
		_, err := c.CreateWebhook(context.Background(), api.WebhookInput{HookURL: u})
		var apiErr *api.Error
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || len(apiErr.Validation["hookUrl"]) == 0 {
			t.Errorf("CreateWebhook(%q) = %v, want a 400 with a hookUrl validation message", u, err)
		}
	}
}

func TestListWebhooksPages(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	if list, err := c.ListWebhooks(ctx); err != nil || len(list) != 0 {
		t.Fatalf("ListWebhooks on an empty account = %v, %v", list, err)
	}
	for i := 0; i < 5; i++ {
		if _, err := c.CreateWebhook(ctx, api.WebhookInput{HookURL: fmt.Sprintf("https://hooks.example.com/%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := c.ListWebhooks(ctx)
	if err != nil || len(list) != 5 {
		t.Fatalf("ListWebhooks = %d, %v; want 5 across 3 pages", len(list), err)
	}
	for i, wh := range list {
		if want := fmt.Sprintf("https://hooks.example.com/%d", i); wh.HookURL != want || !wh.Confirmed {
			t.Errorf("webhook %d = %+v, want %s, confirmed", i, wh, want)
		}
	}
}
