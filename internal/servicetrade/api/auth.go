package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/flight"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// credential is one token or session, stamped with a generation so that a
// 401 seen by many goroutines at once invalidates it only once.
type credential struct {
	gen   int64
	value string
	apply func(http.Header)
}

type authenticator interface {
	credential(ctx context.Context) (*credential, error)
	invalidate(c *credential)
	count() int64
}

// credentialCache holds the single credential of a Client. Only one
// goroutine logs in at a time; the others wait for its result, so Terraform's
// parallel walk produces one login, not one per resource.
//
// What a failed login leaves behind depends on why it failed:
//
//   - The server refused the credentials (400, 401 or 403 from /auth or
//     /oauth2/token): the refusal is kept, and every caller of this Client
//     gets it without sending the credentials again. Retrying a wrong
//     password from every resource of a run can lock the account out, and
//     the configuration cannot become right while the process lives.
//   - Anything else (network error, 5xx or 429 after the transport's
//     retries, an unreadable answer): the callers that were waiting for
//     that login share its error, since they would only repeat the same
//     retries against a server that just failed; callers that come later
//     log in again.
//   - The context of the caller that was logging in ended: its error is its
//     own, so the waiters do not take it; the next of them logs in.
//
// The sharing, and the waiters' handling of an abandoned login, is
// flight.Group's; what is this cache's own:
//
//   - A valid credential (no expiry, or further than the margin away) is
//     handed out without a login; one that is about to expire, or was
//     dropped after a 401, is replaced by a new login.
//   - The refusal is kept for the life of the Client and answers every
//     later call, including a login's waiters and a caller that retries
//     after an abandoned login.
//   - A login that starts checks the credential and the refusal again:
//     another login may have ended since the caller last looked.
//   - fetched counts the logins that succeeded (count), gen stamps each
//     new credential (drop).
//
// mu is held only for memory operations, never across a request, so that
// dropping a credential (after a 401) never waits for a login in flight and
// every wait honours the caller's context.
type credentialCache struct {
	mu      sync.Mutex
	cur     *credential
	expires time.Time // zero: valid until the server says otherwise (401)
	margin  time.Duration
	gen     int64
	refused error                     // set once the server refused the credentials
	logins  flight.Group[*credential] // the login in progress, if any
	fetched atomic.Int64
}

// maxRefreshMargin renews a token up to this long before the server would
// expire it, so that no request is sent with a token about to lapse. Short
// lived tokens are renewed in their last tenth instead.
const maxRefreshMargin = 60 * time.Second

func (cc *credentialCache) get(ctx context.Context, fetch func(context.Context) (string, time.Duration, error), header func(string) func(http.Header)) (*credential, error) {
	if c, err := cc.cached(); c != nil || err != nil {
		return c, err
	}
	return cc.logins.Do(ctx, func(ctx context.Context) (*credential, error) {
		if c, err := cc.cached(); c != nil || err != nil {
			return c, err // a login ended since the check above
		}
		return cc.login(ctx, fetch, header)
	})
}

// cached returns the kept refusal, or the current credential while it is
// valid, or neither when a login is needed.
func (cc *credentialCache) cached() (*credential, error) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.refused != nil {
		return nil, cc.refused
	}
	if cc.cur != nil && (cc.expires.IsZero() || time.Until(cc.expires) > cc.margin) {
		return cc.cur, nil
	}
	return nil, nil
}

// login logs in and keeps the outcome: the new credential, or the refusal.
func (cc *credentialCache) login(ctx context.Context, fetch func(context.Context) (string, time.Duration, error), header func(string) func(http.Header)) (*credential, error) {
	value, ttl, err := fetch(ctx)
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if err != nil {
		if refusedCredentials(err) {
			cc.refused = err
		}
		return nil, err
	}
	cc.fetched.Add(1)
	cc.gen++
	cc.cur = &credential{gen: cc.gen, value: value, apply: header(value)}
	cc.expires = time.Time{}
	if ttl > 0 {
		cc.expires = time.Now().Add(ttl)
		cc.margin = min(maxRefreshMargin, ttl/10)
	}
	return cc.cur, nil
}

// drop forgets c after the server refused it (401), unless a newer
// credential has replaced it already. It never waits for a login in flight.
func (cc *credentialCache) drop(c *credential) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.cur != nil && cc.cur.gen == c.gen {
		cc.cur = nil
	}
}

// take removes and returns the current credential, for a logout.
func (cc *credentialCache) take() *credential {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	c := cc.cur
	cc.cur = nil
	return c
}

// refusedCredentials reports whether a login failed because the server
// refused the credentials themselves, which no retry will change.
func refusedCredentials(err error) bool {
	var authErr *AuthError
	if !errors.As(err, &authErr) {
		return false
	}
	var apiErr *Error
	if !errors.As(authErr.Err, &apiErr) {
		return false
	}
	switch apiErr.StatusCode {
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden:
		return true
	}
	return false
}

func newCache() credentialCache { return credentialCache{} }

// loginCache is what the two login flows share: the Client they log in
// through and the cache of the one credential they hold, with the
// authenticator's invalidate and count. Each flow adds its credential
// method: how it logs in (its fetch) and how the credential goes into a
// request (bearer or sessionCookie).
type loginCache struct {
	client *Client
	cache  credentialCache
}

func newLoginCache(c *Client) loginCache { return loginCache{client: c, cache: newCache()} }

func (l *loginCache) invalidate(c *credential) { l.cache.drop(c) }
func (l *loginCache) count() int64             { return l.cache.fetched.Load() }

// bearer presents an OAuth2 access token.
func bearer(token string) func(http.Header) {
	return func(h http.Header) { h.Set("Authorization", "Bearer "+token) }
}

// sessionCookie presents a legacy session id.
func sessionCookie(id string) func(http.Header) {
	return func(h http.Header) { h.Set("Cookie", "PHPSESSID="+id) }
}

// oauthAuth obtains a Bearer token with the OAuth2 client-credentials grant
// (POST /oauth2/token) and renews it shortly before it expires.
type oauthAuth struct {
	loginCache
	id, secret string
}

func (a *oauthAuth) credential(ctx context.Context) (*credential, error) {
	return a.cache.get(ctx, a.fetch, bearer)
}

type tokenResponse struct {
	AccessToken      string          `json:"access_token"`
	TokenType        string          `json:"token_type"`
	ExpiresIn        json.Number     `json:"expires_in"`
	Error            string          `json:"error"`
	ErrorDescription string          `json:"error_description"`
	Data             json.RawMessage `json:"data"`
	Messages         *Messages       `json:"messages"`
}

func (a *oauthAuth) fetch(ctx context.Context) (string, time.Duration, error) {
	body, _ := json.Marshal(map[string]string{
		"grant_type":    "client_credentials",
		"client_id":     a.id,
		"client_secret": a.secret,
	})
	resp, err := a.client.raw(ctx, http.MethodPost, "/oauth2/token", body)
	if err != nil {
		return "", 0, fmt.Errorf("ServiceTrade OAuth2 token request: %w", err)
	}
	var tr tokenResponse
	_ = json.Unmarshal(resp.Body, &tr)
	// Accept the token at the top level (OAuth2 standard) or inside the
	// ServiceTrade envelope's data member.
	if tr.AccessToken == "" && len(tr.Data) > 0 {
		var inner tokenResponse
		if json.Unmarshal(tr.Data, &inner) == nil {
			tr.AccessToken, tr.TokenType, tr.ExpiresIn = inner.AccessToken, inner.TokenType, inner.ExpiresIn
		}
	}
	if resp.StatusCode != http.StatusOK || tr.AccessToken == "" {
		msgs := []string{}
		if tr.Error != "" {
			msgs = append(msgs, strings.TrimSpace(tr.Error+": "+tr.ErrorDescription))
		}
		if tr.Messages != nil {
			msgs = append(msgs, tr.Messages.Error...)
		}
		if len(msgs) == 0 {
			msgs = append(msgs, "no access_token in the response")
		}
		apiErr := newError(http.MethodPost, "/oauth2/token", resp.StatusCode, resp.Attempts)
		apiErr.Messages = a.client.http.Redactor().Strings(msgs)
		return "", 0, &AuthError{Flow: "OAuth2 client credentials", Err: apiErr}
	}
	a.client.http.AddSecret(tr.AccessToken)
	secs, _ := tr.ExpiresIn.Int64()
	return tr.AccessToken, time.Duration(secs) * time.Second, nil
}

// sessionAuth is the legacy flow: POST /auth with username and password,
// then the PHPSESSID cookie on every request. Sessions have no announced
// lifetime; a 401 tells us one has ended.
type sessionAuth struct {
	loginCache
	username, password string
}

func (a *sessionAuth) credential(ctx context.Context) (*credential, error) {
	return a.cache.get(ctx, a.fetch, sessionCookie)
}

func (a *sessionAuth) fetch(ctx context.Context) (string, time.Duration, error) {
	body, _ := json.Marshal(map[string]string{"username": a.username, "password": a.password})
	resp, err := a.client.raw(ctx, http.MethodPost, "/auth", body)
	if err != nil {
		return "", 0, fmt.Errorf("ServiceTrade login (POST /auth): %w", err)
	}
	env, decodeErr := decodeEnvelope(resp.Body)
	var data struct {
		Authenticated bool   `json:"authenticated"`
		AuthToken     string `json:"authToken"`
	}
	if decodeErr == nil && len(env.Data) > 0 {
		_ = json.Unmarshal(env.Data, &data)
	}
	if data.AuthToken != "" {
		a.client.http.AddSecret(data.AuthToken)
	}
	if resp.StatusCode != http.StatusOK || !data.Authenticated || data.AuthToken == "" {
		apiErr := newError(http.MethodPost, "/auth", resp.StatusCode, resp.Attempts)
		if decodeErr == nil && env.Messages != nil {
			apiErr.Messages = a.client.http.Redactor().Strings(env.Messages.Error)
		}
		return "", 0, &AuthError{Flow: "username/password session", Err: apiErr}
	}
	registerSession(a) // to be closed when the process ends (logout.go)
	return data.AuthToken, 0, nil
}

// raw sends an unauthenticated request and returns the response as is.
func (c *Client) raw(ctx context.Context, method, path string, body []byte) (*transport.Response, error) {
	h := http.Header{"Accept": {"application/json"}, "Content-Type": {"application/json"}}
	return c.http.Do(ctx, &transport.Request{Method: method, URL: c.baseURL + path, Header: h, Body: body})
}

// AuthError says that ServiceTrade refused the configured credentials.
type AuthError struct {
	Flow string
	Err  error
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("ServiceTrade authentication (%s) failed: %v. Check the credentials in the provider's servicetrade block or the SERVICETRADE_* environment variables", e.Flow, e.Err)
}

func (e *AuthError) Unwrap() error { return e.Err }
