package emulator_test

import (
	"bytes"
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
)

// A held request with a body ends when its client gives up, so that the
// server can shut down cleanly (Close waits at most 5 s for handlers).
func TestHangingPostEndsWhenTheClientGivesUp(t *testing.T) {
	run, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	run.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodPost, Path: "/region", Hang: true})
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, run.ServiceTradeURL()+"/region", bytes.NewReader([]byte(`{"name":"held"}`)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	done := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	for run.FaultsApplied() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-done; err == nil {
		t.Fatal("the held request was answered")
	}
	if err := run.Close(); err != nil {
		t.Fatalf("the emulator did not shut down cleanly: %v (the held handler outlived its client)", err)
	}
}
