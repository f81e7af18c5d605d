// Package api is a typed client for the ServiceTrade REST API. It knows
// nothing of Terraform: it speaks the JSON envelope, maps errors, pages
// through lists and keeps one authenticated session or token per Client.
package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// DefaultBaseURL is ServiceTrade's production API.
const DefaultBaseURL = "https://api.servicetrade.com/api"

// Config holds what a Client needs. Exactly one credential pair is used:
// OAuth2 client credentials when ClientID is set, else username/password.
type Config struct {
	BaseURL      string
	ClientID     string
	ClientSecret string
	Username     string
	Password     string
	HTTP         transport.Config
	// ListedReads serves reads by id of the kinds that allow it from list
	// pages once enough are asked (listed_reads.go). It suits a client that
	// lives for one Terraform command, as the provider's do: a longer-lived
	// one, such as a test's, would answer from what it listed long before.
	ListedReads bool
}

// Client is safe for concurrent use; all resources of one provider process
// share it, and with it one token or session.
type Client struct {
	baseURL string
	http    *transport.Client
	auth    authenticator
	// listed is nil unless Config.ListedReads.
	listed *listedReads
}

// New validates cfg and returns a Client. No request is made until the first
// call, so an unused vendor costs nothing.
func New(cfg Config) (*Client, error) {
	base, hc, err := transport.ForVendor(cfg.HTTP, cfg.BaseURL, DefaultBaseURL, "servicetrade", cfg.ClientSecret, cfg.Password)
	if err != nil {
		return nil, err
	}
	c := &Client{baseURL: base, http: hc}
	if cfg.ListedReads {
		c.listed = &listedReads{}
	}
	switch {
	case cfg.ClientID != "" || cfg.ClientSecret != "":
		if cfg.ClientID == "" || cfg.ClientSecret == "" {
			return nil, fmt.Errorf("ServiceTrade OAuth2 needs both a client id and a client secret")
		}
		c.auth = &oauthAuth{loginCache: newLoginCache(c), id: cfg.ClientID, secret: cfg.ClientSecret}
	case cfg.Username != "" || cfg.Password != "":
		if cfg.Username == "" || cfg.Password == "" {
			return nil, fmt.Errorf("ServiceTrade session login needs both a username and a password")
		}
		c.auth = &sessionAuth{loginCache: newLoginCache(c), username: cfg.Username, password: cfg.Password}
	default:
		return nil, fmt.Errorf("ServiceTrade credentials are missing: give a client id and secret, or a username and password")
	}
	return c, nil
}

// AuthCount is how many tokens or sessions this client has obtained; a
// healthy run obtains one.
func (c *Client) AuthCount() int64 { return c.auth.count() }

// fetch sends a request whose answer carries one object, and returns it.
func fetch[T any](ctx context.Context, c *Client, method, path string, query url.Values, body any) (*T, error) {
	var out T
	if err := c.call(ctx, method, path, query, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// call is one authenticated API request. body, when non-nil, is sent as
// JSON; out, when non-nil, receives the decoded "data" member.
func (c *Client) call(ctx context.Context, method, path string, query url.Values, body, out any) error {
	if method != http.MethodGet && c.listed != nil {
		// Whatever its outcome (a lost answer may hide a change), a write
		// makes what was listed of its kind stale.
		defer c.listed.wrote(path)
	}
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("encoding ServiceTrade %s %s request: %w", method, path, err)
		}
	}
	for try := 0; ; try++ {
		cred, err := c.auth.credential(ctx)
		if err != nil {
			// The request itself was not sent, whatever became of the
			// login: its outcome is known (nothing happened).
			return transport.NotSent(err)
		}
		env, err := c.send(ctx, method, path, query, payload, cred.apply)
		// A 401 means the session or token was revoked or expired early:
		// re-authenticate once (shared by all concurrent callers) and retry.
		if IsUnauthorized(err) && try == 0 {
			c.auth.invalidate(cred)
			continue
		}
		if err != nil {
			return err
		}
		if out != nil && len(env.Data) > 0 && string(env.Data) != "null" {
			if err := json.Unmarshal(env.Data, out); err != nil {
				return fmt.Errorf("decoding ServiceTrade %s %s response: %w", method, path, err)
			}
		}
		return nil
	}
}

// send performs one request (with transport retries) and maps non-2xx
// statuses to *Error.
func (c *Client) send(ctx context.Context, method, path string, query url.Values, payload []byte, authorize func(http.Header)) (*envelope, error) {
	u := c.baseURL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	h := http.Header{"Accept": {"application/json"}}
	if payload != nil {
		h.Set("Content-Type", "application/json")
	}
	if authorize != nil {
		authorize(h)
	}
	resp, err := c.http.Do(ctx, &transport.Request{Method: method, URL: u, Header: h, Body: payload})
	if err != nil {
		return nil, fmt.Errorf("ServiceTrade API %s %s: %w", method, path, err)
	}
	env, decodeErr := decodeEnvelope(resp.Body)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := newError(method, path, resp.StatusCode, resp.Attempts)
		// Everything taken from the body goes through the redactor: a
		// server may echo a secret, and errors end up in diagnostics.
		red := c.http.Redactor()
		switch {
		case decodeErr == nil && env.Messages != nil:
			apiErr.Messages = red.Strings(env.Messages.Error)
			apiErr.Validation = redactValidation(red, env.Messages.Validation)
		case decodeErr != nil || len(env.Data) == 0:
			// Not ServiceTrade's envelope: a proxy's or gateway's page, or
			// JSON of another shape ({"message": …}). Show what came back,
			// so that the error still says what the server last said.
			if s := red.Snippet(resp.Header.Get("Content-Type"), resp.Body); s != "" {
				apiErr.Messages = []string{s}
			}
		}
		return nil, apiErr
	}
	if decodeErr != nil {
		return nil, fmt.Errorf("ServiceTrade API %s %s: %w", method, path, decodeErr)
	}
	return env, nil
}

// redactValidation is the envelope's validation messages with every known
// secret hidden.
func redactValidation(red *transport.Redactor, v map[string][]string) map[string][]string {
	if v == nil {
		return nil
	}
	out := make(map[string][]string, len(v))
	for field, msgs := range v {
		out[field] = red.Strings(msgs)
	}
	return out
}
