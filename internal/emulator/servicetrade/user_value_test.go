package servicetrade

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// userValueData is the "data" object of a user value answer.
func userValueData(t *testing.T, env map[string]any) map[string]any {
	t.Helper()
	data, _ := env["data"].(map[string]any)
	if data == nil || data["id"] == nil {
		t.Fatalf("answer %v carries no user value", env)
	}
	return data
}

// userValueList is the "uservalues" list of a list answer, by name.
func userValueList(t *testing.T, env map[string]any) map[string]map[string]any {
	t.Helper()
	data, _ := env["data"].(map[string]any)
	list, ok := data["uservalues"].([]any)
	if !ok {
		t.Fatalf("answer %v carries no uservalues list", env)
	}
	out := map[string]map[string]any{}
	for _, x := range list {
		v := x.(map[string]any)
		out[v["name"].(string)] = v
	}
	return out
}

// The user value section as the reference shows it: nested under a user
// and at /uservalue (which needs userId), a fixed set of names of which
// some are read-only, values returned as strings, and POST on an existing
// name silently updating it.
func TestUserValueQuirks(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	s.mu.Lock()
	me := s.userByUsername(Username)
	tech := s.userByUsername("ttech")
	var labor, warehouseID int64
	for _, id := range sortedKeys(s.libItems) {
		if s.libItems[id].Type == "labor" {
			labor = id
			break
		}
	}
	for id := range s.warehouses {
		warehouseID = id
		break
	}
	s.mu.Unlock()
	base := fmt.Sprintf("/user/%d/value", tech.ID)

	// The seeded values of the emulator's user, the read-only ones
	// included, in both list forms.
	for _, path := range []string{fmt.Sprintf("/user/%d/value", me.ID), fmt.Sprintf("/uservalue?userId=%d", me.ID)} {
		code, env := call(t, s, tok, http.MethodGet, path, "")
		seeded := userValueList(t, env)
		if code != http.StatusOK || seeded["lastLogin"]["value"] != SeedLastLogin || seeded["dismissedWelcome"]["value"] != "1" || seeded["disableClock"]["value"] != "0" {
			t.Fatalf("GET %s = %d %v; want the seeded values", path, code, env)
		}
	}
	// /uservalue without userId is a 404; an unknown user too.
	if code, env := call(t, s, tok, http.MethodGet, "/uservalue", ""); code != http.StatusNotFound || !strings.Contains(errorText(env), "userId must be specified") {
		t.Errorf("GET /uservalue = %d %v; want 404 userId must be specified", code, env)
	}
	for _, path := range []string{"/user/999/value", "/uservalue?userId=999"} {
		if code, env := call(t, s, tok, http.MethodGet, path, ""); code != http.StatusNotFound {
			t.Errorf("GET %s = %d %v; want 404", path, code, env)
		}
	}

	// As the example: POST {"name":"disableClock","value":1}; the number
	// comes back as the string "1".
	code, env := call(t, s, tok, http.MethodPost, base, `{"name":"disableClock","value":1}`)
	v := userValueData(t, env)
	id := int64(v["id"].(float64))
	if code != http.StatusOK || v["value"] != "1" || v["name"] != "disableClock" || v["user"].(map[string]any)["id"] != float64(tech.ID) ||
		!strings.HasSuffix(v["uri"].(string), fmt.Sprintf("/uservalue/%d", id)) {
		t.Fatalf("POST = %d %v", code, env)
	}
	item := fmt.Sprintf("%s/%d", base, id)

	// POST on a name the user has silently updates it: same id, 200.
	code, env = call(t, s, tok, http.MethodPost, base, `{"userId":`+fmt.Sprint(tech.ID)+`,"name":"disableClock","value":"0"}`)
	if v = userValueData(t, env); code != http.StatusOK || int64(v["id"].(float64)) != id || v["value"] != "0" {
		t.Errorf("second POST = %d %v; want the same value, changed", code, env)
	}
	code, env = call(t, s, tok, http.MethodGet, base, "")
	if list := userValueList(t, env); code != http.StatusOK || len(list) != 1 {
		t.Errorf("GET %s = %d %v; want one value", base, code, env)
	}

	// PUT changes the value; the number again comes back as a string.
	code, env = call(t, s, tok, http.MethodPut, item, `{"value":1}`)
	if v = userValueData(t, env); code != http.StatusOK || v["value"] != "1" {
		t.Errorf("PUT = %d %v", code, env)
	}
	// The same value at /uservalue/{id}.
	code, env = call(t, s, tok, http.MethodGet, fmt.Sprintf("/uservalue/%d", id), "")
	if v = userValueData(t, env); code != http.StatusOK || v["value"] != "1" {
		t.Errorf("GET /uservalue/%d = %d %v", id, code, env)
	}

	// Names and formats.
	for _, tc := range []struct{ body, field string }{
		{`{"name":"lastLogin","value":"2024-01-01"}`, "name"},     // read-only
		{`{"name":"newQuotesUi","value":"1"}`, "name"},            // read-only
		{`{"name":"favouriteColour","value":"red"}`, "name"},      // unknown
		{`{"name":"search--index","value":"{}"}`, "name"},         // * is not empty
		{`{"name":"search-job list-index","value":"{}"}`, "name"}, // no spaces
		{`{"name":"disableClock","value":"2"}`, "value"},
		{`{"name":"disableClock","value":true}`, "value"},
		{`{"name":"disableClock"}`, "value"},
		{`{"name":"disableClock","value":""}`, "value"},
		{`{"name":"search-job-index","value":"[1]"}`, "value"},
		{`{"name":"defaultWarehouse","value":"1"}`, "value"},
		{`{"name":"defaultOnSiteItem","value":"1"}`, "value"},
		{`{"value":"1"}`, "name"},
		{`{"userId":1,"name":"disableClock","value":"1"}`, "userId"},
	} {
		code, env := call(t, s, tok, http.MethodPost, base, tc.body)
		msgs, _ := env["messages"].(map[string]any)
		validation, _ := msgs["validation"].(map[string]any)
		if code != http.StatusBadRequest || validation[tc.field] == nil {
			t.Errorf("POST %s = %d %v; want 400 on %s", tc.body, code, env, tc.field)
		}
	}
	for _, body := range []string{
		`{"name":"search-job-index","value":"{\"status\":\"open\"}"}`,
		`{"name":"search-service_request-index","value":"{}"}`,
		fmt.Sprintf(`{"name":"defaultWarehouse","value":"%d"}`, warehouseID),
		fmt.Sprintf(`{"name":"defaultEnRouteItem","value":%d}`, labor),
	} {
		if code, env := call(t, s, tok, http.MethodPost, base, body); code != http.StatusOK {
			t.Errorf("POST %s = %d %v; want 200", body, code, env)
		}
	}
	// POST /uservalue needs userId in the body.
	if code, env := call(t, s, tok, http.MethodPost, "/uservalue", `{"name":"search-quote-index","value":"{}"}`); code != http.StatusBadRequest {
		t.Errorf("POST /uservalue without userId = %d %v; want 400", code, env)
	}
	if code, env := call(t, s, tok, http.MethodPost, "/uservalue", fmt.Sprintf(`{"userId":%d,"name":"search-quote-index","value":"{}"}`, tech.ID)); code != http.StatusOK {
		t.Errorf("POST /uservalue = %d %v; want 200", code, env)
	}

	// Read-only values cannot be edited (400) or deleted (403).
	code, env = call(t, s, tok, http.MethodGet, fmt.Sprintf("/user/%d/value", me.ID), "")
	if code != http.StatusOK {
		t.Fatalf("GET the values of user %d = %d %v; want 200", me.ID, code, env)
	}
	lastLogin := int64(userValueList(t, env)["lastLogin"]["id"].(float64))
	meItem := fmt.Sprintf("/user/%d/value/%d", me.ID, lastLogin)
	if code, env := call(t, s, tok, http.MethodPut, meItem, `{"value":"x"}`); code != http.StatusBadRequest {
		t.Errorf("PUT lastLogin = %d %v; want 400", code, env)
	}
	if code, env := call(t, s, tok, http.MethodDelete, meItem, ""); code != http.StatusForbidden {
		t.Errorf("DELETE lastLogin = %d %v; want 403", code, env)
	}
	// PUT neither renames nor moves a value.
	if code, env := call(t, s, tok, http.MethodPut, item, `{"name":"search-job-index","value":"1"}`); code != http.StatusBadRequest {
		t.Errorf("PUT renaming = %d %v; want 400", code, env)
	}
	// Another user's value is not found under this user.
	if code, env := call(t, s, tok, http.MethodGet, fmt.Sprintf("/user/%d/value/%d", tech.ID, lastLogin), ""); code != http.StatusNotFound {
		t.Errorf("GET another user's value = %d %v; want 404", code, env)
	}

	// DELETE only on /user/{uid}/value/{id}: 204, then 404.
	if code, env := call(t, s, tok, http.MethodDelete, fmt.Sprintf("/uservalue/%d", id), ""); code != http.StatusMethodNotAllowed {
		t.Errorf("DELETE /uservalue/%d = %d %v; want 405", id, code, env)
	}
	if code, _ := call(t, s, tok, http.MethodDelete, item, ""); code != http.StatusNoContent {
		t.Errorf("DELETE = %d; want 204", code)
	}
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		if code, env := call(t, s, tok, method, item, `{"value":"1"}`); code != http.StatusNotFound {
			t.Errorf("%s after delete = %d %v; want 404", method, code, env)
		}
	}
	if code, env := call(t, s, tok, http.MethodPost, "/user/999/value", `{"name":"disableClock","value":"1"}`); code != http.StatusNotFound {
		t.Errorf("POST for an unknown user = %d %v; want 404", code, env)
	}
}
