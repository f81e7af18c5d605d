package kimoby

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// do sends one request with the emulator's credentials (unless auth is
// false) and returns the status and body.
func do(t *testing.T, s *Server, method, target, body string, auth bool) (int, string) {
	t.Helper()
	var req *http.Request
	if body != "" {
		req = httptest.NewRequest(method, target, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	if auth {
		req.SetBasicAuth(APIKey, APISecret)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func messageOf(t *testing.T, body string) string {
	t.Helper()
	var e struct {
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Message == "" {
		t.Fatalf("error body %q is not {\"message\": …}", body)
	}
	return e.Message
}

func TestEmulatorWebhookRules(t *testing.T) {
	s := New(Options{})
	// Credentials: missing or wrong -> 401 with the error body.
	code, body := do(t, s, http.MethodGet, "/webhooks", "", false)
	if code != http.StatusUnauthorized {
		t.Fatalf("no credentials: %d", code)
	}
	messageOf(t, body)

	code, body = do(t, s, http.MethodPost, "/webhooks", `{"url":"http://plain.example.com/hook"}`, true)
	if code != http.StatusBadRequest || !strings.Contains(messageOf(t, body), "HTTPS") {
		t.Fatalf("plain http url: %d %s", code, body)
	}
	code, body = do(t, s, http.MethodPost, "/webhooks", `{}`, true)
	if code != http.StatusBadRequest || !strings.Contains(messageOf(t, body), "blank") {
		t.Fatalf("no url: %d %s", code, body)
	}

	code, body = do(t, s, http.MethodPost, "/webhooks", `{"url":"https://a.example.com/hook"}`, true)
	if code != http.StatusCreated || !strings.Contains(body, `"authentication_key"`) {
		t.Fatalf("create: %d %s", code, body)
	}
	var created map[string]string
	_ = json.Unmarshal([]byte(body), &created)
	id := created["id"]

	// No GET by id: an unknown route.
	code, body = do(t, s, http.MethodGet, "/webhooks/"+id, "", true)
	if code != http.StatusNotFound {
		t.Errorf("GET /webhooks/:id = %d %s, want 404 (not documented)", code, body)
	}
	messageOf(t, body)

	code, body = do(t, s, http.MethodPut, "/webhooks/"+id, `{"url":"http://a.example.com/hook"}`, true)
	if code != http.StatusBadRequest {
		t.Errorf("PUT with a plain http url = %d %s, want 400", code, body)
	}
	code, body = do(t, s, http.MethodPut, "/webhooks/"+id, `{"url":"https://b.example.com/hook","authentication_key":"x"}`, true)
	if code != http.StatusOK || strings.Contains(body, "authentication_key") || !strings.Contains(body, "https://b.example.com/hook") {
		t.Errorf("PUT = %d %s, want 200 with the new url and no key", code, body)
	}
	code, body = do(t, s, http.MethodPut, "/webhooks/WHnope", `{"url":"https://b.example.com/hook"}`, true)
	if code != http.StatusNotFound {
		t.Errorf("PUT of an unknown id = %d %s", code, body)
	}
	messageOf(t, body)

	code, body = do(t, s, http.MethodGet, "/webhooks", "", true)
	if code != http.StatusOK || !strings.HasPrefix(body, "[") || strings.Contains(body, "authentication_key") {
		t.Errorf("list = %d %s, want a bare array without keys", code, body)
	}

	code, body = do(t, s, http.MethodDelete, "/webhooks/"+id, "", true)
	if code != http.StatusNoContent || body != "" {
		t.Errorf("DELETE = %d %q, want 204 and no body", code, body)
	}
	code, body = do(t, s, http.MethodDelete, "/webhooks/"+id, "", true)
	if code != http.StatusNotFound {
		t.Errorf("second DELETE = %d %s", code, body)
	}
	messageOf(t, body)
}

func TestEmulatorListPaging(t *testing.T) {
	s := New(Options{})
	for i := 0; i < 60; i++ {
		if code, body := do(t, s, http.MethodPost, "/webhooks", fmt.Sprintf(`{"url":"https://h.example.com/%d"}`, i), true); code != http.StatusCreated {
			t.Fatalf("create: %d %s", code, body)
		}
	}
	count := func(target string) int {
		code, body := do(t, s, http.MethodGet, target, "", true)
		if code != http.StatusOK {
			t.Fatalf("%s = %d %s", target, code, body)
		}
		var items []map[string]any
		if err := json.Unmarshal([]byte(body), &items); err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		return len(items)
	}
	for target, want := range map[string]int{
		"/webhooks":                       DefaultPerPage,
		"/webhooks?per_page=50":           50,
		"/webhooks?page=2&per_page=50":    10,
		"/webhooks?page=3&per_page=50":    0,
		"/webhooks?page=3":                10,
		"/webhooks?page=60&per_page=1":    1,
		"/webhooks?page=2&per_page=40":    20,
		"/webhooks?per_page=7&page=00002": 7,
	} {
		if got := count(target); got != want {
			t.Errorf("%s returned %d items, want %d", target, got, want)
		}
	}
	for _, target := range []string{"/webhooks?per_page=51", "/webhooks?per_page=0", "/webhooks?page=0", "/webhooks?page=x"} {
		code, body := do(t, s, http.MethodGet, target, "", true)
		if code != http.StatusBadRequest {
			t.Errorf("%s = %d, want 400", target, code)
		}
		messageOf(t, body)
	}
}
