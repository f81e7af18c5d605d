package api_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// A refused login is tried once per client: the callers that waited for it,
// and every later one, get its error without sending the credentials again,
// so that a wrong password cannot lock the account out.
func TestRefusedLoginIsSharedByEveryCaller(t *testing.T) {
	cases := []struct {
		name string
		cfg  func(base string) api.Config
	}{
		{"oauth2", func(base string) api.Config {
			return api.Config{BaseURL: base, ClientID: emust.ClientID, ClientSecret: "wrong-secret"}
		}},
		{"session", func(base string) api.Config {
			return api.Config{BaseURL: base, Username: emust.Username, Password: "wrong-password"}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, base := newEmulator(t, emulator.Options{})
			c := newClient(t, tc.cfg(base))
			var wg sync.WaitGroup
			errs := make(chan error, 10)
			for i := 0; i < 10; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, err := c.GetRegion(context.Background(), 1)
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				var authErr *api.AuthError
				if !errors.As(err, &authErr) {
					t.Errorf("got %v, want the login's *api.AuthError", err)
				}
			}
			// A later call, once the parallel ones are over, does not try again.
			if _, err := c.ListRegions(context.Background(), api.RegionFilter{}); !errors.As(err, new(*api.AuthError)) {
				t.Errorf("later call: got %v, want the same *api.AuthError", err)
			}
			if got := e.Requests()["servicetrade POST"]; got != 1 {
				t.Errorf("the credentials were sent %d times, want exactly 1", got)
			}
		})
	}
}

// A login that failed for a transient reason (here a 500, which a POST is
// not retried on) fails the callers waiting for it, but a later call logs in
// again.
func TestTransientLoginFailureIsTriedAgainLater(t *testing.T) {
	for _, f := range flows {
		t.Run(f.name, func(t *testing.T) {
			e, base := newEmulator(t, emulator.Options{})
			c := newClient(t, f.cfg(base))
			e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodPost, Status: http.StatusInternalServerError})
			ctx := context.Background()
			if _, err := c.ListRegions(ctx, api.RegionFilter{}); err == nil {
				t.Fatal("the login succeeded through the injected 500")
			}
			if _, err := c.ListRegions(ctx, api.RegionFilter{}); err != nil {
				t.Fatalf("a transient failure was remembered: %v", err)
			}
			if got := f.issued(e.ServiceTrade.Stats()); got != 1 {
				t.Errorf("credentials obtained = %d, want 1", got)
			}
		})
	}
}

// A caller whose context ends while it is logging in for everyone does not
// fail the others: the next one in line logs in.
func TestCancelledLoginDoesNotFailTheWaiters(t *testing.T) {
	for _, f := range flows {
		t.Run(f.name, func(t *testing.T) {
			e, base := newEmulator(t, emulator.Options{})
			c := newClient(t, f.cfg(base))
			e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodPost, Hang: true})
			leaderCtx, cancelLeader := context.WithCancel(context.Background())
			leaderDone := make(chan error, 1)
			go func() {
				_, err := c.ListRegions(leaderCtx, api.RegionFilter{})
				leaderDone <- err
			}()
			waitFor(t, func() bool { return e.FaultsApplied() == 1 }) // the leader's login is held
			waiterDone := make(chan error, 1)
			go func() {
				_, err := c.ListRegions(context.Background(), api.RegionFilter{})
				waiterDone <- err
			}()
			time.Sleep(50 * time.Millisecond) // let the waiter queue behind the held login
			cancelLeader()
			if err := <-leaderDone; !errors.Is(err, context.Canceled) {
				t.Errorf("leader: got %v, want context.Canceled", err)
			}
			select {
			case err := <-waiterDone:
				if err != nil {
					t.Errorf("waiter: %v; want a login of its own once the leader gave up", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the waiter never finished")
			}
		})
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 5 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
