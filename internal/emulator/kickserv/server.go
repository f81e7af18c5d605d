// Package kickserv emulates the Kickserv XML API (v1) in memory, as the
// reference text and the notes describe it, rough edges included: accounts
// addressed by a slug in the path, HTTP Basic with an employee's API token
// as both user and password, Rails-style XML out (dasherized names, type
// attributes, nil="true", <employees type="array">) and both dashed and
// underscored names in, <errors><error>…</error></errors> bodies, 30
// records a page, ?only=, no DELETE for employees, and an API token that
// changes with the employee's password.
//
// Kickserv is a Rails 2-era application and the docs give no response
// shapes or status codes; where they are silent the emulator behaves like a
// Rails 2 scaffold (201 with the record on create, an empty 200 on update,
// 422 with <errors> on validation failures) and says so in a comment.
package kickserv

import (
	"crypto/pbkdf2"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/emu"
)

// Fixed accounts and credentials the emulator accepts. Account/APIToken is
// the account the provider is pointed at; OtherAccount exists so that tests
// can show a token does not open another account.
const (
	Account       = "emulated-hvac"
	APIToken      = "emulator-kickserv-api-token-0123456789"
	OtherAccount  = "other-hvac"
	OtherAPIToken = "emulator-kickserv-other-token-9876543210"
)

// firstID makes internal employee ids exceed 32 bits and differ from the
// small, per-account employee numbers that are the URL keys.
const firstID int64 = 1<<32 + 1000

// zone is the account time zone Rails renders datetimes in.
var zone = time.FixedZone("CST", -6*60*60)

// Options tune the emulator.
type Options struct {
	// PageSize is the number of records per list page (default 30, as
	// documented: "Records are returned 30 at a time").
	PageSize int
	// Prefix is the path the API is mounted under ("/kickserv"), used to
	// build absolute Location headers.
	Prefix string
	// UnknownRecordStatus is how an unknown employee number is answered:
	// 404 (default; Rails' RecordNotFound page) or 400 (the "record is
	// invalid" variant seen from Kickserv). Both are documented as possible.
	UnknownRecordStatus int
}

// Server is an in-memory Kickserv. All state is guarded by mu.
type Server struct {
	mu       sync.Mutex
	opts     Options
	mux      *http.ServeMux
	nextID   int64
	accounts map[string]*account
	stats    Stats
}

// Stats counts what tests assert on.
type Stats struct {
	// Unauthorized counts requests refused with 401.
	Unauthorized int
}

type account struct {
	slug       string
	employees  map[int64]*employee // by employee number
	nextNumber int64
}

// routes is filled by each resource file's init, so that adding a resource
// touches no shared file.
var routes []func(s *Server, mux *http.ServeMux)

// New returns an emulator with its accounts seeded.
func New(opts Options) *Server {
	s := newServer(opts)
	s.seed(Account, APIToken, "Emma Ulator", "emma")
	s.seed(OtherAccount, OtherAPIToken, "Otto Other", "otto")
	return s
}

// newServer returns an emulator with no accounts.
func newServer(opts Options) *Server {
	if opts.PageSize <= 0 {
		opts.PageSize = 30
	}
	if opts.UnknownRecordStatus != http.StatusBadRequest {
		opts.UnknownRecordStatus = http.StatusNotFound
	}
	s := &Server{opts: opts, mux: http.NewServeMux(), nextID: firstID, accounts: map[string]*account{}}
	for _, r := range routes {
		r(s, s.mux)
	}
	return s
}

// seed creates an account with its owner (the employee whose API token is
// given) and two technicians, one of them inactive.
func (s *Server) seed(slug, token, owner, username string) {
	a := &account{slug: slug, employees: map[int64]*employee{}}
	s.accounts[slug] = a
	now := time.Now().In(zone).Truncate(time.Second)
	s.addOwner(a, token, owner, username, now)
	t1 := s.addEmployee(a, now)
	t1.Name, t1.CellPhone, t1.City, t1.State = "Terry Technician", ptr("555-0101"), ptr("Austin"), ptr("TX")
	t2 := s.addEmployee(a, now)
	t2.Name, t2.Active = "Former Technician", false
}

// addOwner adds the account owner of the built-in seed, whose API token is
// token.
func (s *Server) addOwner(a *account, token, owner, username string, now time.Time) {
	o := s.addEmployee(a, now)
	o.Name, o.Username, o.CanLogin, o.IsAccountOwner = owner, ptr(username), true, true
	o.EmailAddress = ptr(username + "@example.com")
	o.setPassword(newToken()) // nobody knows it: the owner is only used through its token
	o.APIToken = token
}

// addEmployee allocates the next id and employee number. Called with
// s.mu held (or before the server is shared).
func (s *Server) addEmployee(a *account, now time.Time) *employee {
	s.nextID += 7 // ids are not consecutive, so that they never line up with numbers
	a.nextNumber++
	e := &employee{ID: s.nextID, Number: a.nextNumber, Active: true, NotifyViaEmail: true, APIToken: newToken(), CreatedAt: now, UpdatedAt: now}
	a.employees[e.Number] = e
	return e
}

// ServeHTTP serves the API rooted at "/" (mount it under a prefix).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	emu.Dispatch(s.mux, w, r, notFoundPage)
}

// Stats returns a copy of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// PasswordMatches reports whether password is the stored password of the
// employee (a test hook: the emulator keeps only a salted hash).
func (s *Server) PasswordMatches(slug string, number int64, password string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accounts[slug]
	if a == nil || a.employees[number] == nil {
		return false
	}
	return a.employees[number].passwordIs(password)
}

// APITokenOf returns an employee's current API token (a test hook: in
// Kickserv it is shown in the employee management screens).
func (s *Server) APITokenOf(slug string, number int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.accounts[slug]; a != nil && a.employees[number] != nil {
		return a.employees[number].APIToken
	}
	return ""
}

// authenticate finds the account in the path and the active employee whose
// API token is presented. The docs only show `curl -u token:token`, so the
// emulator requires exactly that: the token as user and as password.
// Unknown accounts, unknown tokens and inactive employees all get the same
// 401 (inactive employees cannot use the API: inferred, not documented).
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) (*account, bool) {
	user, pass, ok := r.BasicAuth()
	a := s.accounts[r.PathValue("account")]
	if ok && a != nil && user != "" && subtle.ConstantTimeCompare([]byte(user), []byte(pass)) == 1 {
		for _, e := range a.employees {
			if e.Active && subtle.ConstantTimeCompare([]byte(e.APIToken), []byte(user)) == 1 {
				return a, true
			}
		}
	}
	s.stats.Unauthorized++
	w.Header().Set("WWW-Authenticate", `Basic realm="Application"`)
	writeErrors(w, http.StatusUnauthorized, "Invalid Username, Account or password.")
	return nil, false
}

// protected runs h with s.mu held and the request authenticated.
func (s *Server) protected(h func(w http.ResponseWriter, r *http.Request, a *account)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		a, ok := s.authenticate(w, r)
		if !ok {
			return
		}
		h(w, r, a)
	}
}

// methodNotAllowed is what Rails 2 answers for a verb the routes do not
// define on a path they know (ActionController::MethodNotAllowed): 405 with
// an Allow header. (Rails 3 and later would answer 404 instead.)
func methodNotAllowed(w http.ResponseWriter, allow ...string) {
	w.Header().Set("Allow", strings.Join(allow, ", "))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusMethodNotAllowed)
	_, _ = w.Write([]byte("Only " + strings.ToLower(strings.Join(allow, " and ")) + " requests are allowed."))
}

// notFoundPage is Rails' public/404.html, what a production Rails app shows
// for an unknown route or record.
func notFoundPage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=UTF-8" />
  <title>The page you were looking for doesn't exist (404)</title>
</head>
<body>
  <div class="dialog">
    <h1>The page you were looking for doesn't exist.</h1>
    <p>You may have mistyped the address or the page may have moved.</p>
  </div>
</body>
</html>
`))
}

// password hashing: PBKDF2-SHA256 with a per-employee salt. Only the hash
// and the salt are kept.
const pbkdf2Iterations = 4096

func hashPassword(password string, salt []byte) []byte {
	key, err := pbkdf2.Key(sha256.New, password, salt, pbkdf2Iterations, 32)
	if err != nil {
		panic(err) // only for invalid parameters, which are constants here
	}
	return key
}

func newToken() string { return emu.RandomHex(20) }

func newSalt() []byte { return emu.RandomBytes(16) }

func ptr[T any](v T) *T { return &v }

// b64 renders binary password material the way the leaked fields look.
func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }
