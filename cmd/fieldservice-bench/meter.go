package main

import (
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
)

// Operation classes a request is counted under. Item reads (GET by id) and
// list reads (GET of a collection, one per page) are told apart, since the
// ideal differs.
const (
	opAuth   = "auth"
	opGet    = "GET"
	opList   = "LIST"
	opPost   = "POST"
	opPut    = "PUT"
	opDelete = "DELETE"
	opOther  = "other"
)

// counts is what the meter saw during one phase.
type counts struct {
	// ByOp is keyed by "vendor op", such as "servicetrade GET".
	ByOp map[string]int
	// KickservEmployee counts Kickserv requests that answer with employee
	// records (GET, POST, PUT on employees), and KickservOnly those of them
	// that carried ?only=.
	KickservEmployee, KickservOnly int
	// Conns is the number of TCP connections the provider opened.
	Conns int
	// MaxInFlight is the largest number of requests being served at once.
	MaxInFlight int
}

func (c counts) total() int {
	n := 0
	for _, v := range c.ByOp {
		n += v
	}
	return n
}

// meter sits in front of the emulator: it counts every request by vendor
// and operation, adds the configured latency (adjustable between phases, so
// that the 0 ms and 25 ms refreshes run against the same emulator and
// state), and counts connections.
type meter struct {
	next    http.Handler
	latency atomic.Int64 // nanoseconds

	mu       sync.Mutex
	c        counts
	inFlight int
}

func newMeter(next http.Handler) *meter {
	return &meter{next: next, c: counts{ByOp: map[string]int{}}}
}

func (m *meter) setLatency(d time.Duration) { m.latency.Store(int64(d)) }

func (m *meter) reset() counts {
	m.mu.Lock()
	defer m.mu.Unlock()
	prev := m.c
	m.c = counts{ByOp: map[string]int{}}
	return prev
}

func (m *meter) connState(_ net.Conn, st http.ConnState) {
	if st == http.StateNew {
		m.mu.Lock()
		m.c.Conns++
		m.mu.Unlock()
	}
}

// ServeHTTP counts the request, waits for the latency, and hands the
// request to the emulator. The emulator's own latency option stays 0: this
// is the same delay, applied at the same point (before the vendor handler),
// but adjustable during a run.
func (m *meter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	vendor, op := classify(r)
	m.mu.Lock()
	m.inFlight++
	m.c.MaxInFlight = max(m.c.MaxInFlight, m.inFlight)
	m.c.ByOp[vendor+" "+op]++
	if vendor == "kickserv" && kickservEmployeePath.MatchString(r.URL.Path) && r.Method != http.MethodDelete {
		m.c.KickservEmployee++
		if r.URL.Query().Get("only") != "" {
			m.c.KickservOnly++
		}
	}
	m.mu.Unlock()
	defer func() {
		m.mu.Lock()
		m.inFlight--
		m.mu.Unlock()
	}()
	if d := time.Duration(m.latency.Load()); d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	m.next.ServeHTTP(w, r)
}

var (
	kickservEmployeePath = regexp.MustCompile(`^` + emulator.KickservPrefix + `/[^/]+/employees(\.xml|/[0-9]+\.xml)$`)
	// An item path ends with a numeric id (ServiceTrade, Kickserv
	// "12.xml") or a Kimoby "WH…" id.
	itemPath = regexp.MustCompile(`/([0-9]+(\.xml)?|WH[0-9A-Za-z]+)$`)
)

// classify names the vendor (by mount point) and the operation.
func classify(r *http.Request) (vendor, op string) {
	p := r.URL.Path
	switch {
	case strings.HasPrefix(p, emulator.ServiceTradePrefix):
		vendor = "servicetrade"
		rest := strings.TrimPrefix(p, emulator.ServiceTradePrefix)
		if r.Method == http.MethodPost && (rest == "/oauth2/token" || rest == "/auth") {
			return vendor, opAuth
		}
	case strings.HasPrefix(p, emulator.KimobyPrefix):
		vendor = "kimoby"
	case strings.HasPrefix(p, emulator.KickservPrefix):
		vendor = "kickserv"
	default:
		return "other", opOther
	}
	switch r.Method {
	case http.MethodGet:
		if itemPath.MatchString(p) {
			return vendor, opGet
		}
		return vendor, opList
	case http.MethodPost:
		return vendor, opPost
	case http.MethodPut, http.MethodPatch:
		return vendor, opPut
	case http.MethodDelete:
		return vendor, opDelete
	}
	return vendor, opOther
}

// emulatorEnv points the provider at the emulator served at base, with the
// emulator's fixed credentials (the same variables as emulator.Running.Env).
func emulatorEnv(base string) map[string]string {
	return map[string]string{
		"SERVICETRADE_BASE_URL":      base + emulator.ServiceTradePrefix,
		"SERVICETRADE_CLIENT_ID":     servicetrade.ClientID,
		"SERVICETRADE_CLIENT_SECRET": servicetrade.ClientSecret,
		"KIMOBY_BASE_URL":            base + emulator.KimobyPrefix,
		"KIMOBY_API_KEY":             kimoby.APIKey,
		"KIMOBY_API_SECRET":          kimoby.APISecret,
		"KICKSERV_BASE_URL":          base + emulator.KickservPrefix,
		"KICKSERV_ACCOUNT":           kickserv.Account,
		"KICKSERV_API_TOKEN":         kickserv.APIToken,
	}
}

// served is an emulator behind a meter on a loopback port.
type served struct {
	emu   *emulator.Emulator
	meter *meter
	url   string
	srv   *http.Server
}

// serve starts a fresh emulator with each vendor's default page size (so
// that pagination is what a real account would see) behind a meter.
func serve() (*served, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	emu := emulator.New(emulator.Options{})
	m := newMeter(emu)
	srv := &http.Server{Handler: m, ConnState: m.connState, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return &served{emu: emu, meter: m, url: "http://" + ln.Addr().String(), srv: srv}, nil
}

func (s *served) close() { _ = s.srv.Close() }
