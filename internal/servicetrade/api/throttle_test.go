package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// A burst of 429 answers to the OAuth2 token request is waited out within
// the elapsed budget, however many there are: the attempt limit (here 2) is
// for failures, and throttling is not one.
func TestThrottledTokenRequestIsWaitedOut(t *testing.T) {
	const throttled = 6
	var tokenRequests atomic.Int32
	e := emulator.New(emulator.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == emulator.ServiceTradePrefix+"/oauth2/token" {
			if tokenRequests.Add(1) <= throttled {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
		}
		e.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{
		BaseURL: srv.URL + emulator.ServiceTradePrefix, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret,
		HTTP: transport.Config{Retry: transport.RetryPolicy{MaxAttempts: 2, MinDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond, MaxElapsed: 20 * time.Second}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListRegions(context.Background(), api.RegionFilter{}); err != nil {
		t.Fatalf("ListRegions after %d throttled token requests: %v", throttled, err)
	}
	if got := tokenRequests.Load(); got != throttled+1 {
		t.Errorf("%d token requests, want %d (every 429 waited out, then one success)", got, throttled+1)
	}
}
