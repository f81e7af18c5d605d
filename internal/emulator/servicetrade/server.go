// Package servicetrade emulates the ServiceTrade REST API in memory, as the
// reference text describes it, rough edges included: the {"data","messages"}
// envelope, 405 on collection PUT/DELETE, 200 (not 204) on region delete,
// officeIds in but offices out, list entries without offices, small pages,
// int64 ids beyond 32 bits, and both authentication flows.
package servicetrade

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/emu"
)

// Fixed credentials the emulator accepts.
const (
	ClientID     = "emulator-client"
	ClientSecret = "emulator-client-secret-0123456789"
	Username     = "emulator"
	Password     = "emulator-password-0123456789"
)

// firstID makes every id exceed 32 bits, as real ServiceTrade ids can.
const firstID int64 = 1 << 32

// Options tune the emulator.
type Options struct {
	// PageSize is the number of items per list page (default 10).
	PageSize int
	// TokenTTL is the lifetime of OAuth2 tokens (default one hour).
	TokenTTL time.Duration
	// Prefix is the path the API is mounted under ("/servicetrade/api"),
	// used to build the absolute "uri" of objects.
	Prefix string
}

// Server is an in-memory ServiceTrade. All state is guarded by mu.
type Server struct {
	mu       sync.Mutex
	opts     Options
	mux      *http.ServeMux
	nextID   int64
	sessions map[string]*session
	tokens   map[string]time.Time // access token -> expiry
	issued   []string             // every session id and token handed out
	stats    Stats
	// expireAfter, when positive, counts down authenticated requests
	// before every credential is expired (a test hook).
	expireAfter int

	regions   map[int64]*region
	locations map[int64]*location

	// accountCompanyID is the account's own company (vendorCompany): the
	// users log in as its users, and its locations are the offices.
	accountCompanyID int64

	// Reference data, created by newServer; the built-in seed fills them
	// in seedReferenceData (seed.go), a seed file in seed_<kind>.go.
	companies    map[int64]*company
	users        map[int64]*user
	terms        map[int64]*terms
	paymentTerms map[int64]*paymentTerms
	serviceLines map[int64]*serviceLine
	libItems     map[int64]*libItem

	// The other stores are created (empty) by the route registrations of
	// their files, and seeded by the files' builtinSeeds steps or by a
	// seed file (seed_<kind>.go).
	webhooks        map[int64]*webhook
	access          *access // roles, activities and role assignments (role.go)
	externalSystems map[int64]*externalSystem

	quoteTemplates     map[int64]*quoteTemplate
	quoteTemplateItems map[int64]*quoteTemplateItem

	contracts     map[int64]*contract
	contractRules map[int64]*contractRule

	taxGroups        map[int64]*taxGroup
	tags             map[int64]*tag
	serviceTemplates map[int64]*serviceTemplate
	externalIDs      map[externalIDKey]string
	warehouses       map[int64]*warehouse
	brands           map[int64]*brand
	userValues       map[int64]*userValue
	entityFilters    map[int64]*entityFilter
	assetDefinitions map[int64]*assetDefinition
}

// Stats counts what tests and benchmarks assert on.
type Stats struct {
	SessionsCreated int
	// SessionsClosed counts sessions ended by DELETE /auth (logouts).
	SessionsClosed int
	// OpenSessions is how many sessions are open now.
	OpenSessions int
	TokensIssued int
	// Unauthorized counts requests refused with 401.
	Unauthorized int
}

// routes is filled by each resource file's init, so that adding a resource
// touches no shared file. A registration creates its kind's (empty) store
// and registers its paths; it seeds nothing (see builtinSeeds).
var routes []func(s *Server, mux *http.ServeMux)

// builtinSeeds are the steps of the built-in seed that resource files
// register from their init, run after seedReferenceData in the order the
// files' init functions run (file name order): that order gives the
// built-in objects their ids. A seed file's section replaces all of them
// (NewSeeded).
var builtinSeeds []func(s *Server)

// New returns an emulator with its built-in seed.
func New(opts Options) *Server {
	s := newServer(opts)
	s.seedReferenceData()
	for _, seed := range builtinSeeds {
		seed(s)
	}
	return s
}

// newServer returns an emulator holding no object at all, its routes
// registered: New seeds it with the built-in data, NewSeeded with a seed
// file's section.
func newServer(opts Options) *Server {
	if opts.PageSize <= 0 {
		opts.PageSize = 10
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = time.Hour
	}
	s := &Server{
		opts:         opts,
		mux:          http.NewServeMux(),
		nextID:       firstID,
		sessions:     map[string]*session{},
		tokens:       map[string]time.Time{},
		regions:      map[int64]*region{},
		locations:    map[int64]*location{},
		companies:    map[int64]*company{},
		users:        map[int64]*user{},
		terms:        map[int64]*terms{},
		paymentTerms: map[int64]*paymentTerms{},
		serviceLines: map[int64]*serviceLine{},
		libItems:     map[int64]*libItem{},
	}
	s.mux.HandleFunc("/{$}", s.heartbeat)
	s.mux.HandleFunc("/auth", s.handleAuth)
	s.mux.HandleFunc("/auth/", s.methodNotAllowed)
	s.mux.HandleFunc("/oauth2/token", s.handleToken)
	for _, r := range routes {
		r(s, s.mux)
	}
	return s
}

// ServeHTTP serves the API rooted at "/" (mount it under ".../api").
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	emu.Dispatch(s.mux, w, r, func(w http.ResponseWriter) {
		writeError(w, http.StatusNotFound, "requested URI not found")
	})
}

// Stats returns a copy of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.OpenSessions = len(s.sessions)
	return st
}

func (s *Server) newID() int64 {
	s.nextID++
	return s.nextID
}

// newRecord returns the id of a new object and, for the resources that
// report timestamps, its creation time, which is also its first update.
func (s *Server) newRecord() (id, created, updated int64) {
	now := time.Now().Unix()
	return s.newID(), now, now
}

// baseURL rebuilds the absolute API root for "uri" fields from the request,
// since the emulator can be mounted anywhere.
func (s *Server) baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + strings.TrimSuffix(s.opts.Prefix, "/")
}

func (s *Server) uri(r *http.Request, kind string, id int64) string {
	return s.baseURL(r) + "/" + kind + "/" + strconv.FormatInt(id, 10)
}

func (s *Server) heartbeat(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		s.methodNotAllowed(w, r)
		return
	}
	writeData(w, map[string]any{"version": "emulator", "serverTime": time.Now().Unix()})
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, _ *http.Request) {
	writeError(w, http.StatusMethodNotAllowed, "method not allowed")
}

// messages is the envelope's "messages" member.
type messages struct {
	Success    []string            `json:"success,omitempty"`
	Error      []string            `json:"error,omitempty"`
	Validation map[string][]string `json:"validation,omitempty"`
}

func writeData(w http.ResponseWriter, data any) {
	emu.WriteJSON(w, http.StatusOK, map[string]any{"data": data})
}

// writeSuccess answers 200 with a success message and no data, as the API
// answers deletes and role assignments.
func writeSuccess(w http.ResponseWriter, msg string) {
	emu.WriteJSON(w, http.StatusOK, map[string]any{"messages": messages{Success: []string{msg}}})
}

func writeError(w http.ResponseWriter, status int, msg string) {
	emu.WriteJSON(w, status, map[string]any{"messages": messages{Error: []string{msg}}})
}

// writeValidation is the emulator's 400 for invalid parameters, where a
// resource's section documents no error sentence of its own.
func writeValidation(w http.ResponseWriter, v map[string][]string) {
	writeInvalid(w, "invalid parameters provided", v)
}

// writeInvalid is a 400 with its error sentence and the per-parameter
// validation messages every ServiceTrade 400 carries.
func writeInvalid(w http.ResponseWriter, msg string, v map[string][]string) {
	emu.WriteJSON(w, http.StatusBadRequest, map[string]any{"messages": messages{Error: []string{msg}, Validation: v}})
}

// pathID parses the {id} wildcard; ok is false (and a 404 written) when it
// is not an integer, which is how the API treats unknown ids.
func pathID(w http.ResponseWriter, r *http.Request, what string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeError(w, http.StatusNotFound, what+" not found")
		return 0, false
	}
	return id, true
}

// decodeBody reads a JSON object body into raw fields, so that handlers can
// tell "absent" from "null" (PUT is a partial update).
func decodeBody(w http.ResponseWriter, r *http.Request) (map[string]json.RawMessage, bool) {
	fields := map[string]json.RawMessage{}
	if err := json.NewDecoder(r.Body).Decode(&fields); err != nil {
		writeError(w, http.StatusBadRequest, "malformed request body: "+err.Error())
		return nil, false
	}
	return fields, true
}

// page cuts items into the requested page and returns the list envelope.
func page[T any](s *Server, r *http.Request, listKey string, items []T, size int) map[string]any {
	if size <= 0 {
		size = s.opts.PageSize
	}
	p, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if p < 1 {
		p = 1
	}
	total := (len(items) + size - 1) / size
	if total < 1 {
		total = 1
	}
	start := min((p-1)*size, len(items))
	end := min(start+size, len(items))
	out := items[start:end]
	if out == nil {
		out = []T{}
	}
	return map[string]any{"totalPages": total, "page": p, listKey: out}
}
