package servicetrade

import (
	"net/http"
	"slices"
	"strconv"
	"testing"
)

func TestActivities(t *testing.T) {
	s := New(Options{PageSize: 7})
	tok := token(t, s)
	var ids []string
	for page := 1; ; page++ {
		code, env := call(t, s, tok, http.MethodGet, "/activity?page="+strconv.Itoa(page), "")
		data, _ := env["data"].(map[string]any)
		list, _ := data["activities"].([]any)
		if code != http.StatusOK || list == nil {
			t.Fatalf("GET /activity page %d = %d %v", page, code, env)
		}
		if len(list) == 0 {
			break
		}
		for _, item := range list {
			a, _ := item.(map[string]any)
			id, _ := a["id"].(string)
			if a["name"] == "" || a["description"] == "" {
				t.Errorf("activity %v has no name or description", a)
			}
			ids = append(ids, id)
		}
	}
	// Every documented activity, and every activity a seeded role grants.
	for _, want := range append(SeedActivities(), accountManagerActivities...) {
		if !slices.Contains(ids, want) {
			t.Errorf("activity %q not listed", want)
		}
	}
	if !slices.IsSorted(ids) {
		t.Errorf("activities not in id order: %v", ids)
	}
	code, env := call(t, s, tok, http.MethodGet, "/activity/job.manage", "")
	data, _ := env["data"].(map[string]any)
	if code != http.StatusOK || data["name"] != "Manage Jobs" {
		t.Errorf("GET /activity/job.manage = %d %v", code, env)
	}
	if code, env := call(t, s, tok, http.MethodGet, "/activity/doesnt.exist", ""); code != http.StatusNotFound || errorText(env) != `activity "doesnt.exist" not found` {
		t.Errorf("GET /activity/doesnt.exist = %d %v", code, env)
	}
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		for _, path := range []string{"/activity", "/activity/job.manage"} {
			if code, _ := call(t, s, tok, method, path, "{}"); code != http.StatusMethodNotAllowed {
				t.Errorf("%s %s = %d, want 405", method, path, code)
			}
		}
	}
}
