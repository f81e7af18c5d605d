package servicetrade

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/emu"
)

// Session limits from the reference: above 200 open sessions per user the
// oldest are closed until 100 remain.
const (
	sessionSoftLimit = 100
	sessionHardLimit = 200
)

type session struct {
	token   string
	created time.Time
}

func newToken() string { return emu.RandomHex(16) }

// IssuedSecrets returns every session id and access token handed out, for
// tests that assert no secret leaks into logs.
func (s *Server) IssuedSecrets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.issued...)
}

// OpenSessionIDs returns the ids of the sessions open now, for tests that
// check which session a client closes.
func (s *Server) OpenSessionIDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, 0, len(s.sessions))
	for id := range s.sessions {
		ids = append(ids, id)
	}
	return ids
}

// ExpireCredentials ends every session and token, as a server restart or a
// session clean-up would; clients must log in again after their next 401.
func (s *Server) ExpireCredentials() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions = map[string]*session{}
	s.tokens = map[string]time.Time{}
}

// RevokeCredential ends the session or token that r carries, as the real
// API has done when it answers 401: the emulator's injected 401s call it so
// that a client retrying with its old credential is refused again, as it
// would be in production, instead of passing.
func (s *Server) RevokeCredential(r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		delete(s.tokens, strings.TrimPrefix(h, "Bearer "))
	}
	if c, err := r.Cookie("PHPSESSID"); err == nil {
		delete(s.sessions, c.Value)
	}
}

// ExpireCredentialsAfter ends every session and token once n more
// authenticated requests have been served, to expire credentials in the
// middle of a Terraform run.
func (s *Server) ExpireCredentialsAfter(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireAfter = n
}

// authorized reports whether the request carries a live session cookie or
// bearer token, and counts it towards a pending ExpireCredentialsAfter.
func (s *Server) authorized(r *http.Request) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	ok := s.credentialValidLocked(r)
	if !ok {
		s.stats.Unauthorized++
		return false
	}
	if s.expireAfter > 0 {
		s.expireAfter--
		if s.expireAfter == 0 {
			s.sessions = map[string]*session{}
			s.tokens = map[string]time.Time{}
		}
	}
	return true
}

func (s *Server) credentialValidLocked(r *http.Request) bool {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		exp, ok := s.tokens[strings.TrimPrefix(h, "Bearer ")]
		return ok && time.Now().Before(exp)
	}
	if c, err := r.Cookie("PHPSESSID"); err == nil {
		_, ok := s.sessions[c.Value]
		return ok
	}
	return false
}

// protected wraps a handler with the authentication check.
func (s *Server) protected(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.authorized(r) {
			writeError(w, http.StatusUnauthorized, "unauthorized request: no active session or valid access token")
			return
		}
		h(w, r)
	}
}

// authUser is the seeded user the emulator's credentials log in as (see
// SeedUsers), rendered as GET /user/{id} renders it.
func (s *Server) authUser(r *http.Request) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.userByUsername(Username); u != nil {
		return s.userJSON(r, u)
	}
	return nil
}

func (s *Server) handleAuth(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost:
		s.login(w, r)
	case http.MethodGet, http.MethodDelete:
		c, err := r.Cookie("PHPSESSID")
		s.mu.Lock()
		var sess *session
		if err == nil {
			sess = s.sessions[c.Value]
		}
		if sess != nil && r.Method == http.MethodDelete {
			delete(s.sessions, sess.token)
			s.stats.SessionsClosed++
		}
		s.mu.Unlock()
		if sess == nil {
			token := ""
			if err == nil {
				token = c.Value
			}
			emu.WriteJSON(w, http.StatusNotFound, map[string]any{
				"messages": messages{Error: []string{"No active session found for given auth token"}},
				"data":     map[string]any{"authenticated": false, "eulaNeeded": true, "authToken": token, "user": nil},
			})
			return
		}
		if r.Method == http.MethodDelete {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		writeData(w, map[string]any{"authenticated": true, "eulaNeeded": false, "authToken": sess.token, "user": s.authUser(r)})
	default:
		s.methodNotAllowed(w, r)
	}
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	_ = json.NewDecoder(r.Body).Decode(&in)
	if in.Username == "" || in.Password == "" {
		writeError(w, http.StatusBadRequest, "username and/or password not given")
		return
	}
	token := newToken()
	if in.Username != Username || in.Password != Password {
		emu.WriteJSON(w, http.StatusForbidden, map[string]any{
			"messages": messages{Error: []string{"Invalid credentials provided"}},
			"data":     map[string]any{"authenticated": false, "eulaNeeded": true, "authToken": token, "user": nil},
		})
		return
	}
	s.mu.Lock()
	s.sessions[token] = &session{token: token, created: time.Now()}
	s.issued = append(s.issued, token)
	s.stats.SessionsCreated++
	s.trimSessionsLocked()
	s.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "PHPSESSID", Value: token, Path: "/", HttpOnly: true})
	writeData(w, map[string]any{"authenticated": true, "eulaNeeded": false, "authToken": token, "user": s.authUser(r)})
}

// trimSessionsLocked applies the documented session limits.
func (s *Server) trimSessionsLocked() {
	if len(s.sessions) <= sessionHardLimit {
		return
	}
	for len(s.sessions) > sessionSoftLimit {
		var oldest *session
		for _, sess := range s.sessions {
			if oldest == nil || sess.created.Before(oldest.created) {
				oldest = sess
			}
		}
		delete(s.sessions, oldest.token)
	}
}

// handleToken is the OAuth2 client-credentials grant the vendor's current
// SDKs use. It accepts a JSON or form-encoded body and answers in the OAuth2
// shape (not the data envelope). Every answer forbids caching, as RFC 6749
// §5.1 requires of token responses.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	if r.Method != http.MethodPost {
		s.methodNotAllowed(w, r)
		return
	}
	var in struct {
		GrantType    string `json:"grant_type"`
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		_ = r.ParseForm()
		in.GrantType, in.ClientID, in.ClientSecret = r.PostForm.Get("grant_type"), r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	} else {
		_ = json.NewDecoder(r.Body).Decode(&in)
	}
	if in.GrantType != "client_credentials" {
		emu.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type", "error_description": "grant_type must be client_credentials"})
		return
	}
	if in.ClientID != ClientID || in.ClientSecret != ClientSecret {
		emu.WriteJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client", "error_description": "Client authentication failed"})
		return
	}
	token := newToken()
	s.mu.Lock()
	s.tokens[token] = time.Now().Add(s.opts.TokenTTL)
	s.issued = append(s.issued, token)
	s.stats.TokensIssued++
	s.mu.Unlock()
	emu.WriteJSON(w, http.StatusOK, map[string]any{"access_token": token, "token_type": "Bearer", "expires_in": int(s.opts.TokenTTL.Seconds())})
}
