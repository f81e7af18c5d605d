// Package api is a typed client for the Kimoby API v1. It knows nothing of
// Terraform: it sends HTTP Basic credentials on every request, maps the
// {"message": …} error body, pages through the webhook list and keeps one
// shared webhook listing per Client.
package api

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// DefaultBaseURL is Kimoby's production API.
const DefaultBaseURL = "https://api.kimoby.com/v1"

// Config holds what a Client needs.
type Config struct {
	BaseURL   string
	APIKey    string
	APISecret string
	HTTP      transport.Config
}

// Client is safe for concurrent use; all resources of one provider process
// share it, and with it one webhook listing (see Webhooks).
type Client struct {
	baseURL       string
	http          *transport.Client
	authorization string
	webhooks      listCache[Webhook]
}

// New validates cfg and returns a Client. No request is made until the first
// call, so an unused vendor costs nothing.
func New(cfg Config) (*Client, error) {
	basic := base64.StdEncoding.EncodeToString([]byte(cfg.APIKey + ":" + cfg.APISecret))
	base, hc, err := transport.ForVendor(cfg.HTTP, cfg.BaseURL, DefaultBaseURL, "kimoby", cfg.APIKey, cfg.APISecret, basic)
	if err != nil {
		return nil, err
	}
	if cfg.APIKey == "" || cfg.APISecret == "" {
		return nil, fmt.Errorf("Kimoby credentials are missing: the API needs both an API key and an API secret")
	}
	return &Client{baseURL: base, http: hc, authorization: "Basic " + basic}, nil
}

// call is one authenticated API request. body, when non-nil, is sent as
// JSON; out, when non-nil, receives the decoded response body. Kimoby has no
// envelope: objects and the webhook list are the whole body.
func (c *Client) call(ctx context.Context, method, path string, query url.Values, body, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("encoding Kimoby %s %s request: %w", method, path, err)
		}
	}
	u := c.baseURL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	h := http.Header{"Accept": {"application/json"}, "Authorization": {c.authorization}}
	if payload != nil {
		h.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(ctx, &transport.Request{Method: method, URL: u, Header: h, Body: payload})
	if err != nil {
		return fmt.Errorf("Kimoby API %s %s: %w", method, path, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// What the server said goes through the redactor, since a server
		// may echo a secret: the body by name and known value before the
		// message is taken from it, the message again after (a secret
		// written with JSON escapes shows only once decoded).
		red := c.http.Redactor()
		msg := red.String(errorMessage([]byte(red.Body(resp.Header.Get("Content-Type"), resp.Body))))
		return newError(method, path, resp.StatusCode, msg, resp.Attempts)
	}
	if out == nil || len(bytes.TrimSpace(resp.Body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return fmt.Errorf("decoding Kimoby %s %s response: %w", method, path, err)
	}
	return nil
}

// errorMessage extracts the API's message from an error body. "All 4xx
// errors will return JSON" as {"message": "…"}; 5xx bodies and proxies'
// pages are not promised to, so anything else is shown as a short snippet.
func errorMessage(body []byte) string {
	var e struct {
		Message json.RawMessage `json:"message"`
		Error   json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &e) == nil {
		for _, raw := range []json.RawMessage{e.Message, e.Error} {
			if msg := textOf(raw); msg != "" {
				return msg
			}
		}
	}
	return snippet(body)
}

// textOf renders a message that is a string, or (tolerantly) a list of
// strings.
func textOf(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		// Blank entries say nothing; a list of only blanks falls back to
		// the body snippet.
		kept := list[:0]
		for _, s := range list {
			if s = strings.TrimSpace(s); s != "" {
				kept = append(kept, s)
			}
		}
		return strings.Join(kept, "; ")
	}
	return ""
}

// snippet keeps a non-JSON error body short enough for an error message.
func snippet(b []byte) string {
	s := string(bytes.TrimSpace(b))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
