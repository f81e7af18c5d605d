package transport

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Redirect policy. Go's http.Client follows redirects by itself, and on a
// 307 or 308 it sends the request again, body included, to wherever the
// Location points; it keeps the Authorization and Cookie headers when only
// the port changes. The API base URL is the one place credentials are
// meant for, so the Client follows a redirect only within its origin (same
// scheme, host and port: a moved path on the same server) and refuses any
// other, before anything is sent there: no credential in a header or body
// ever reaches another server, a downgraded scheme or another port.
// Following same-origin redirects rather than none keeps working an API
// that redirects, say, a path without a trailing slash; none of the three
// vendors documents a redirect to another origin, so a refusal is a
// misconfigured base URL or a hostile answer, and the error says which
// address the server pointed to.

// maxRedirects bounds a chain of same-origin redirects, as Go's default
// policy does.
const maxRedirects = 10

// RedirectError is the refusal of a redirect: the server at From answered
// Status pointing at To, another origin (or a chain too long). URLs are
// redacted.
type RedirectError struct {
	Method   string
	From, To string
	Status   int
	TooMany  bool
	// mayHaveActed: a 301, 302 or 303 after a POST may follow a request
	// the server acted on (post/redirect/get); a 307 or 308 asks for the
	// same request elsewhere, so nothing was done.
	mayHaveActed bool
}

func (e *RedirectError) Error() string {
	if e.TooMany {
		return fmt.Sprintf("the server redirected %s %s more than %d times (last to %s): the provider stops following redirects there; check the base URL", e.Method, e.From, maxRedirects, e.To)
	}
	return fmt.Sprintf("the server answered %s %s with a redirect (%d %s) to %s, another origin (scheme, host or port): "+
		"the provider does not follow it, because credentials are never sent anywhere but the configured base URL. "+
		"If that address really is the API's, set the base URL to it", e.Method, e.From, e.Status, http.StatusText(e.Status), e.To)
}

// OutcomeUnknown: see mayHaveActed.
func (e *RedirectError) OutcomeUnknown() bool { return e.mayHaveActed }

func (e *RedirectError) final() {}

// checkRedirect is the Client's http.Client.CheckRedirect: it refuses a
// hop to another origin, or one that CheckCredentialURL refuses, then lets
// next (an injected client's own policy) decide.
func (c *Client) checkRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		prev := via[len(via)-1]
		e := &RedirectError{Method: prev.Method, From: c.redactor.URL(prev.URL.String()), To: c.redactor.URL(req.URL.String())}
		if req.Response != nil {
			e.Status = req.Response.StatusCode
		}
		switch e.Status {
		case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther:
			e.mayHaveActed = !isIdempotent(prev.Method)
		}
		if !sameOrigin(via[0].URL, req.URL) || CheckCredentialURL(req.URL.String()) != nil {
			return e
		}
		if len(via) >= maxRedirects {
			e.TooMany = true
			return e
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}

// sameOrigin reports whether a and b have the same scheme, host and port,
// a default port written out or not.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}
