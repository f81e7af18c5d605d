package emu

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestDispatchAnswersUnroutedRequestsTheVendorsWay(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /known", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusTeapot) })
	unrouted := func(w http.ResponseWriter) {
		WriteJSON(w, http.StatusNotFound, map[string]string{"message": "Not found"})
	}
	for _, tc := range []struct {
		method, path string
		status       int
		body         string
	}{
		{http.MethodGet, "/known", http.StatusTeapot, ""},
		{http.MethodGet, "/unknown", http.StatusNotFound, "{\"message\":\"Not found\"}\n"},
		// A known path with a verb its pattern does not name: ServeMux
		// would answer 405 itself.
		{http.MethodPost, "/known", http.StatusNotFound, "{\"message\":\"Not found\"}\n"},
	} {
		rec := httptest.NewRecorder()
		Dispatch(mux, rec, httptest.NewRequest(tc.method, tc.path, nil), unrouted)
		if rec.Code != tc.status || rec.Body.String() != tc.body {
			t.Errorf("%s %s: %d %q, want %d %q", tc.method, tc.path, rec.Code, rec.Body.String(), tc.status, tc.body)
		}
	}
}

func TestRandomHex(t *testing.T) {
	a, b := RandomHex(16), RandomHex(16)
	if len(a) != 32 || a == b {
		t.Errorf("RandomHex(16) gave %q and %q", a, b)
	}
}
