// Package transport is the one HTTP layer shared by every vendor client:
// timeouts, bounded retries with backoff and jitter, a User-Agent, and
// request/response logging through tflog with credentials redacted.
//
// It knows nothing about any vendor's payloads; vendor clients build the
// request, hand it to Do, and decode the response themselves.
package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync/atomic"
	"time"
)

// Config tunes one Client. Zero values take the defaults below.
type Config struct {
	// Subsystem names the vendor in logs ("servicetrade", "kimoby", ...).
	Subsystem string
	// UserAgent is sent on every request.
	UserAgent string
	// RequestTimeout bounds one attempt (connect, send, read the body).
	RequestTimeout time.Duration
	// Retry is the retry policy for transient failures.
	Retry RetryPolicy
	// Secrets are literal values (passwords, tokens) that must never appear
	// in a log line, whatever field or header they travel in.
	Secrets []string
	// MaxResponseBytes caps the body of one answer; zero takes
	// DefaultMaxResponseBytes (16 MiB). Tests lower it.
	MaxResponseBytes int64
	// HTTPClient lets tests inject a client; nil uses a fresh one. Either
	// way the Client works on a copy with its own redirect policy
	// (redirect.go) and, when the Transport is an *http.Transport, on a
	// clone of it whose dialer checks plain-http connections (loopback.go):
	// an injected client cannot turn the credential rules off.
	HTTPClient *http.Client
}

// DefaultRequestTimeout bounds a single attempt when Config leaves it unset.
const DefaultRequestTimeout = 60 * time.Second

// Request is one API call. Body is held as bytes so that it can be replayed
// on retry.
type Request struct {
	Method string
	URL    string
	Header http.Header
	Body   []byte
}

// Response is the final answer of the server after any retries.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	// Attempts is how many times the request was sent, for error messages.
	Attempts int
}

// Client sends requests with the retry policy and logging of its Config.
type Client struct {
	cfg      Config
	http     *http.Client
	redactor *Redactor
}

// New builds a Client from cfg, filling in defaults.
func New(cfg Config) *Client {
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = DefaultMaxResponseBytes
	}
	cfg.Retry = cfg.Retry.WithDefaults()
	c := &Client{cfg: cfg, redactor: NewRedactor(cfg.Secrets...)}
	c.http = c.httpClient(cfg.HTTPClient)
	return c
}

// httpClient returns the http.Client the Client sends with: a copy of
// injected (or a fresh one) that follows redirects only within the origin
// and whose dialer refuses plain-http connections that do not reach this
// machine.
func (c *Client) httpClient(injected *http.Client) *http.Client {
	var hc http.Client
	if injected != nil {
		hc = *injected
	}
	var t *http.Transport
	switch rt := hc.Transport.(type) {
	case *http.Transport:
		t = rt.Clone()
	case nil:
		base, ok := http.DefaultTransport.(*http.Transport)
		if !ok {
			base = &http.Transport{Proxy: http.ProxyFromEnvironment}
		}
		t = base.Clone()
		// Terraform runs 10 operations at once; Go keeps only 2 idle
		// connections per host by default, which would reopen (and
		// re-handshake) most connections.
		t.MaxIdleConnsPerHost = 16
	default:
		// A test's own RoundTripper: it opens no connection through a
		// dialer this package could check.
	}
	if t != nil {
		dial := t.DialContext
		if dial == nil {
			d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
			dial = d.DialContext
		}
		t.DialContext = guardLoopback(dial)
		hc.Transport = t
	}
	hc.CheckRedirect = c.checkRedirect(hc.CheckRedirect)
	return &hc
}

// AddSecret registers a value learned at run time (a session token, a bearer
// token, a webhook key) so that it is redacted from every later log line.
func (c *Client) AddSecret(s string) { c.redactor.Add(s) }

// Redactor exposes the client's redactor for vendor clients that log on
// their own.
func (c *Client) Redactor() *Redactor { return c.redactor }

// AttemptError is returned when no response could be obtained at all
// (connection refused, timeouts) after every allowed attempt.
type AttemptError struct {
	Method, URL string
	Attempts    int
	Err         error
	// MayHaveActed is true when an attempt was sent whole and then got no
	// usable answer (the connection dropped, the attempt timed out, the
	// context was cancelled while waiting for the answer), or got a gateway
	// answer (see StatusOutcomeUnknown): the server may have acted on the
	// request without the client learning the result. See OutcomeUnknown.
	MayHaveActed bool
}

func (e *AttemptError) Error() string {
	return fmt.Sprintf("%s %s failed after %d attempt(s): %v", e.Method, e.URL, e.Attempts, e.Err)
}

func (e *AttemptError) Unwrap() error { return e.Err }

// Do sends req, retrying transient failures under the retry policy, and
// returns the last response received. A non-2xx status is not an error here:
// the vendor client decides what it means.
//
// Throttling answers (429) are waited out, honouring Retry-After, for as
// long as the elapsed budget (RetryPolicy.MaxElapsed) allows, however many
// there are; other transient failures are also bounded by MaxAttempts.
// Some failures are final and never retried: a refused redirect
// (RedirectError), an answer above the size cap (BodyTooLargeError), a
// plain-http connection that did not reach this machine (LoopbackError).
func (c *Client) Do(ctx context.Context, req *Request) (*Response, error) {
	if err := CheckCredentialURL(req.URL); err != nil {
		return nil, err
	}
	ctx = c.logContext(ctx)
	policy := c.cfg.Retry
	start := time.Now()
	shownURL := c.redactor.URL(req.URL)
	var lastErr error
	mayHaveActed := false
	fail := func(attempt int, err error) error {
		return &AttemptError{Method: req.Method, URL: shownURL, Attempts: attempt, Err: c.redactError(err, req.URL), MayHaveActed: mayHaveActed}
	}
	// failures counts the attempts that were not throttled: MaxAttempts
	// bounds them, not the 429s.
	failures := 0
	for attempt := 1; ; attempt++ {
		resp, err := c.once(ctx, req, attempt)
		var final finalError
		if errors.As(err, &final) {
			if mayHaveActed {
				// An earlier attempt may have been acted on: say so.
				return nil, fail(attempt, err)
			}
			return nil, err
		}
		mayHaveActed = mayHaveActed || responseLost(err) || (resp != nil && StatusOutcomeUnknown(resp.StatusCode))
		if err == nil && !policy.retryableStatus(req.Method, resp.StatusCode) {
			resp.Attempts = attempt
			return resp, nil
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, fail(attempt, ctx.Err())
			}
			if !policy.retryableError(req.Method, err) {
				return nil, fail(attempt, err)
			}
			lastErr = err
		}
		throttled := resp != nil && resp.StatusCode == http.StatusTooManyRequests
		var retryAfter time.Duration
		if resp != nil {
			retryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
		}
		var wait time.Duration
		var ok bool
		if throttled {
			wait, ok = policy.nextThrottled(attempt, time.Since(start), retryAfter)
		} else {
			failures++
			wait, ok = policy.next(failures, time.Since(start), retryAfter)
		}
		if !ok {
			c.logGiveUp(ctx, req, attempt, resp, retryAfter, time.Since(start))
			if resp != nil {
				resp.Attempts = attempt
				return resp, nil
			}
			return nil, fail(attempt, lastErr)
		}
		c.logRetry(ctx, req, attempt, resp, err, wait)
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, fail(attempt, ctx.Err())
		case <-timer.C:
		}
	}
}

// finalError is a failure that no retry can cure; Do returns it at once.
type finalError interface {
	error
	final()
}

// redactError returns err with a message fit for an error shown to the
// user or logged: Go's errors quote the request URL whole (sensitive query
// values included), and may carry a known secret. Each of urls is replaced
// by its redacted form. Unwrap still reaches err.
func (c *Client) redactError(err error, urls ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, u := range urls {
		if u != "" {
			msg = strings.ReplaceAll(msg, u, c.redactor.URL(u))
		}
	}
	msg = c.redactor.String(msg)
	if msg == err.Error() {
		return err
	}
	return &redactedError{msg: msg, err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// once performs a single attempt and reads the body, up to the size cap.
func (c *Client) once(ctx context.Context, req *Request, attempt int) (*Response, error) {
	actx, cancel := context.WithTimeout(ctx, c.cfg.RequestTimeout)
	defer cancel()
	if len(req.URL) >= 5 && strings.EqualFold(req.URL[:5], "http:") {
		actx = context.WithValue(actx, plainHTTPKey{}, true)
	}
	var body io.Reader
	if req.Body != nil {
		body = bytes.NewReader(req.Body)
	}
	hreq, err := http.NewRequestWithContext(actx, req.Method, req.URL, body)
	if err != nil {
		return nil, fmt.Errorf("building request: %w", err)
	}
	for k, vs := range req.Header {
		for _, v := range vs {
			hreq.Header.Add(k, v)
		}
	}
	if c.cfg.UserAgent != "" {
		hreq.Header.Set("User-Agent", c.cfg.UserAgent)
	}
	// Whether the whole request went out: a failure after that may come
	// after the server acted on it.
	var written atomic.Bool
	hreq = hreq.WithContext(httptrace.WithClientTrace(actx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) { written.Store(info.Err == nil) },
	}))
	c.logRequest(ctx, hreq, req.Body, attempt)
	started := time.Now()
	hresp, err := c.http.Do(hreq)
	if err != nil {
		c.logFailure(ctx, hreq, err, time.Since(started))
		// A refused redirect or connection comes wrapped in a *url.Error
		// that repeats the URL: return it bare, it says everything.
		var final finalError
		if errors.As(err, &final) {
			return nil, final
		}
		if written.Load() {
			return nil, errResponseLost{err}
		}
		return nil, err
	}
	defer hresp.Body.Close()
	// An announced length above the cap is refused unread; an unannounced
	// one is read up to the cap and one byte more.
	limit := c.cfg.MaxResponseBytes
	var data []byte
	ok := hresp.ContentLength <= limit
	if ok {
		data, ok, err = readLimited(hresp.Body, limit)
	}
	if !ok {
		tooLarge := &BodyTooLargeError{Method: req.Method, URL: c.redactor.URL(req.URL), StatusCode: hresp.StatusCode, Limit: limit}
		c.logFailure(ctx, hreq, tooLarge, time.Since(started))
		return nil, tooLarge
	}
	if err != nil {
		c.logFailure(ctx, hreq, err, time.Since(started))
		return nil, fmt.Errorf("reading response body: %w", errResponseLost{err})
	}
	resp := &Response{StatusCode: hresp.StatusCode, Header: hresp.Header, Body: data}
	c.logResponse(ctx, hreq, resp, time.Since(started))
	return resp, nil
}

// errResponseLost marks a failure after the request was sent: the server may
// have acted on it, so only idempotent requests may be retried.
type errResponseLost struct{ error }

func (e errResponseLost) Unwrap() error { return e.error }

// neverReachedServer tells whether err proves the request was not received:
// the connection could not be opened at all.
func neverReachedServer(err error) bool {
	var lost errResponseLost
	if errors.As(err, &lost) {
		return false
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr)
}

// isIdempotent reports whether a method may be repeated without effect.
func isIdempotent(method string) bool {
	switch strings.ToUpper(method) {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}
