package servicetrade

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// call sends one authenticated request to a fresh emulator's handler and
// returns the status and decoded envelope.
func call(t *testing.T, s *Server, token, method, path, body string) (int, map[string]any) {
	t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	var env map[string]any
	if w.Body.Len() > 0 {
		if err := json.Unmarshal(w.Body.Bytes(), &env); err != nil {
			t.Fatalf("%s %s: body is not JSON: %s", method, path, w.Body.String())
		}
	}
	return w.Code, env
}

func token(t *testing.T, s *Server) string {
	t.Helper()
	_, env := call(t, s, "", http.MethodPost, "/oauth2/token", `{"grant_type":"client_credentials","client_id":"`+ClientID+`","client_secret":"`+ClientSecret+`"}`)
	tok, _ := env["access_token"].(string)
	if tok == "" {
		t.Fatalf("no token: %v", env)
	}
	return tok
}

func errorText(env map[string]any) string {
	msgs, _ := env["messages"].(map[string]any)
	list, _ := msgs["error"].([]any)
	parts := make([]string, len(list))
	for i, m := range list {
		parts[i], _ = m.(string)
	}
	return strings.Join(parts, "; ")
}

// Verbs answer as the reference documents them: 405 where it says 405 (or
// leaves the verb out), 403 for DELETE /terms, and 501 "not emulated" for
// documented verbs the provider never uses.
func TestReferenceVerbs(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	cases := []struct {
		method, path string
		want         int
	}{
		{"POST", "/paymentterms", 405}, {"PUT", "/paymentterms", 405}, {"DELETE", "/paymentterms", 405},
		{"PUT", "/paymentterms/1", 405},
		{"POST", "/serviceline", 405}, {"PUT", "/serviceline/123", 405}, {"DELETE", "/serviceline/123", 405},
		{"PUT", "/libitem", 405}, {"DELETE", "/libitem", 405}, {"DELETE", "/libitem/1", 405},
		// Lib items are written by the provider: an empty POST lacks the
		// required name and type, and item 1 does not exist.
		{"POST", "/libitem", 400}, {"PUT", "/libitem/1", 404},
		{"DELETE", "/user", 405}, {"POST", "/user", 400}, {"PUT", "/user/1", 404}, {"DELETE", "/user/1", 405},
		{"POST", "/company", 501}, {"PUT", "/company/1", 501}, {"DELETE", "/company/1", 501},
		{"POST", "/location", 501}, {"PUT", "/location/1", 501}, {"DELETE", "/location/1", 501},
		{"PUT", "/location", 405},
		{"DELETE", "/terms", 403}, {"PUT", "/terms", 405},
	}
	for _, tc := range cases {
		status, env := call(t, s, tok, tc.method, tc.path, `{}`)
		if status != tc.want {
			t.Errorf("%s %s = %d, want %d", tc.method, tc.path, status, tc.want)
		}
		if status == 501 && !strings.Contains(errorText(env), "not emulated") {
			t.Errorf("%s %s: 501 without a \"not emulated\" error: %v", tc.method, tc.path, env)
		}
	}
	for _, p := range []string{"/company", "/user", "/terms", "/paymentterms", "/serviceline", "/libitem", "/location"} {
		if status, _ := call(t, s, "", http.MethodGet, p, ""); status != http.StatusUnauthorized {
			t.Errorf("GET %s without credentials = %d, want 401", p, status)
		}
	}
}

func TestReferenceListKeysAndQuirks(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	for path, key := range map[string]string{
		"/company": "companies", "/user": "users", "/terms": "terms", "/paymentterms": "paymenttermss",
		"/serviceline": "servicelines", "/serviceline/?tradeName=fire": "servicelines", "/libitem": "libItems", "/location": "locations",
	} {
		status, env := call(t, s, tok, http.MethodGet, path, "")
		data, _ := env["data"].(map[string]any)
		if list, ok := data[key].([]any); status != 200 || !ok || len(list) == 0 {
			t.Errorf("GET %s = %d, data %v; want a non-empty %q list", path, status, data, key)
		}
	}
	_, env := call(t, s, tok, http.MethodGet, "/serviceline", "")
	first := env["data"].(map[string]any)["servicelines"].([]any)[0].(map[string]any)
	if _, isString := first["trade"].(string); !isString {
		t.Errorf("service line trade = %#v, want a string as in the reference's examples", first["trade"])
	}
	_, env = call(t, s, tok, http.MethodGet, "/libitem?code=CCW-ZF", "")
	item := env["data"].(map[string]any)["libItems"].([]any)[0].(map[string]any)
	if item["type"] != "Part" {
		t.Errorf("lib item type = %v, want capitalised Part", item["type"])
	}
}

func TestAuthUserIsTheSeededUser(t *testing.T) {
	s := New(Options{})
	status, env := call(t, s, "", http.MethodPost, "/auth", `{"username":"`+Username+`","password":"`+Password+`"}`)
	user, _ := env["data"].(map[string]any)["user"].(map[string]any)
	if status != 200 || user == nil {
		t.Fatalf("POST /auth = %d, %v", status, env)
	}
	company, _ := user["company"].(map[string]any)
	if user["username"] != Username || company["name"] != VendorCompany {
		t.Fatalf("auth user = %v", user)
	}
	id := int64(user["id"].(float64))
	s.mu.Lock()
	u := s.users[id]
	c := s.companies[int64(company["id"].(float64))]
	s.mu.Unlock()
	if u == nil || u.Username != Username || c == nil || c.Name != VendorCompany {
		t.Errorf("auth user id %d and company id %v do not match the seed", id, company["id"])
	}
}

func TestTermsUpdateByPostAndConflict(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	status, env := call(t, s, tok, http.MethodPost, "/terms", `{"name":"Job Terms","content":"Don't immanentize the eschaton."}`)
	if status != 200 {
		t.Fatalf("POST /terms = %d, %v", status, env)
	}
	id := int64(env["data"].(map[string]any)["id"].(float64))
	path := "/terms/" + strconv.FormatInt(id, 10)
	// The reference's "Modify terms with PUT" example uses POST.
	status, env = call(t, s, tok, http.MethodPost, path, `{"content":"Immanentize the eschaton."}`)
	if data, _ := env["data"].(map[string]any); status != 200 || data["content"] != "Immanentize the eschaton." || data["name"] != "Job Terms" {
		t.Fatalf("POST %s = %d, %v", path, status, env)
	}
	if status, _ = call(t, s, tok, http.MethodPut, path, `{"name":""}`); status != 400 {
		t.Errorf("PUT blank name = %d, want 400", status)
	}
	referenced := true
	termsReferences = append(termsReferences, func(_ *Server, termsID int64) bool { return referenced && termsID == id })
	defer func() { termsReferences = termsReferences[:len(termsReferences)-1] }()
	if status, env = call(t, s, tok, http.MethodDelete, path, ""); status != 409 || errorText(env) != "terms is referenced by other entities" {
		t.Errorf("DELETE referenced terms = %d, %v; want 409", status, env)
	}
	referenced = false
	if status, _ = call(t, s, tok, http.MethodDelete, path, ""); status != 204 {
		t.Errorf("DELETE unreferenced terms = %d, want 204", status)
	}
	if status, _ = call(t, s, tok, http.MethodDelete, path, ""); status != 404 {
		t.Errorf("second DELETE = %d, want 404", status)
	}
}
