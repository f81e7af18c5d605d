package servicetrade

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Token answers, granted or refused, must not be cached (RFC 6749 §5.1).
func TestTokenAnswersAreNotCached(t *testing.T) {
	s := New(Options{})
	for _, tc := range []struct{ name, body string }{
		{"granted", `{"grant_type":"client_credentials","client_id":"` + ClientID + `","client_secret":"` + ClientSecret + `"}`},
		{"refused", `{"grant_type":"client_credentials","client_id":"` + ClientID + `","client_secret":"wrong"}`},
		{"bad grant", `{"grant_type":"password"}`},
	} {
		req := httptest.NewRequest(http.MethodPost, "/oauth2/token", strings.NewReader(tc.body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if got := rec.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s (%d): Cache-Control = %q, want no-store", tc.name, rec.Code, got)
		}
		if got := rec.Header().Get("Pragma"); got != "no-cache" {
			t.Errorf("%s (%d): Pragma = %q, want no-cache", tc.name, rec.Code, got)
		}
	}
}

// DELETE /auth closes the session it names (204), counts it, and a second
// one answers 404 as the reference documents.
func TestLogoutClosesTheSession(t *testing.T) {
	s := New(Options{})
	req := httptest.NewRequest(http.MethodPost, "/auth", strings.NewReader(`{"username":"`+Username+`","password":"`+Password+`"}`))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	ids := s.OpenSessionIDs()
	if rec.Code != http.StatusOK || len(ids) != 1 {
		t.Fatalf("login: %d, %d open sessions", rec.Code, len(ids))
	}
	for i, want := range []int{http.StatusNoContent, http.StatusNotFound} {
		req := httptest.NewRequest(http.MethodDelete, "/auth", nil)
		req.AddCookie(&http.Cookie{Name: "PHPSESSID", Value: ids[0]})
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("DELETE /auth #%d = %d, want %d", i+1, rec.Code, want)
		}
	}
	if st := s.Stats(); st.OpenSessions != 0 || st.SessionsClosed != 1 {
		t.Errorf("stats = %+v, want 0 open and 1 closed", st)
	}
}
