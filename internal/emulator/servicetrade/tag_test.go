package servicetrade

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// tagData is the "data" object of a tag answer.
func tagData(t *testing.T, env map[string]any) (int64, string, string) {
	t.Helper()
	data, _ := env["data"].(map[string]any)
	id, _ := data["id"].(float64)
	name, _ := data["name"].(string)
	uri, _ := data["uri"].(string)
	if data == nil || id == 0 {
		t.Fatalf("answer %v carries no tag", env)
	}
	return int64(id), name, uri
}

// The tag section as the reference shows it: POST with the name in the
// query string is a get-or-create (ignoring case), PUT renames with a JSON
// body and answers 409 for a name in use, DELETE answers a bare 200, and
// the list is paged under "tags".
func TestTagQuirks(t *testing.T) {
	s := New(Options{PageSize: 2})
	tok := token(t, s)

	// The seeded tags, the reference's examples first.
	code, env := call(t, s, tok, http.MethodGet, "/tag?page=1", "")
	data, _ := env["data"].(map[string]any)
	list, _ := data["tags"].([]any)
	if code != http.StatusOK || data["totalPages"] != float64(2) || len(list) != 2 || list[0].(map[string]any)["name"] != SeedTags[0] {
		t.Fatalf("GET /tag = %d %v; want page 1 of 2 with %q first", code, env, SeedTags[0])
	}

	// As the example: POST /tag?name=MyNewTag, no body.
	code, env = call(t, s, tok, http.MethodPost, "/tag?name=MyNewTag", "")
	if code != http.StatusOK {
		t.Fatalf("POST /tag?name=MyNewTag = %d %v", code, env)
	}
	id, name, uri := tagData(t, env)
	if id <= firstID || name != "MyNewTag" || !strings.HasSuffix(uri, "/tag/"+strconv.FormatInt(id, 10)) {
		t.Errorf("created tag = %d %q %q", id, name, uri)
	}
	// With a JSON body, as the API's other POSTs; the same name in another
	// case returns the existing tag, with its own name and a 200.
	code, env = call(t, s, tok, http.MethodPost, "/tag", `{"name":"mynewtag"}`)
	if again, gotName, _ := tagData(t, env); code != http.StatusOK || again != id || gotName != "MyNewTag" {
		t.Errorf("POST {name: mynewtag} = %d %d %q; want the existing tag %d \"MyNewTag\"", code, again, gotName, id)
	}
	// The query wins over the body; surrounding white space is trimmed.
	code, env = call(t, s, tok, http.MethodPost, "/tag?name=%20Padded%20", `{"name":"other"}`)
	if _, gotName, _ := tagData(t, env); code != http.StatusOK || gotName != "Padded" {
		t.Errorf("POST ?name=' Padded ' = %d %q; want the trimmed query name", code, gotName)
	}
	for _, c := range []struct{ path, body string }{{"/tag", ""}, {"/tag?name=%20", ""}, {"/tag", `{"name":""}`}, {"/tag?id=5", ""}} {
		if code, env := call(t, s, tok, http.MethodPost, c.path, c.body); code != http.StatusBadRequest {
			t.Errorf("POST %s %s = %d %v, want 400", c.path, c.body, code, env)
		}
	}
	if code, _ := call(t, s, tok, http.MethodPost, "/tag", `{"name":`); code != http.StatusBadRequest {
		t.Errorf("malformed body = %d, want 400", code)
	}
	// Entities are not modelled.
	for _, c := range []struct{ method, path string }{
		{http.MethodPost, "/tag?name=MyNewTag&entityId=1&entityType=11"},
		{http.MethodPost, "/tag/" + strconv.FormatInt(id, 10) + "?entityId=1&entityType=11"},
		{http.MethodDelete, "/tag/" + strconv.FormatInt(id, 10) + "?entityId=1&entityType=11"},
		{http.MethodGet, "/tag?entityId=1&entityType=11"},
		{http.MethodPost, "/tag/" + strconv.FormatInt(id, 10) + "/merge"},
	} {
		if code, _ := call(t, s, tok, c.method, c.path, ""); code != http.StatusNotImplemented {
			t.Errorf("%s %s = %d, want 501 not emulated", c.method, c.path, code)
		}
	}

	// The name filter is a substring match ignoring case.
	_, env = call(t, s, tok, http.MethodGet, "/tag?name=NEWT", "")
	data, _ = env["data"].(map[string]any)
	if list, _ := data["tags"].([]any); len(list) != 1 {
		t.Errorf("GET /tag?name=NEWT = %v, want MyNewTag alone", env)
	}

	item := "/tag/" + strconv.FormatInt(id, 10)
	if code, env := call(t, s, tok, http.MethodPut, item, `{"name":"mall"}`); code != http.StatusConflict || errorText(env) != "new tag name already in use" {
		t.Errorf("PUT to a seeded name in another case = %d %v, want 409", code, env)
	}
	if code, env := call(t, s, tok, http.MethodPut, item, `{}`); code != http.StatusBadRequest {
		t.Errorf("PUT without name = %d %v, want 400", code, env)
	}
	if code, env := call(t, s, tok, http.MethodPut, item+"?name=Query", `{}`); code != http.StatusBadRequest {
		t.Errorf("PUT with the name in the query only = %d %v, want 400 (the body is read)", code, env)
	}
	// A tag may change the case of its own name.
	code, env = call(t, s, tok, http.MethodPut, item, `{"name":"MYNEWTAG"}`)
	if _, gotName, _ := tagData(t, env); code != http.StatusOK || gotName != "MYNEWTAG" {
		t.Errorf("PUT own name in upper case = %d %q", code, gotName)
	}
	if code, _ := call(t, s, tok, http.MethodPut, "/tag", `{"name":"x"}`); code != http.StatusMethodNotAllowed {
		t.Errorf("PUT /tag = %d, want 405", code)
	}

	w := recorder(t, s, tok, http.MethodDelete, item)
	if w.Code != http.StatusOK || w.Body.Len() != 0 {
		t.Errorf("DELETE = %d %q, want a bare 200 as the examples show", w.Code, w.Body.String())
	}
	for _, m := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		if code, env := call(t, s, tok, m, item, `{"name":"x"}`); code != http.StatusNotFound || errorText(env) != "tag "+strconv.FormatInt(id, 10)+" not found" {
			t.Errorf("%s deleted tag = %d %v, want 404 \"tag %d not found\"", m, code, env, id)
		}
	}
	// DELETE on the collection by name, and without id or name.
	if w := recorder(t, s, tok, http.MethodDelete, "/tag?name=PADDED"); w.Code != http.StatusOK {
		t.Errorf("DELETE /tag?name=PADDED = %d", w.Code)
	}
	if code, _ := call(t, s, tok, http.MethodDelete, "/tag?name=Padded", ""); code != http.StatusNotFound {
		t.Errorf("DELETE of a deleted name = %d, want 404", code)
	}
	if code, _ := call(t, s, tok, http.MethodDelete, "/tag", ""); code != http.StatusBadRequest {
		t.Errorf("DELETE /tag without id or name = %d, want 400", code)
	}

	// The test hook makes what the API does not: two names differing only
	// in case.
	dup := s.InsertTag("MALL")
	_, env = call(t, s, tok, http.MethodGet, "/tag?name=mall", "")
	data, _ = env["data"].(map[string]any)
	if list, _ := data["tags"].([]any); len(list) != 2 || dup <= id {
		t.Errorf("after InsertTag(MALL): GET /tag?name=mall = %v, want Mall and MALL", env)
	}
}

// recorder sends one authenticated request and returns the raw answer.
func recorder(t *testing.T, s *Server, tok, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, path, nil)
	r.Header.Set("Authorization", "Bearer "+tok)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}
