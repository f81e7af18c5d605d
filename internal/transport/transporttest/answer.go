package transporttest

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Answer starts a server that answers every request with status and body
// (with contentType, when not empty), closed when the test ends, and
// returns its URL.
func Answer(t *testing.T, status int, contentType, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
