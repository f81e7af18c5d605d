// Package kimoby emulates the Kimoby API v1 in memory, as the reference text
// describes it, rough edges included: HTTP Basic on every request, errors as
// {"message": …}, the webhook list as a bare JSON array (no pagination
// object), the authentication key returned at creation only, and no GET of
// one webhook. Whether that list honours page and per_page is left open by
// the reference: both readings are served (WebhookListMode).
//
// Only the webhooks resource is emulated: it is the one configuration object
// in the Kimoby API. Plain HTTP to the real API fails; the emulator listens on
// loopback and does not emulate that refusal.
package kimoby

import (
	"crypto/rand"
	"crypto/subtle"
	"net/http"
	"sync"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/emu"
)

// Fixed credentials the emulator accepts (HTTP Basic user and password).
const (
	APIKey    = "emulator-kimoby-api-key"
	APISecret = "emulator-kimoby-api-secret-0123456789"
)

// Documented paging bounds: "per_page … greater than 0 and less or equals to
// 50", "By default, 25 items per page are shown".
const (
	DefaultPerPage = 25
	MaxPerPage     = 50
)

// Options tune the emulator.
type Options struct {
	// PerPage is the page size when a list request gives no per_page
	// (default 25, as documented; at most 50).
	PerPage int
	// WebhookList says whether GET /webhooks honours page and per_page
	// (the default) or serves the whole list every time.
	WebhookList WebhookListMode
}

// Server is an in-memory Kimoby. All state is guarded by mu.
type Server struct {
	mu    sync.Mutex
	opts  Options
	mux   *http.ServeMux
	stats Stats
	// clock is the last timestamp handed out (see now).
	clock time.Time

	webhooks map[string]*webhook
	order    []string // webhook ids in creation order, the list order
	// keys holds every authentication key ever issued, for tests that
	// assert no secret leaks into logs.
	keys []string
}

// IssuedSecrets returns every webhook authentication key handed out.
func (s *Server) IssuedSecrets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.keys...)
}

// Stats counts what tests assert on.
type Stats struct {
	// Unauthorized counts requests refused with 401.
	Unauthorized int
	// WebhookListPages counts GET /webhooks requests (one per page; in
	// the unpaged mode, one per request all the same).
	WebhookListPages int
}

// routes is filled by each resource file's init, so that adding a resource
// touches no shared file.
var routes []func(s *Server, mux *http.ServeMux)

// New returns an empty emulator.
func New(opts Options) *Server {
	if opts.PerPage <= 0 || opts.PerPage > MaxPerPage {
		opts.PerPage = DefaultPerPage
	}
	s := &Server{opts: opts, mux: http.NewServeMux(), webhooks: map[string]*webhook{}}
	for _, r := range routes {
		r(s, s.mux)
	}
	return s
}

// ServeHTTP serves the API rooted at "/" (mount it under ".../v1"). Every
// request is authenticated first: "API requests without authentication will
// also fail". Paths and verbs with no route answer 404 with the usual error
// body, as a Rails-style router does (the docs are silent on 405).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Basic realm="Kimoby API"`)
		writeError(w, http.StatusUnauthorized, "Unauthorized: invalid API key or secret")
		return
	}
	emu.Dispatch(s.mux, w, r, notFoundRoute)
}

// Stats returns a copy of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

func (s *Server) authorized(r *http.Request) bool {
	user, pass, ok := r.BasicAuth()
	good := ok &&
		subtle.ConstantTimeCompare([]byte(user), []byte(APIKey)) == 1 &&
		subtle.ConstantTimeCompare([]byte(pass), []byte(APISecret)) == 1
	if !good {
		s.mu.Lock()
		s.stats.Unauthorized++
		s.mu.Unlock()
	}
	return good
}

// now returns the time of a change, in whole seconds as the API shows them.
// Two changes in the same second get successive seconds, so that an update
// always moves updated_at past created_at, as it would on a real server where
// requests are not microseconds apart. Called with s.mu held.
func (s *Server) now() time.Time {
	t := time.Now().UTC().Truncate(time.Second)
	if !t.After(s.clock) {
		t = s.clock.Add(time.Second)
	}
	s.clock = t
	return t
}

// timestamp renders a time as the API does: RFC 3339 in UTC with a "+00:00"
// offset ("2016-06-28T15:00:00+00:00").
func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05+00:00") }

const alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// randomString returns n random characters of alphabet.
func randomString(alphabet string, n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	for i := range b {
		// 256 is not a multiple of 62: the tiny bias is irrelevant here.
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// writeError writes the documented error body: {"message": "…"}.
func writeError(w http.ResponseWriter, status int, msg string) {
	emu.WriteJSON(w, status, map[string]string{"message": msg})
}

func notFoundRoute(w http.ResponseWriter) {
	writeError(w, http.StatusNotFound, "Not found")
}
