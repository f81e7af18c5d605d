package servicetrade

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Terms answer as the reference's terms section documents them: POST needs
// name and content, PUT (and the example's POST /terms/{id}) is a partial
// update, an unknown id is 404 "terms <id> not found", DELETE /terms is 403,
// and DELETE of terms in use is 409 "terms is referenced by other
// entities".
func TestTermsLifecycle(t *testing.T) {
	s := New(Options{PageSize: 50})
	tok := token(t, s)

	status, env := call(t, s, tok, http.MethodPost, "/terms", `{"name":"Job Terms","content":"Don't immanentize the eschaton."}`)
	d := qtData(env)
	if status != http.StatusOK || d["name"] != "Job Terms" || d["content"] != "Don't immanentize the eschaton." {
		t.Fatalf("POST /terms = %d, %v", status, env)
	}
	id := qtID(t, env)
	if uri, _ := d["uri"].(string); !strings.HasSuffix(uri, "/terms/"+id) {
		t.Errorf("uri = %q, want it to end in /terms/%s", uri, id)
	}
	path := "/terms/" + id

	// PUT changes only what it sends.
	status, env = call(t, s, tok, http.MethodPut, path, `{"content":"Immanentize the eschaton."}`)
	if d := qtData(env); status != http.StatusOK || d["name"] != "Job Terms" || d["content"] != "Immanentize the eschaton." {
		t.Errorf("PUT content only = %d, %v", status, env)
	}
	// The reference's "Modify terms with PUT" example sends POST.
	status, env = call(t, s, tok, http.MethodPost, path, `{"name":"Job Terms v2"}`)
	if d := qtData(env); status != http.StatusOK || d["name"] != "Job Terms v2" || d["content"] != "Immanentize the eschaton." {
		t.Errorf("POST /terms/{id} = %d, %v", status, env)
	}
	status, env = call(t, s, tok, http.MethodGet, path, "")
	if d := qtData(env); status != http.StatusOK || d["name"] != "Job Terms v2" {
		t.Errorf("GET after updates = %d, %v", status, env)
	}

	// Names are not unique.
	if status, env := call(t, s, tok, http.MethodPost, "/terms", `{"name":"Job Terms v2","content":"Another."}`); status != http.StatusOK {
		t.Errorf("POST with a name in use = %d, %v; want 200 (names are not unique)", status, env)
	}

	if status, env := call(t, s, tok, http.MethodDelete, "/terms", ""); status != http.StatusForbidden || errorText(env) != "not allowed" {
		t.Errorf("DELETE /terms = %d, %v; want 403 not allowed", status, env)
	}
	if status, _ := call(t, s, tok, http.MethodDelete, path, ""); status != http.StatusNoContent {
		t.Errorf("DELETE = %d, want 204", status)
	}
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		body := ""
		if method == http.MethodPut {
			body = `{"name":"x"}`
		}
		status, env := call(t, s, tok, method, path, body)
		if want := fmt.Sprintf("terms %s not found", id); status != http.StatusNotFound || errorText(env) != want {
			t.Errorf("%s of deleted terms = %d, %v; want 404 %q", method, status, env, want)
		}
	}
}

// Name and content are required on POST and cannot be blanked by PUT.
func TestTermsValidation(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	for _, body := range []string{`{"name":"x"}`, `{"content":"x"}`, `{"name":"  ","content":"x"}`, `{"name":"x","content":"\n"}`, `{"name":null,"content":"x"}`} {
		status, env := call(t, s, tok, http.MethodPost, "/terms", body)
		v, _ := env["messages"].(map[string]any)["validation"].(map[string]any)
		if status != http.StatusBadRequest || len(v) == 0 {
			t.Errorf("POST %s = %d, %v; want 400 with validation messages", body, status, env)
		}
	}
	_, env := call(t, s, tok, http.MethodPost, "/terms", `{"name":"x","content":"y"}`)
	path := "/terms/" + qtID(t, env)
	status, env := call(t, s, tok, http.MethodPut, path, `{"content":""}`)
	if v, _ := env["messages"].(map[string]any)["validation"].(map[string]any); status != http.StatusBadRequest || v["content"] == nil {
		t.Errorf("PUT blank content = %d, %v; want 400 naming content", status, env)
	}
	if _, env := call(t, s, tok, http.MethodGet, path, ""); qtData(env)["content"] != "y" {
		t.Errorf("a refused PUT changed the terms: %v", env)
	}
}

// Terms in use answer 409: as a quote template's terms, and as one of the
// account's defaults (the second seeded terms, which the API can therefore
// never delete).
func TestTermsInUse(t *testing.T) {
	s := New(Options{PageSize: 50})
	tok := token(t, s)
	const referenced = "terms is referenced by other entities"

	defaults := refID(t, s, tok, "/terms", "terms", SeedTerms[1])
	if status, env := call(t, s, tok, http.MethodDelete, fmt.Sprintf("/terms/%d", defaults), ""); status != http.StatusConflict || errorText(env) != referenced {
		t.Errorf("DELETE the account's default terms = %d, %v; want 409 %q", status, env, referenced)
	}

	_, env := call(t, s, tok, http.MethodPost, "/terms", `{"name":"Quote terms","content":"Valid 30 days."}`)
	termsID := qtID(t, env)
	_, env = call(t, s, tok, http.MethodPost, "/quotetemplate", fmt.Sprintf(`{"name":"T","termsId":%s}`, termsID))
	templateID := qtID(t, env)
	if status, env := call(t, s, tok, http.MethodDelete, "/terms/"+termsID, ""); status != http.StatusConflict || errorText(env) != referenced {
		t.Errorf("DELETE terms of a quote template = %d, %v; want 409 %q", status, env, referenced)
	}
	if status, env := call(t, s, tok, http.MethodPut, "/quotetemplate/"+templateID, `{"termsId":null}`); status != http.StatusOK {
		t.Fatalf("clearing the template's terms = %d, %v", status, env)
	}
	if status, env := call(t, s, tok, http.MethodDelete, "/terms/"+termsID, ""); status != http.StatusNoContent {
		t.Errorf("DELETE terms no longer used = %d, %v; want 204", status, env)
	}
	// The other seeded terms are nobody's default.
	other := refID(t, s, tok, "/terms", "terms", SeedTerms[0])
	if status, env := call(t, s, tok, http.MethodDelete, fmt.Sprintf("/terms/%d", other), ""); status != http.StatusNoContent {
		t.Errorf("DELETE seeded terms nothing uses = %d, %v; want 204", status, env)
	}
}
