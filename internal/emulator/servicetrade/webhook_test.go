package servicetrade

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// hookSysRequest sends a raw authenticated request to s and decodes the
// envelope, for quirks the typed client cannot produce (fields it never
// sends, verbs it never uses).
func hookSysRequest(t *testing.T, s *Server, method, path, body string) (int, map[string]json.RawMessage) {
	t.Helper()
	s.mu.Lock()
	s.tokens["hooksys-test-token"] = time.Now().Add(time.Hour)
	s.mu.Unlock()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer hooksys-test-token")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	env := map[string]json.RawMessage{}
	if rec.Body.Len() > 0 {
		if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
			t.Fatalf("%s %s: body %q is not JSON: %v", method, path, rec.Body.String(), err)
		}
	}
	return rec.Code, env
}

func TestWebhookQuirks(t *testing.T) {
	s := New(Options{PageSize: 2})
	code, env := hookSysRequest(t, s, http.MethodPost, "/webhook", `{"hookUrl":"http://app.example.com/accounting/1"}`)
	if code != http.StatusOK {
		t.Fatalf("POST /webhook = %d %s", code, env["messages"])
	}
	var created struct {
		ID                                    int64
		URI, HookURL                          string
		Enabled, Confirmed, IncludeChangesets bool
	}
	_ = json.Unmarshal(env["data"], &created)
	if !created.Enabled || created.Confirmed || created.IncludeChangesets {
		t.Errorf("create response %s: want enabled true, confirmed false, includeChangesets false", env["data"])
	}
	item := "/webhook/" + hookSysID(created.ID)

	if code, env := hookSysRequest(t, s, http.MethodGet, item, ""); code != http.StatusOK || !strings.Contains(string(env["data"]), `"confirmed":true`) {
		t.Errorf("GET after create = %d %s, want confirmed true", code, env["data"])
	}
	code, env = hookSysRequest(t, s, http.MethodPut, item, `{"hookUrl":"https://elsewhere.example.com/","enabled":false}`)
	if code != http.StatusBadRequest || !strings.Contains(string(env["messages"]), "hookUrl cannot be changed") {
		t.Errorf("PUT with hookUrl = %d %s, want 400 naming hookUrl", code, env["messages"])
	}
	if _, env := hookSysRequest(t, s, http.MethodGet, item, ""); !strings.Contains(string(env["data"]), `"enabled":true`) {
		t.Errorf("a refused PUT changed the webhook: %s", env["data"])
	}
	if code, env := hookSysRequest(t, s, http.MethodPut, item, `{"enabled":"no"}`); code != http.StatusBadRequest || !strings.Contains(string(env["messages"]), "enabled must be a boolean") {
		t.Errorf("PUT enabled=\"no\" = %d %s, want 400", code, env["messages"])
	}
	for _, body := range []string{`{}`, `{"hookUrl":""}`, `{"hookUrl":"ftp://example.com/x"}`, `{"hookUrl":"/relative"}`} {
		code, env := hookSysRequest(t, s, http.MethodPost, "/webhook", body)
		if code != http.StatusBadRequest || !strings.Contains(string(env["messages"]), `"hookUrl"`) || !strings.Contains(string(env["messages"]), "bad data given") {
			t.Errorf("POST %s = %d %s, want 400 with hookUrl validation", body, code, env["messages"])
		}
	}
	for _, m := range []string{http.MethodPut, http.MethodDelete} {
		if code, _ := hookSysRequest(t, s, m, "/webhook", `{}`); code != http.StatusMethodNotAllowed {
			t.Errorf("%s /webhook = %d, want 405", m, code)
		}
	}
	if code, _ := hookSysRequest(t, s, http.MethodDelete, item, ""); code != http.StatusOK {
		t.Errorf("DELETE = %d, want 200 (not 204)", code)
	}
	for _, m := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		if code, env := hookSysRequest(t, s, m, item, `{"enabled":true}`); code != http.StatusNotFound || !strings.Contains(string(env["messages"]), "webhook not found") {
			t.Errorf("%s deleted webhook = %d %s, want 404 webhook not found", m, code, env["messages"])
		}
	}
}

// Hooks that can never be public stay unconfirmed.
func TestWebhookConfirmation(t *testing.T) {
	cases := map[string]bool{
		"https://hooks.example.com/x": true,
		"http://203.0.113.7/x":        true,
		"https://hooks.invalid/x":     false,
		"http://localhost:8080/x":     false,
		"http://127.0.0.1/x":          false,
		"http://10.1.2.3/x":           false,
	}
	for u, want := range cases {
		if got := publiclyReachable(u); got != want {
			t.Errorf("publiclyReachable(%q) = %v, want %v", u, got, want)
		}
	}
}

func hookSysID(id int64) string { b, _ := json.Marshal(id); return string(b) }
