package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

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
// goroutine fetches at a time; the others wait for its result, so Terraform's
// parallel walk produces one login, not one per resource.
type credentialCache struct {
	sem     chan struct{} // capacity 1: the right to read or refresh cur
	cur     *credential
	expires time.Time // zero: valid until the server says otherwise (401)
	margin  time.Duration
	gen     int64
	fetched atomic.Int64
}

// maxRefreshMargin renews a token up to this long before the server would
// expire it, so that no request is sent with a token about to lapse. Short
// lived tokens are renewed in their last tenth instead.
const maxRefreshMargin = 60 * time.Second

func (cc *credentialCache) get(ctx context.Context, fetch func(context.Context) (string, time.Duration, error), header func(string) func(http.Header)) (*credential, error) {
	select {
	case cc.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-cc.sem }()
	if cc.cur != nil && (cc.expires.IsZero() || time.Until(cc.expires) > cc.margin) {
		return cc.cur, nil
	}
	value, ttl, err := fetch(ctx)
	if err != nil {
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

func (cc *credentialCache) drop(c *credential) {
	cc.sem <- struct{}{}
	defer func() { <-cc.sem }()
	if cc.cur != nil && cc.cur.gen == c.gen {
		cc.cur = nil
	}
}

func newCache() credentialCache { return credentialCache{sem: make(chan struct{}, 1)} }

// oauthAuth obtains a Bearer token with the OAuth2 client-credentials grant
// (POST /oauth2/token) and renews it shortly before it expires.
type oauthAuth struct {
	client     *Client
	id, secret string
	cache      credentialCache
}

func (a *oauthAuth) credential(ctx context.Context) (*credential, error) {
	return a.cache.get(ctx, a.fetch, func(tok string) func(http.Header) {
		return func(h http.Header) { h.Set("Authorization", "Bearer "+tok) }
	})
}

func (a *oauthAuth) invalidate(c *credential) { a.cache.drop(c) }
func (a *oauthAuth) count() int64             { return a.cache.fetched.Load() }

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
		return "", 0, &AuthError{Flow: "OAuth2 client credentials", Err: &Error{Method: http.MethodPost, Path: "/oauth2/token", StatusCode: resp.StatusCode, Messages: msgs, Attempts: resp.Attempts}}
	}
	a.client.http.AddSecret(tr.AccessToken)
	secs, _ := tr.ExpiresIn.Int64()
	return tr.AccessToken, time.Duration(secs) * time.Second, nil
}

// sessionAuth is the legacy flow: POST /auth with username and password,
// then the PHPSESSID cookie on every request. Sessions have no announced
// lifetime; a 401 tells us one has ended.
type sessionAuth struct {
	client             *Client
	username, password string
	cache              credentialCache
}

func (a *sessionAuth) credential(ctx context.Context) (*credential, error) {
	return a.cache.get(ctx, a.fetch, func(tok string) func(http.Header) {
		return func(h http.Header) { h.Set("Cookie", "PHPSESSID="+tok) }
	})
}

func (a *sessionAuth) invalidate(c *credential) { a.cache.drop(c) }
func (a *sessionAuth) count() int64             { return a.cache.fetched.Load() }

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
		apiErr := &Error{Method: http.MethodPost, Path: "/auth", StatusCode: resp.StatusCode, Attempts: resp.Attempts}
		if decodeErr == nil && env.Messages != nil {
			apiErr.Messages = env.Messages.Error
		}
		return "", 0, &AuthError{Flow: "username/password session", Err: apiErr}
	}
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
