package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// ServiceTrade closes the oldest sessions of a user once more than 200 are
// open (API-NOTES A.1), and they may be another run's or another person's.
// A provider process therefore closes its legacy session when it ends:
// main calls LogoutAll once the plugin server has stopped. OAuth2 tokens
// simply expire and need no logout.
//
// The registry is process-wide because the session belongs to the process,
// not to a Terraform request: the provider's Configure builds the Client
// and nothing tells it when Terraform is done with it, except the end of
// the plugin server.
var openSessions = struct {
	mu sync.Mutex
	m  map[*sessionAuth]struct{}
}{m: map[*sessionAuth]struct{}{}}

func registerSession(a *sessionAuth) {
	openSessions.mu.Lock()
	defer openSessions.mu.Unlock()
	openSessions.m[a] = struct{}{}
}

func unregisterSession(a *sessionAuth) {
	openSessions.mu.Lock()
	defer openSessions.mu.Unlock()
	delete(openSessions.m, a)
}

// LogoutAll closes the legacy session of every Client of this process that
// holds one (DELETE /auth), all at once, within ctx. It returns how many
// were closed and the failures, joined; a failure only means the session
// stays open until ServiceTrade cleans it up, so callers log it and go on.
func LogoutAll(ctx context.Context) (int, error) {
	openSessions.mu.Lock()
	sessions := make([]*sessionAuth, 0, len(openSessions.m))
	for a := range openSessions.m {
		sessions = append(sessions, a)
	}
	openSessions.mu.Unlock()

	errs := make([]error, len(sessions))
	closed := make([]bool, len(sessions))
	var wg sync.WaitGroup
	for i, a := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			closed[i], errs[i] = a.logout(ctx)
		}()
	}
	wg.Wait()
	n := 0
	for _, ok := range closed {
		if ok {
			n++
		}
	}
	return n, errors.Join(errs...)
}

// Logout closes the Client's legacy session, if it has one. A Client used
// afterwards logs in again. OAuth2 clients have nothing to close.
func (c *Client) Logout(ctx context.Context) error {
	a, ok := c.auth.(*sessionAuth)
	if !ok {
		return nil
	}
	_, err := a.logout(ctx)
	return err
}

// logout sends DELETE /auth with the current session, if any; closed tells
// whether a session was ended (204, or 404 for one that had ended already).
func (a *sessionAuth) logout(ctx context.Context) (closed bool, err error) {
	// Unregister before taking the session: a login that slips in between
	// registers again, so its session is not forgotten.
	unregisterSession(a)
	cred := a.cache.take()
	if cred == nil {
		return false, nil
	}
	h := http.Header{"Accept": {"application/json"}}
	cred.apply(h)
	resp, err := a.client.http.Do(ctx, &transport.Request{Method: http.MethodDelete, URL: a.client.baseURL + "/auth", Header: h})
	if err != nil {
		return false, fmt.Errorf("ServiceTrade logout (DELETE /auth) of %s: %w", a.username, err)
	}
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299, resp.StatusCode == http.StatusNotFound:
		// 404: "no active login session found", already closed.
		return true, nil
	}
	apiErr := newError(http.MethodDelete, "/auth", resp.StatusCode, resp.Attempts)
	if env, decodeErr := decodeEnvelope(resp.Body); decodeErr == nil && env.Messages != nil {
		apiErr.Messages = env.Messages.Error
	}
	return false, fmt.Errorf("ServiceTrade logout of %s: %w", a.username, apiErr)
}
