package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// authDeletes records the session cookie of every DELETE /auth an emulator
// receives.
type authDeletes struct {
	mu      sync.Mutex
	cookies []string
}

func (d *authDeletes) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodDelete && strings.HasSuffix(r.URL.Path, "/auth") {
			c, _ := r.Cookie("PHPSESSID")
			d.mu.Lock()
			if c != nil {
				d.cookies = append(d.cookies, c.Value)
			} else {
				d.cookies = append(d.cookies, "")
			}
			d.mu.Unlock()
		}
		h.ServeHTTP(w, r)
	})
}

func (d *authDeletes) list() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.cookies...)
}

// LogoutAll closes the session of every client that opened one, once, with
// that session's cookie; OAuth2 clients have nothing to close.
func TestLogoutAllClosesTheSessions(t *testing.T) {
	e := emulator.New(emulator.Options{})
	deletes := &authDeletes{}
	srv := httptest.NewServer(deletes.wrap(e))
	defer srv.Close()
	base := srv.URL + emulator.ServiceTradePrefix
	ctx := context.Background()
	for _, f := range flows {
		if _, err := newClient(t, f.cfg(base)).ListRegions(ctx, api.RegionFilter{}); err != nil {
			t.Fatal(err)
		}
	}
	open := e.ServiceTrade.OpenSessionIDs()
	if len(open) != 1 {
		t.Fatalf("open sessions before logout = %d, want 1", len(open))
	}
	logoutCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	// Clients of other tests of this package may still be registered, with
	// servers that are gone: their errors are not this test's concern.
	_, _ = api.LogoutAll(logoutCtx)

	got := deletes.list()
	if len(got) != 1 {
		t.Fatalf("DELETE /auth sent %d times, want exactly 1 (the session client only)", len(got))
	}
	if got[0] != open[0] {
		t.Errorf("DELETE /auth carried cookie %q, want the open session %q", got[0], open[0])
	}
	if st := e.ServiceTrade.Stats(); st.OpenSessions != 0 || st.SessionsClosed != 1 {
		t.Errorf("after LogoutAll: %d open sessions, %d closed; want 0 and 1", st.OpenSessions, st.SessionsClosed)
	}
	// A second LogoutAll has nothing left to close.
	_, _ = api.LogoutAll(logoutCtx)
	if got := len(deletes.list()); got != 1 {
		t.Errorf("a second LogoutAll sent DELETE /auth again (%d in all)", got)
	}
}

// A client used again after its logout logs in again, and that new session
// is closed by the next logout.
func TestClientLogsInAgainAfterLogout(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	for round := 1; round <= 2; round++ {
		if _, err := c.ListRegions(ctx, api.RegionFilter{}); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if err := c.Logout(ctx); err != nil {
			t.Fatalf("round %d: Logout: %v", round, err)
		}
		if st := e.ServiceTrade.Stats(); st.SessionsCreated != round || st.OpenSessions != 0 {
			t.Errorf("round %d: %d sessions created, %d open; want %d and 0", round, st.SessionsCreated, st.OpenSessions, round)
		}
	}
}

// The session may already be gone (expired, or trimmed by the 200-session
// limit): the 404 that DELETE /auth then answers is not an error.
func TestLogoutOfAnEndedSessionIsNotAnError(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	if _, err := c.ListRegions(ctx, api.RegionFilter{}); err != nil {
		t.Fatal(err)
	}
	e.ServiceTrade.ExpireCredentials()
	if err := c.Logout(ctx); err != nil {
		t.Errorf("Logout of an expired session: %v, want nil (404 means already closed)", err)
	}
}

// Logout is bounded by its context: a server that does not answer does not
// hold the provider's exit.
func TestLogoutGivesUpWithItsContext(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	if _, err := c.ListRegions(ctx, api.RegionFilter{}); err != nil {
		t.Fatal(err)
	}
	e.Inject(emulator.Fault{Vendor: "servicetrade", Method: http.MethodDelete, Path: "/auth", Hang: true, Times: 100})
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := c.Logout(short)
	if err == nil {
		t.Error("Logout reported success although the server never answered")
	} else if strings.Contains(err.Error(), "PHPSESSID") || containsAny(err.Error(), e.ServiceTrade.IssuedSecrets()) {
		t.Errorf("the error %q shows the session id", err)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("Logout returned after %v, want about 200 ms", waited)
	}
}

func containsAny(s string, secrets []string) bool {
	for _, x := range secrets {
		if x != "" && strings.Contains(s, x) {
			return true
		}
	}
	return false
}
