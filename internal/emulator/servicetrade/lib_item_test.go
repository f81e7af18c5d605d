package servicetrade

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// POST /libitem answers with the lowercase type and a typeId, GETs with the
// capitalised type; PUT is a partial update, active=false hides the item
// from the default list; DELETE is 405; codes are unique.
func TestLibItemWriteVerbs(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	supp := refID(t, s, tok, "/serviceline", "servicelines", "Fire Suppression")
	status, env := call(t, s, tok, http.MethodPost, "/libitem",
		fmt.Sprintf(`{"name":"Widget, Left-handed","type":"general_conditions","serviceLineId":%d,"code":"WDGT-L","cost":5.99}`, supp))
	if status != 200 {
		t.Fatalf("POST /libitem = %d %v", status, env)
	}
	d := env["data"].(map[string]any)
	if d["type"] != "general_conditions" || d["typeId"] != float64(7) || d["code"] != "WDGT-L" || d["cost"] != 5.99 || d["active"] != true || d["taxable"] != true || d["company"] != nil {
		t.Errorf("POST echo = %v; want lowercase type, typeId 7, active and taxable by default", d)
	}
	id := int64(d["id"].(float64))
	path := fmt.Sprintf("/libitem/%d", id)
	_, env = call(t, s, tok, http.MethodGet, path, "")
	got := env["data"].(map[string]any)
	if got["type"] != "General Conditions" || got["typeId"] != nil {
		t.Errorf("GET type = %v, typeId = %v; want the capitalised type and no typeId", got["type"], got["typeId"])
	}

	// Partial update: only what is sent changes; null clears.
	status, env = call(t, s, tok, http.MethodPut, path, `{"name":"Widget","cost":null,"serviceLineId":null,"taxable":false}`)
	d, _ = env["data"].(map[string]any)
	if status != 200 || d["name"] != "Widget" || d["cost"] != nil || d["serviceLine"] != nil || d["taxable"] != false || d["code"] != "WDGT-L" || d["type"] != "General Conditions" {
		t.Errorf("PUT = %d %v", status, d)
	}

	// A duplicate code, on POST (ignoring case) and on PUT.
	status, env = call(t, s, tok, http.MethodPost, "/libitem", `{"name":"Other widget","type":"part","code":"wdgt-l"}`)
	if status != 400 || !strings.Contains(fmt.Sprint(env["messages"]), `lib item code "WDGT-L" is already in use`) {
		t.Errorf("POST with a taken code = %d %v", status, env)
	}
	status, env = call(t, s, tok, http.MethodPut, fmt.Sprintf("/libitem/%d", refID(t, s, tok, "/libitem?code=BCAP-M", "libItems", "Blow-off Cap, Metal")), `{"code":"WDGT-L"}`)
	if status != 400 || !strings.Contains(fmt.Sprint(env["messages"]), "already in use") {
		t.Errorf("PUT with a taken code = %d %v", status, env)
	}
	// Its own code again is fine; null clears it.
	if status, env = call(t, s, tok, http.MethodPut, path, `{"code":"WDGT-L"}`); status != 200 {
		t.Errorf("PUT with its own code = %d %v", status, env)
	}

	// Deactivation hides it from the default list, not from GET by id.
	if status, env = call(t, s, tok, http.MethodPut, path, `{"active":false}`); status != 200 {
		t.Fatalf("PUT active=false = %d %v", status, env)
	}
	for q, want := range map[string]int{"/libitem?code=WDGT-L": 0, "/libitem?code=WDGT-L&active=false": 1} {
		_, env = call(t, s, tok, http.MethodGet, q, "")
		if n := len(env["data"].(map[string]any)["libItems"].([]any)); n != want {
			t.Errorf("GET %s: %d items, want %d", q, n, want)
		}
	}
	if status, _ = call(t, s, tok, http.MethodGet, path, ""); status != 200 {
		t.Errorf("GET inactive item = %d, want 200", status)
	}

	// The verbs the reference refuses.
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{http.MethodDelete, path, 405}, {http.MethodDelete, "/libitem", 405}, {http.MethodPut, "/libitem", 405},
		{http.MethodPut, "/libitem/9999999", 404}, {http.MethodGet, "/libitem/9999999", 404},
	} {
		if status, _ := call(t, s, tok, tc.method, tc.path, `{"name":"x"}`); status != tc.want {
			t.Errorf("%s %s = %d, want %d", tc.method, tc.path, status, tc.want)
		}
	}
	if status, _ = call(t, s, tok, http.MethodGet, path, ""); status != 200 {
		t.Errorf("the item is gone after DELETE (%d); the API cannot delete lib items", status)
	}
}

func TestLibItemValidation(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	labor := refID(t, s, tok, "/libitem?code=LAB-INSP", "libItems", "Inspection Labor")
	part := refID(t, s, tok, "/libitem?code=CCW-ZF", "libItems", "CCW Zirconium Flange")
	for _, tc := range []struct {
		what, method, path, body, field string
	}{
		{"no name", http.MethodPost, "/libitem", `{"type":"part"}`, "name"},
		{"no type", http.MethodPost, "/libitem", `{"name":"x"}`, "type"},
		{"capitalised type", http.MethodPost, "/libitem", `{"name":"x","type":"Part"}`, "type"},
		{"long code", http.MethodPost, "/libitem", `{"name":"x","type":"part","code":"` + strings.Repeat("c", 101) + `"}`, "code"},
		{"unknown service line", http.MethodPost, "/libitem", `{"name":"x","type":"part","serviceLineId":5}`, "serviceLineId"},
		{"unknown company", http.MethodPost, "/libitem", `{"name":"x","type":"part","companyId":5}`, "companyId"},
		{"cost as text", http.MethodPost, "/libitem", `{"name":"x","type":"part","cost":"5"}`, "cost"},
		{"active null", http.MethodPost, "/libitem", `{"name":"x","type":"part","active":null}`, "active"},
		{"blank name on PUT", http.MethodPut, fmt.Sprintf("/libitem/%d", part), `{"name":" "}`, "name"},
		{"techId on a part", http.MethodPut, fmt.Sprintf("/libitem/%d", part), `{"techId":1,"cost":3}`, "techId"},
		{"unknown tech", http.MethodPut, fmt.Sprintf("/libitem/%d", labor), `{"techId":1,"cost":3}`, "techId"},
	} {
		status, env := call(t, s, tok, tc.method, tc.path, tc.body)
		msgs, _ := env["messages"].(map[string]any)
		v, _ := msgs["validation"].(map[string]any)
		if status != 400 || v[tc.field] == nil {
			t.Errorf("%s: %d %v; want a 400 on %s", tc.what, status, env, tc.field)
		}
	}
	// A 101-character code was refused; 100 is the maximum.
	if status, env := call(t, s, tok, http.MethodPost, "/libitem", `{"name":"x","type":"part","code":"`+strings.Repeat("c", 100)+`"}`); status != 200 {
		t.Errorf("100-character code: %d %v", status, env)
	}
	// techId sets a labor item's cost for one technician, not its
	// standard cost.
	var tech int64
	_, env := call(t, s, tok, http.MethodGet, "/user", "")
	for _, u := range env["data"].(map[string]any)["users"].([]any) {
		if m := u.(map[string]any); m["username"] == Username {
			tech = int64(m["id"].(float64))
		}
	}
	status, env := call(t, s, tok, http.MethodPut, fmt.Sprintf("/libitem/%d", labor), fmt.Sprintf(`{"techId":%d,"cost":99}`, tech))
	if d, _ := env["data"].(map[string]any); status != 200 || d["cost"] != float64(45) {
		t.Errorf("PUT with techId = %d %v; want the standard cost (45) unchanged", status, env)
	}
}
