// Package api is a typed client for the Kickserv XML API (v1). It knows
// nothing of Terraform: it speaks Rails-style XML over HTTP, authenticates
// every request with an employee's API token, maps errors and pages through
// lists.
package api

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// DefaultBaseURL is where current Kickserv clients address accounts, as
// <base>/<account-slug>/<resource>.xml. (The older docs show
// https://<account>.kickserv.com/<resource>.xml instead.)
const DefaultBaseURL = "https://app.kickserv.com"

// Config holds what a Client needs.
type Config struct {
	// BaseURL is the Kickserv root; the account slug is appended to it.
	BaseURL string
	// Account is the account slug, as in https://app.kickserv.com/<slug>/.
	Account string
	// APIToken is the API token of the employee the client acts as.
	APIToken string
	HTTP     transport.Config
}

// Client is safe for concurrent use. Kickserv has no session: every request
// carries HTTP Basic credentials, the API token as both user and password.
type Client struct {
	root          string // <base>/<account>
	accountPrefix string // /<account>, for error messages
	http          *transport.Client
	authorization string
}

// New validates cfg and returns a Client. No request is made until the first
// call, so an unused vendor costs nothing.
func New(cfg Config) (*Client, error) {
	basic := base64.StdEncoding.EncodeToString([]byte(cfg.APIToken + ":" + cfg.APIToken))
	base, hc, err := transport.ForVendor(cfg.HTTP, cfg.BaseURL, DefaultBaseURL, "kickserv", cfg.APIToken, basic)
	if err != nil {
		return nil, err
	}
	account := strings.Trim(cfg.Account, "/")
	if account == "" {
		return nil, errors.New("the Kickserv account slug is missing")
	}
	if cfg.APIToken == "" {
		return nil, errors.New("the Kickserv API token is missing")
	}
	prefix := "/" + url.PathEscape(account)
	return &Client{root: base + prefix, accountPrefix: prefix, http: hc, authorization: "Basic " + basic}, nil
}

// request is one API call. path is relative to the account
// ("/employees.xml"); record, when set, is the key of the one record the
// path addresses (see Error.Record).
type request struct {
	method string
	path   string
	query  url.Values
	body   []byte
	record string
}

// do sends one request (with transport retries) and returns the response
// of a 2xx, or an *Error (an *AuthError for 401) carrying Kickserv's
// messages verbatim.
func (c *Client) do(ctx context.Context, r request) (*transport.Response, error) {
	u := c.root + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	h := http.Header{"Accept": {"application/xml"}, "Authorization": {c.authorization}}
	if r.body != nil {
		// "The Content-Type header must be set to 'application/xml'";
		// without it Kickserv does not parse the body at all.
		h.Set("Content-Type", "application/xml")
	}
	resp, err := c.http.Do(ctx, &transport.Request{Method: r.method, URL: u, Header: h, Body: r.body})
	if err != nil {
		return nil, fmt.Errorf("Kickserv API %s %s: %w", r.method, c.accountPrefix+r.path, err)
	}
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		return resp, nil
	}
	// What the server said goes through the redactor, since a server may
	// echo a secret: the body by element name and known value before the
	// messages are taken from it, the messages again after (a secret
	// written with XML entities shows only once decoded).
	red := c.http.Redactor()
	apiErr := &Error{
		APIError: transport.APIError{Vendor: "Kickserv", Method: r.method, Path: c.accountPrefix + r.path, StatusCode: resp.StatusCode, Attempts: resp.Attempts},
		Messages: red.Strings(errorMessages([]byte(red.Body(resp.Header.Get("Content-Type"), resp.Body)))),
		Record:   r.record,
	}
	if resp.StatusCode == http.StatusUnauthorized {
		return nil, &AuthError{Err: apiErr}
	}
	return nil, apiErr
}

// get sends a GET and parses the XML answer.
func (c *Client) get(ctx context.Context, path string, query url.Values, record string) (*node, error) {
	resp, err := c.do(ctx, request{method: http.MethodGet, path: path, query: query, record: record})
	if err != nil {
		return nil, err
	}
	root, err := parseXML(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("decoding Kickserv GET %s response: %w", c.accountPrefix+path, err)
	}
	return root, nil
}
