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

// In the unpaged mode the list is served as the webhook section documents
// it: the whole list, a bare array, whatever page and per_page say
// (parameters the documented request does not have are ignored, not
// refused).
func TestEmulatorListUnpaged(t *testing.T) {
	s := New(Options{WebhookList: WebhookListUnpaged})
	var ids []string
	for i := 0; i < 60; i++ {
		code, body := do(t, s, http.MethodPost, "/webhooks", fmt.Sprintf(`{"url":"https://h.example.com/%d"}`, i), true)
		if code != http.StatusCreated {
			t.Fatalf("create: %d %s", code, body)
		}
		var w map[string]any
		_ = json.Unmarshal([]byte(body), &w)
		ids = append(ids, w["id"].(string))
	}
	for _, target := range []string{
		"/webhooks", "/webhooks?per_page=50", "/webhooks?page=2&per_page=50", "/webhooks?page=3",
		"/webhooks?per_page=1", "/webhooks?per_page=51", "/webhooks?page=0", "/webhooks?page=x",
	} {
		code, body := do(t, s, http.MethodGet, target, "", true)
		if code != http.StatusOK || !strings.HasPrefix(body, "[") || strings.Contains(body, "authentication_key") {
			t.Fatalf("%s = %d %s, want 200 and a bare array without keys", target, code, body)
		}
		var items []map[string]any
		if err := json.Unmarshal([]byte(body), &items); err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		if len(items) != len(ids) {
			t.Errorf("%s returned %d items, want all %d", target, len(items), len(ids))
			continue
		}
		for i, item := range items {
			if item["id"] != ids[i] {
				t.Errorf("%s item %d = %v, want %s (creation order)", target, i, item["id"], ids[i])
				break
			}
		}
	}
	if got := s.Stats().WebhookListPages; got != 8 {
		t.Errorf("WebhookListPages = %d, want 8 (one per list request)", got)
	}
}

// The mode can be changed on a running server (the acceptance tests start
// the emulator through a harness that knows nothing of Kimoby's options),
// and parsed from a command-line flag.
func TestEmulatorListModeSwitch(t *testing.T) {
	s := New(Options{})
	for i := 0; i < 30; i++ {
		do(t, s, http.MethodPost, "/webhooks", fmt.Sprintf(`{"url":"https://h.example.com/%d"}`, i), true)
	}
	length := func() int {
		_, body := do(t, s, http.MethodGet, "/webhooks", "", true)
		var items []map[string]any
		_ = json.Unmarshal([]byte(body), &items)
		return len(items)
	}
	if s.WebhookListMode() != WebhookListPaged || length() != DefaultPerPage {
		t.Fatalf("default mode %v served %d items, want paged: %d", s.WebhookListMode(), length(), DefaultPerPage)
	}
	s.SetWebhookListMode(WebhookListUnpaged)
	if s.WebhookListMode() != WebhookListUnpaged || length() != 30 {
		t.Fatalf("unpaged mode served %d items, want 30", length())
	}
	s.SetWebhookListMode(WebhookListPaged)
	if length() != DefaultPerPage {
		t.Fatalf("back to paged: %d items, want %d", length(), DefaultPerPage)
	}

	for in, want := range map[string]WebhookListMode{"paged": WebhookListPaged, "unpaged": WebhookListUnpaged, "": WebhookListPaged, "Unpaged": WebhookListUnpaged} {
		got, err := ParseWebhookListMode(in)
		if err != nil || got != want {
			t.Errorf("ParseWebhookListMode(%q) = %v, %v; want %v", in, got, err, want)
		}
		if in != "" && !strings.EqualFold(got.String(), in) {
			t.Errorf("%v.String() = %q, want %q", got, got.String(), in)
		}
	}
	if _, err := ParseWebhookListMode("sometimes"); err == nil || !strings.Contains(err.Error(), `"paged" or "unpaged"`) {
		t.Errorf("ParseWebhookListMode(\"sometimes\") error = %v, want one naming the accepted values", err)
	}
}
