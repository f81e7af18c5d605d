package emulator_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

func client(t *testing.T, e *emulator.Emulator, attempts int) *stapi.Client {
	t.Helper()
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	c, err := stapi.New(stapi.Config{
		BaseURL: srv.URL + emulator.ServiceTradePrefix, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret,
		HTTP: transport.Config{Retry: transport.RetryPolicy{MaxAttempts: attempts, MinDelay: time.Millisecond, MaxDelay: time.Millisecond}, RequestTimeout: 2 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var points = []stapi.Point{{1, 1}, {2, 2}, {3, 1}}

func TestInjectedStatusesAreRetriedAway(t *testing.T) {
	e := emulator.New(emulator.Options{})
	c := client(t, e, 5)
	e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodGet, Path: "/region", Status: 429, RetryAfter: "0", Times: 2})
	e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodGet, Path: "/region", Status: 503, Times: 2})
	if _, err := c.ListRegions(context.Background(), stapi.RegionFilter{}); err != nil {
		t.Fatal(err)
	}
	if got := e.FaultsApplied(); got != 4 {
		t.Errorf("faults applied = %d, want 4", got)
	}
}

func TestExhaustedRetriesReportAttemptsAndTheLastAnswer(t *testing.T) {
	e := emulator.New(emulator.Options{})
	c := client(t, e, 3)
	e.Inject(emulator.Fault{Vendor: "servicetrade", Path: "/region", Status: 502, Times: 10})
	_, err := c.ListRegions(context.Background(), stapi.RegionFilter{})
	var apiErr *stapi.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 502 || apiErr.Attempts != 3 {
		t.Fatalf("err = %v; want the 502 after 3 attempts", err)
	}
}

func TestLostPostResponseLeavesTheObjectCreated(t *testing.T) {
	e := emulator.New(emulator.Options{})
	c := client(t, e, 5)
	ctx := context.Background()
	if _, err := c.ListRegions(ctx, stapi.RegionFilter{}); err != nil { // log in first
		t.Fatal(err)
	}
	e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodPost, Path: "/region", DropAfter: true})
	if _, err := c.CreateRegion(ctx, stapi.RegionInput{Name: "lost", Points: points}); err == nil {
		t.Fatal("the create succeeded although its response was dropped")
	}
	list, err := c.ListRegions(ctx, stapi.RegionFilter{Name: "lost"})
	if err != nil || len(list) != 1 {
		t.Fatalf("regions named lost: %d, %v; want exactly 1 (created once, never replayed)", len(list), err)
	}
}

func TestHangingRequestTimesOut(t *testing.T) {
	e := emulator.New(emulator.Options{})
	c := client(t, e, 1)
	e.Inject(emulator.Fault{Vendor: "servicetrade", Path: "/region", Hang: true})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.GetRegion(ctx, 1)
	var ae *transport.AttemptError
	if !errors.As(err, &ae) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v; want a per-attempt timeout", err)
	}
}
