// Package transporttest holds the test servers that the transport's and the
// vendor clients' tests share to prove that credentials never leave the
// configured origin.
package transporttest

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Seen is what a Trap received in one request.
type Seen struct {
	Method, Path  string
	Authorization string
	Cookie        string
	Body          string
}

// Trap is a server that must never be reached by a client holding
// credentials: it answers 200 to everything and records what it received.
type Trap struct {
	*httptest.Server
	mu   sync.Mutex
	seen []Seen
}

// NewTrap starts a plain http Trap on a loopback port; NewTLSTrap an https
// one (with httptest's certificate, which every httptest TLS server shares,
// so the client of one TLS server trusts them all).
func NewTrap(t *testing.T) *Trap    { return start(t, false) }
func NewTLSTrap(t *testing.T) *Trap { return start(t, true) }

func start(t *testing.T, tls bool) *Trap {
	t.Helper()
	tr := &Trap{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		tr.mu.Lock()
		tr.seen = append(tr.seen, Seen{
			Method: r.Method, Path: r.URL.Path,
			Authorization: r.Header.Get("Authorization"), Cookie: r.Header.Get("Cookie"),
			Body: string(body),
		})
		tr.mu.Unlock()
		_, _ = w.Write([]byte(`{}`))
	})
	if tls {
		tr.Server = httptest.NewTLSServer(h)
	} else {
		tr.Server = httptest.NewServer(h)
	}
	t.Cleanup(tr.Close)
	return tr
}

// Requests returns what the Trap received so far.
func (tr *Trap) Requests() []Seen {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return append([]Seen(nil), tr.seen...)
}

// Leaks describes every credential the Trap received: an Authorization or
// Cookie header, or one of secrets anywhere in a body.
func (tr *Trap) Leaks(secrets ...string) []string {
	var out []string
	for _, s := range tr.Requests() {
		if s.Authorization != "" {
			out = append(out, s.Method+" "+s.Path+": Authorization header")
		}
		if s.Cookie != "" {
			out = append(out, s.Method+" "+s.Path+": Cookie header")
		}
		for _, secret := range secrets {
			if secret != "" && strings.Contains(s.Body, secret) {
				out = append(out, s.Method+" "+s.Path+": a secret in the body")
			}
		}
	}
	return out
}

// Redirect answers the requests that match with status and a Location on
// target (an origin such as a Trap's URL) with the same path and query;
// the other requests go to next (nil: 404).
func Redirect(status int, target string, match func(*http.Request) bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if match == nil || match(r) {
			_, _ = io.Copy(io.Discard, r.Body)
			http.Redirect(w, r, strings.TrimRight(target, "/")+r.URL.RequestURI(), status)
			return
		}
		if next == nil {
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RedirectCase is one redirect that a client holding credentials must
// refuse: from an origin of one kind to a target of another.
type RedirectCase struct {
	Name string
	// TLS says whether the origin (the base URL) is an https server; its
	// client must then be injected (Config.HTTPClient) to trust it.
	TLS bool
	// Status is the redirect status: 307 or 308, the two that resend the
	// method and the body.
	Status int
	// Target returns where to redirect: a Trap, possibly under another
	// host name for the same loopback address.
	Target func(t *testing.T) *Trap
	// Host, when set, replaces 127.0.0.1 in the target URL: another host
	// name (under example.com, which httptest's certificate covers and the
	// injected client dials at 127.0.0.1), the same machine.
	Host string
}

// RedirectCases are the refusals every vendor client is tested with: to
// another port of the same host over http (Go keeps the Authorization
// header), from https down to http, and from https to another host.
var RedirectCases = []RedirectCase{
	{Name: "307 to another port", Status: http.StatusTemporaryRedirect, Target: NewTrap},
	{Name: "308 from https to plain http", TLS: true, Status: http.StatusPermanentRedirect, Target: NewTrap},
	{Name: "307 from https to another https port", TLS: true, Status: http.StatusTemporaryRedirect, Target: NewTLSTrap},
	{Name: "308 from https to another host", TLS: true, Status: http.StatusPermanentRedirect, Target: NewTLSTrap, Host: "trap.example.com"},
}

// Start starts the Trap of c and an origin server that redirects the
// matching requests to it and hands the others to next. It returns the
// origin's URL, the http.Client to inject (nil for a plain origin) and the
// Trap.
func (c RedirectCase) Start(t *testing.T, match func(*http.Request) bool, next http.Handler) (string, *http.Client, *Trap) {
	t.Helper()
	trap := c.Target(t)
	target := trap.URL
	if c.Host != "" {
		target = strings.Replace(target, "127.0.0.1", c.Host, 1)
	}
	h := Redirect(c.Status, target, match, next)
	if !c.TLS {
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		return srv.URL, nil, trap
	}
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	return srv.URL, ExampleDotComClient(srv), trap
}

// ExampleDotComClient is srv's client (which trusts every httptest TLS
// server) that also dials any name under example.com at 127.0.0.1, on the
// port of the URL: a host name other than the origin's, for the same
// machine, without DNS.
func ExampleDotComClient(srv *httptest.Server) *http.Client {
	base, ok := srv.Client().Transport.(*http.Transport)
	if !ok {
		panic("transporttest: httptest's client has no *http.Transport")
	}
	tr := base.Clone()
	var d net.Dialer
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, port, err := net.SplitHostPort(addr); err == nil && (host == "example.com" || strings.HasSuffix(host, ".example.com")) {
			addr = net.JoinHostPort("127.0.0.1", port)
		}
		return d.DialContext(ctx, network, addr)
	}
	return &http.Client{Transport: tr}
}
