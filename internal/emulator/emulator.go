// Package emulator serves in-memory emulations of the vendor APIs the
// provider manages, each under its own path prefix on one HTTP server:
//
//	/servicetrade/api/...  ServiceTrade REST (JSON envelope)
//	/kimoby/v1/...         Kimoby API v1 (HTTP Basic, bare JSON)
//	/kickserv/<account>/...  Kickserv XML API (HTTP Basic with an API token, Rails XML)
//
// The acceptance tests run it in-process; cmd/fieldservice-emulator serves it
// standalone for `make demo` and manual exploration.
//
// Where the reference texts are silent or contradict themselves, the
// emulator's choices are listed, with their reasons and what the provider
// does about them, in CHOICES.md beside this file.
package emulator

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// Mount points of each vendor API.
const (
	ServiceTradePrefix = "/servicetrade/api"
	KimobyPrefix       = "/kimoby/v1"
	// KickservPrefix is the Kickserv base URL path; the account slug
	// follows it (/kickserv/<account>/employees.xml).
	KickservPrefix = "/kickserv"
)

// Options tune the whole emulator.
type Options struct {
	// PageSize is the list page size of every vendor (0: each vendor's own).
	PageSize int
	// Latency is added to every request, to measure latency-bound behaviour.
	Latency time.Duration
	// TokenTTL is the lifetime of ServiceTrade OAuth2 tokens (0: one hour).
	TokenTTL time.Duration
	// KimobyWebhookList is how Kimoby's GET /webhooks treats page and
	// per_page (default: paged; see kimoby.WebhookListMode).
	KimobyWebhookList kimoby.WebhookListMode
	// Seed is what the vendors hold at the start (nil: each vendor's
	// built-in seed; a section the file leaves out: that vendor's). Only
	// NewSeeded and Start read it: New always builds the built-in seeds.
	Seed *seedfile.File
	// AllowNonLoopback lets Start listen on an address that is not a
	// loopback one. The emulator's credentials are fixed and public: only
	// for a network the user trusts (fieldservice-emulator asks for
	// --allow-non-loopback).
	AllowNonLoopback bool
}

// Emulator holds the vendor emulations and request counters.
type Emulator struct {
	ServiceTrade *servicetrade.Server
	Kimoby       *kimoby.Server
	Kickserv     *kickserv.Server

	opts    Options
	handler http.Handler

	mu            sync.Mutex
	requests      map[string]int // "VENDOR METHOD" -> count
	faults        []*activeFault
	faultsApplied int
	before        []beforeHook
}

// beforeHook is a test's action to run before the first request it
// matches is served (BeforeRequest).
type beforeHook struct {
	match func(vendor string, r *http.Request) bool
	run   func()
}

// New builds an emulator with every vendor's built-in seed (opts.Seed is
// not read: see NewSeeded).
func New(opts Options) *Emulator {
	return assemble(opts,
		servicetrade.New(stOptions(opts)),
		kimoby.New(kimobyOptions(opts)),
		kickserv.New(kickservOptions(opts)))
}

// NewSeeded builds an emulator whose vendors hold what opts.Seed says (nil:
// the built-in seeds, as New). The error names the seed file and lists
// every invalid entry of every vendor, one per line.
func NewSeeded(opts Options) (*Emulator, error) {
	f := opts.Seed
	if f == nil {
		return New(opts), nil
	}
	if f.Version != seedfile.Version {
		return nil, seedfile.Wrap(f, fmt.Errorf("version %d is not a version this emulator knows: it reads version %d only", f.Version, seedfile.Version))
	}
	var all []*seedfile.Error
	collect := func(err error) {
		if err == nil {
			return
		}
		var se *seedfile.Error
		if !errors.As(err, &se) {
			se = &seedfile.Error{Lines: []string{err.Error()}}
		}
		all = append(all, se)
	}
	st, err := servicetrade.NewSeeded(stOptions(opts), f.ServiceTrade)
	collect(err)
	km, err := kimoby.NewSeeded(kimobyOptions(opts), f.Kimoby)
	collect(err)
	ks, err := kickserv.NewSeeded(kickservOptions(opts), f.Kickserv)
	collect(err)
	if len(all) > 0 {
		// At most seedfile.MaxErrors lines in all, the rest counted.
		return nil, seedfile.Wrap(f, seedfile.Join(all...))
	}
	return assemble(opts, st, km, ks), nil
}

func stOptions(opts Options) servicetrade.Options {
	return servicetrade.Options{PageSize: opts.PageSize, Prefix: ServiceTradePrefix, TokenTTL: opts.TokenTTL}
}

func kimobyOptions(opts Options) kimoby.Options {
	return kimoby.Options{PerPage: opts.PageSize, WebhookList: opts.KimobyWebhookList}
}

func kickservOptions(opts Options) kickserv.Options {
	return kickserv.Options{PageSize: opts.PageSize, Prefix: KickservPrefix}
}

// assemble mounts the vendors, the control routes and the dump.
func assemble(opts Options, st *servicetrade.Server, km *kimoby.Server, ks *kickserv.Server) *Emulator {
	e := &Emulator{
		ServiceTrade: st,
		Kimoby:       km,
		Kickserv:     ks,
		opts:         opts,
		requests:     map[string]int{},
	}
	mux := http.NewServeMux()
	mux.Handle(ServiceTradePrefix+"/", e.count("servicetrade", ServiceTradePrefix, http.StripPrefix(ServiceTradePrefix, e.ServiceTrade)))
	mux.Handle(ServiceTradePrefix, e.count("servicetrade", ServiceTradePrefix, http.StripPrefix(ServiceTradePrefix, ensureRoot(e.ServiceTrade))))
	mux.Handle(KimobyPrefix+"/", e.count("kimoby", KimobyPrefix, http.StripPrefix(KimobyPrefix, e.Kimoby)))
	mux.Handle(KimobyPrefix, e.count("kimoby", KimobyPrefix, http.StripPrefix(KimobyPrefix, ensureRoot(e.Kimoby))))
	mux.Handle(KickservPrefix+"/", e.count("kickserv", KickservPrefix, http.StripPrefix(KickservPrefix, e.Kickserv)))
	mux.Handle("/_emulator/", e.controlHandler())
	mux.Handle("GET /_emulator/dump", e.dumpHandler())
	e.handler = mux
	return e
}

// ensureRoot maps the bare prefix to "/" so the heartbeat answers there too.
func ensureRoot(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" {
			r.URL.Path = "/"
		}
		h.ServeHTTP(w, r)
	})
}

// ServeHTTP implements http.Handler.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) { e.handler.ServeHTTP(w, r) }

// count wraps a vendor's handler with the request counters, the global
// latency and any injected fault. prefix is the vendor's mount point.
func (e *Emulator) count(vendor, prefix string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		e.requests[vendor+" "+r.Method]++
		e.mu.Unlock()
		if e.opts.Latency > 0 {
			select {
			case <-time.After(e.opts.Latency):
			case <-r.Context().Done():
				return
			}
		}
		if hook := e.takeBefore(vendor, r); hook != nil {
			hook()
		}
		if f := e.takeFault(vendor, r, strings.TrimPrefix(r.URL.Path, prefix)); f != nil {
			e.serveWithFault(vendor, f, h, w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// BeforeRequest runs fn, once, before the first request match accepts is
// served: a test's way to change the emulator's objects at a chosen moment
// of a provider's work, such as between two pages of a list. fn may send
// requests to the emulator itself.
func (e *Emulator) BeforeRequest(match func(vendor string, r *http.Request) bool, fn func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.before = append(e.before, beforeHook{match: match, run: fn})
}

// takeBefore removes and returns the first hook that matches r.
func (e *Emulator) takeBefore(vendor string, r *http.Request) func() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, b := range e.before {
		if b.match(vendor, r) {
			e.before = append(e.before[:i], e.before[i+1:]...)
			return b.run
		}
	}
	return nil
}

// Requests returns how many requests each vendor received, by method
// ("servicetrade GET" -> n).
func (e *Emulator) Requests() map[string]int {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make(map[string]int, len(e.requests))
	for k, v := range e.requests {
		out[k] = v
	}
	return out
}

// ResetRequests zeroes the request counters.
func (e *Emulator) ResetRequests() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.requests = map[string]int{}
}

// Running is an emulator listening on a port.
type Running struct {
	*Emulator
	// URL is the emulator's root URL for clients on this machine
	// (http://127.0.0.1:PORT). When the emulator listens on every interface
	// (0.0.0.0, ::, or no host), it names the loopback address.
	URL string
	// Addr is the address the emulator listens on: the host asked for
	// and the port ("0.0.0.0:8787", "localhost:41234").
	Addr   string
	server *http.Server
	ln     net.Listener
}

// Start serves a new emulator on addr ("127.0.0.1:0" picks a free port),
// seeded from opts.Seed (see NewSeeded, whose errors it returns). Only
// loopback addresses are accepted, unless opts.AllowNonLoopback: the
// emulator's credentials are public.
func Start(addr string, opts Options) (*Running, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if !opts.AllowNonLoopback && !IsLoopback(host) {
		return nil, fmt.Errorf("%w, not %q: its credentials are fixed and public", ErrNotLoopback, host)
	}
	e, err := NewSeeded(opts)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	bound := ln.Addr().String()
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && host != "" {
		// The host asked for, with the port given: a listener on 0.0.0.0
		// says [::] on a dual-stack system.
		bound = net.JoinHostPort(host, strconv.Itoa(tcp.Port))
	}
	return &Running{Emulator: e, URL: "http://" + clientAddr(ln.Addr(), host), Addr: bound, server: srv, ln: ln}, nil
}

// clientAddr is the address a client on this machine connects to: the
// listener's, or a loopback one when it listens on every interface (host
// is the one asked for: "::" and "[::]" get ::1, others 127.0.0.1).
func clientAddr(a net.Addr, host string) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	loop := "127.0.0.1"
	if host == "::" {
		loop = "::1"
	}
	return net.JoinHostPort(loop, strconv.Itoa(tcp.Port))
}

// ErrNotLoopback is Start's refusal of an address beyond this machine
// without Options.AllowNonLoopback.
var ErrNotLoopback = errors.New("the emulator listens on loopback addresses only (127.0.0.1, ::1 or localhost)")

// IsLoopback reports whether host (a name or an IP address, without a port)
// is a loopback one: "localhost" or an address in 127.0.0.0/8 or ::1. An
// empty host (all interfaces) is not.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ServiceTradeURL is the base URL to give the provider.
func (r *Running) ServiceTradeURL() string { return r.URL + ServiceTradePrefix }

// KimobyURL is the Kimoby base URL to give the provider.
func (r *Running) KimobyURL() string { return r.URL + KimobyPrefix }

// KickservURL is the Kickserv base URL to give the provider (the account
// slug is configured separately).
func (r *Running) KickservURL() string { return r.URL + KickservPrefix }

// Env returns the environment variables that point the provider at this
// emulator with its fixed credentials.
func (r *Running) Env() map[string]string {
	return map[string]string{
		"SERVICETRADE_BASE_URL":      r.ServiceTradeURL(),
		"SERVICETRADE_CLIENT_ID":     servicetrade.ClientID,
		"SERVICETRADE_CLIENT_SECRET": servicetrade.ClientSecret,
		"KIMOBY_BASE_URL":            r.KimobyURL(),
		"KIMOBY_API_KEY":             kimoby.APIKey,
		"KIMOBY_API_SECRET":          kimoby.APISecret,
		"KICKSERV_BASE_URL":          r.KickservURL(),
		"KICKSERV_ACCOUNT":           kickserv.Account,
		"KICKSERV_API_TOKEN":         kickserv.APIToken,
	}
}

// SessionEnv returns the ServiceTrade variables of the legacy
// username/password flow, to use instead of the OAuth2 client credentials
// that Env sets (the provider warns when both pairs are set, and uses OAuth2).
func (r *Running) SessionEnv() map[string]string {
	return map[string]string{
		"SERVICETRADE_BASE_URL": r.ServiceTradeURL(),
		"SERVICETRADE_USERNAME": servicetrade.Username,
		"SERVICETRADE_PASSWORD": servicetrade.Password,
	}
}

// Close stops the server.
func (r *Running) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return r.server.Shutdown(ctx)
}

// Shutdown stops the server gracefully: it closes the listener at once,
// lets the requests in flight finish until ctx is done, then closes what
// is left (and returns ctx's error).
func (r *Running) Shutdown(ctx context.Context) error {
	err := r.server.Shutdown(ctx)
	if err != nil {
		_ = r.server.Close()
	}
	return err
}
