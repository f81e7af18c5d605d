package servicetrade

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// qtData returns the envelope's data object.
func qtData(env map[string]any) map[string]any {
	d, _ := env["data"].(map[string]any)
	return d
}

func qtID(t *testing.T, env map[string]any) string {
	t.Helper()
	id, ok := qtData(env)["id"].(float64)
	if !ok {
		t.Fatalf("no id in %v", env)
	}
	return strconv.FormatInt(int64(id), 10)
}

// refID finds a seeded object's id by exact name through the API.
func refID(t *testing.T, s *Server, tok, path, listKey, name string) int64 {
	t.Helper()
	_, env := call(t, s, tok, http.MethodGet, path, "")
	list, _ := qtData(env)[listKey].([]any)
	for _, e := range list {
		if m := e.(map[string]any); m["name"] == name {
			return int64(m["id"].(float64))
		}
	}
	t.Fatalf("no %s named %q in %s", listKey, name, path)
	return 0
}

func TestQuoteTemplateQuirks(t *testing.T) {
	s := New(Options{PageSize: 50})
	tok := token(t, s)
	termsID := refID(t, s, tok, "/terms", "terms", SeedTerms[0])
	companyID := refID(t, s, tok, "/company?name="+url.QueryEscape(SeedCustomerCompanies[0]), "companies", SeedCustomerCompanies[0])

	status, env := call(t, s, tok, http.MethodPost, "/quotetemplate", `{"description":"no name"}`)
	if status != 400 || errorText(env) != "quotetemplate not created: malformed data" {
		t.Errorf("POST without name = %d, %v; want 400 malformed data", status, env)
	}
	status, env = call(t, s, tok, http.MethodPost, "/quotetemplate", `{"name":"x","termsId":12345}`)
	if v, _ := env["messages"].(map[string]any)["validation"].(map[string]any); status != 400 || v["termsId"] == nil {
		t.Errorf("POST with unknown termsId = %d, %v; want 400 with a termsId message", status, env)
	}
	status, env = call(t, s, tok, http.MethodPost, "/quotetemplate", `{"name":"Quarterly Inspection","description":"Inspect all the quarters"}`)
	d := qtData(env)
	if status != 200 || d["company"] != nil || d["terms"] != nil || len(d["items"].([]any)) != 0 || d["description"] != "Inspect all the quarters" || d["created"] == nil {
		t.Fatalf("POST /quotetemplate = %d, %v", status, env)
	}
	id := qtID(t, env)
	path := "/quotetemplate/" + id

	status, env = call(t, s, tok, http.MethodPut, path, fmt.Sprintf(`{"termsId":%d,"companyId":%d}`, termsID, companyID))
	d = qtData(env)
	terms, _ := d["terms"].(map[string]any)
	company, _ := d["company"].(map[string]any)
	if status != 200 || terms["name"] != SeedTerms[0] || company["name"] != SeedCustomerCompanies[0] || d["name"] != "Quarterly Inspection" || d["description"] != "Inspect all the quarters" {
		t.Fatalf("partial PUT = %d, %v", status, env)
	}
	// Listing: key quoteTemplates, name substring (any case), companyIds.
	for q, want := range map[string]int{"name=quarterly": 1, "name=annual": 0, fmt.Sprintf("companyIds=%d", companyID): 1, "companyIds=1,2": 0} {
		_, env = call(t, s, tok, http.MethodGet, "/quotetemplate?"+q, "")
		if list, ok := qtData(env)["quoteTemplates"].([]any); !ok || len(list) != want {
			t.Errorf("GET /quotetemplate?%s = %v, want %d templates", q, env, want)
		}
	}
	// Terms in use by a template cannot be deleted.
	termsPath := "/terms/" + strconv.FormatInt(termsID, 10)
	if status, env = call(t, s, tok, http.MethodDelete, termsPath, ""); status != 409 {
		t.Errorf("DELETE terms used by a template = %d, %v; want 409", status, env)
	}
	status, env = call(t, s, tok, http.MethodPut, path, `{"termsId":null,"companyId":null}`)
	if d = qtData(env); status != 200 || d["terms"] != nil || d["company"] != nil {
		t.Fatalf("PUT nulls = %d, %v; want terms and company cleared", status, env)
	}

	for _, tc := range []struct{ method, path string }{{"DELETE", "/quotetemplate"}, {"PUT", "/quotetemplate"}} {
		if status, _ = call(t, s, tok, tc.method, tc.path, `{}`); status != 405 {
			t.Errorf("%s %s = %d, want 405", tc.method, tc.path, status)
		}
	}
	if status, env = call(t, s, tok, http.MethodGet, "/quotetemplate/99", ""); status != 404 || errorText(env) != "quotetemplate 99 not found" {
		t.Errorf("GET unknown = %d, %v", status, env)
	}
	if status, _ = call(t, s, tok, http.MethodDelete, "/quotetemplate/99", ""); status != 404 {
		t.Errorf("DELETE unknown = %d, want 404", status)
	}
	if status, _ = call(t, s, tok, http.MethodDelete, path, ""); status != 204 {
		t.Errorf("DELETE empty template = %d, want 204", status)
	}
	if status, _ = call(t, s, tok, http.MethodDelete, termsPath, ""); status != 204 {
		t.Errorf("DELETE terms no longer used = %d, want 204", status)
	}
}

func TestQuoteTemplateItemQuirks(t *testing.T) {
	s := New(Options{PageSize: 50})
	tok := token(t, s)
	_, env := call(t, s, tok, http.MethodPost, "/quotetemplate", `{"name":"Annual Flush"}`)
	tid := qtID(t, env)
	items := "/quotetemplate/" + tid + "/item"
	personal := refID(t, s, tok, "/libitem?name=personal", "libItems", "Personal Item")
	alarm := refID(t, s, tok, "/serviceline", "servicelines", "Fire Alarm")

	// Only a description: the server resolves the lib item and its
	// service line, and names the parent "quote".
	status, env := call(t, s, tok, http.MethodPost, items, `{"description":"CCW Zirconium Flange","quantity":3}`)
	d := qtData(env)
	lib, _ := d["libItem"].(map[string]any)
	sl, _ := d["serviceLine"].(map[string]any)
	quote, _ := d["quote"].(map[string]any)
	if status != 200 || lib["name"] != "CCW Zirconium Flange" || lib["type"] != "Part" || sl["abbr"] != "SUPP" ||
		quote["id"] == nil || fmt.Sprint(int64(quote["id"].(float64))) != tid || d["quantity"] != 3.0 || d["orderIndex"] != nil {
		t.Fatalf("POST description only = %d, %v", status, env)
	}
	if _, has := d["quoteTemplate"]; has {
		t.Errorf("item has a quoteTemplate key; the API's examples only have quote")
	}
	flange := qtID(t, env)

	// A lib item without a service line needs serviceLineId.
	status, env = call(t, s, tok, http.MethodPost, items, fmt.Sprintf(`{"libItemId":%d,"quantity":1}`, personal))
	if v, _ := env["messages"].(map[string]any)["validation"].(map[string]any); status != 400 || errorText(env) != "parameters invalid" || v["serviceLineId"] == nil {
		t.Errorf("POST lib item without service line = %d, %v; want 400 with a serviceLineId message", status, env)
	}
	status, env = call(t, s, tok, http.MethodPost, "/quotetemplateitem",
		fmt.Sprintf(`{"quoteTemplateId":%s,"libItemId":%d,"serviceLineId":%d,"quantity":1.5,"orderIndex":1}`, tid, personal, alarm))
	d = qtData(env)
	if sl, _ = d["serviceLine"].(map[string]any); status != 200 || d["description"] != "Personal Item" || sl["name"] != "Fire Alarm" || d["orderIndex"] != 1.0 {
		t.Fatalf("POST /quotetemplateitem = %d, %v", status, env)
	}
	second := qtID(t, env)
	for _, body := range []string{
		`{"description":"Towel"}`,                            // no quantity
		`{"description":"Towel","quantity":0}`,               // not positive
		`{"quantity":1}`,                                     // neither description nor lib item
		`{"description":"Unmatched charge","quantity":1}`,    // no lib item resolved, no service line
		`{"description":"Towel","quantity":1,"libItemId":5}`, // unknown lib item
	} {
		if status, env = call(t, s, tok, http.MethodPost, items, body); status != 400 {
			t.Errorf("POST %s = %d, %v; want 400", body, status, env)
		}
	}
	if status, env = call(t, s, tok, http.MethodPost, "/quotetemplate/99/item", `{"description":"x","quantity":1}`); status != 404 || errorText(env) != "quote 99 not found" {
		t.Errorf("POST to unknown template = %d, %v", status, env)
	}

	// Listed by orderIndex, nulls last, on both paths.
	for _, p := range []string{items, "/quotetemplateitem?quoteTemplateId=" + tid, "/quotetemplate/" + tid} {
		_, env = call(t, s, tok, http.MethodGet, p, "")
		list, _ := qtData(env)["items"].([]any)
		if len(list) != 2 || fmt.Sprint(int64(list[0].(map[string]any)["id"].(float64))) != second {
			t.Errorf("GET %s items = %v; want the ordered item first", p, list)
		}
	}
	if status, env = call(t, s, tok, http.MethodGet, "/quotetemplateitem", ""); status != 404 || errorText(env) != "quoteTemplateId must be specified when searching for quote items" {
		t.Errorf("GET /quotetemplateitem = %d, %v", status, env)
	}
	if status, env = call(t, s, tok, http.MethodGet, "/quotetemplate/99/item/"+flange, ""); status != 404 || errorText(env) != "quote 99 not found" {
		t.Errorf("GET item under unknown template = %d, %v", status, env)
	}

	// Partial PUT on the flat path; clearing orderIndex.
	status, env = call(t, s, tok, http.MethodPut, "/quotetemplateitem/"+second, `{"quantity":4,"orderIndex":null}`)
	if d = qtData(env); status != 200 || d["quantity"] != 4.0 || d["orderIndex"] != nil || d["description"] != "Personal Item" {
		t.Errorf("PUT flat = %d, %v", status, env)
	}

	// The template cannot go while it has items.
	if status, env = call(t, s, tok, http.MethodDelete, "/quotetemplate/"+tid, ""); status != 409 || errorText(env) != "quotetemplate still has child items" {
		t.Errorf("DELETE template with items = %d, %v; want 409", status, env)
	}
	// DELETE is documented on the nested path only.
	if status, _ = call(t, s, tok, http.MethodDelete, "/quotetemplateitem/"+flange, ""); status != 405 {
		t.Errorf("DELETE /quotetemplateitem/{id} = %d, want 405", status)
	}
	for _, id := range []string{flange, second} {
		if status, _ = call(t, s, tok, http.MethodDelete, items+"/"+id, ""); status != 204 {
			t.Errorf("DELETE nested item = %d, want 204", status)
		}
	}
	if status, env = call(t, s, tok, http.MethodGet, "/quotetemplateitem/"+flange, ""); status != 404 || errorText(env) != "quote item "+flange+" not found" {
		t.Errorf("GET deleted item = %d, %v", status, env)
	}
	if status, _ = call(t, s, tok, http.MethodDelete, "/quotetemplate/"+tid, ""); status != 204 {
		t.Errorf("DELETE emptied template = %d, want 204", status)
	}
}
