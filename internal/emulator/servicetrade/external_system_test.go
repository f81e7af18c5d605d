package servicetrade

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestExternalSystemQuirks(t *testing.T) {
	s := New(Options{PageSize: 1})
	// The list is a bare array, never paginated, seeded with two systems.
	code, env := hookSysRequest(t, s, http.MethodGet, "/externalsystem", "")
	var list []map[string]any
	if code != http.StatusOK || json.Unmarshal(env["data"], &list) != nil || len(list) != 2 {
		t.Fatalf("GET /externalsystem = %d %s, want a bare array of the 2 seeded systems", code, env["data"])
	}
	if _, hasURI := list[0]["uri"]; hasURI || list[0]["name"] != "peachtree" || list[1]["name"] != "timberline" {
		t.Errorf("seeded list %v: want peachtree and timberline, without uri", list)
	}

	code, env = hookSysRequest(t, s, http.MethodPost, "/externalsystem", `{"name":"qb","type":"quickbooks","label":"QuickBooks"}`)
	if code != http.StatusOK || !strings.Contains(string(env["data"]), `"syncableTypes":["invoice","job"]`) {
		t.Fatalf("POST quickbooks = %d %s, want computed syncableTypes", code, env["data"])
	}
	var qb struct{ ID int64 }
	_ = json.Unmarshal(env["data"], &qb)
	item := "/externalsystem/" + hookSysID(qb.ID)

	bad := []struct{ method, path, body, field string }{
		{http.MethodPost, "/externalsystem", `{"label":"x"}`, "name"},
		{http.MethodPost, "/externalsystem", `{"name":"x"}`, "label"},
		{http.MethodPost, "/externalsystem", `{"name":"x","label":"x","type":"sap"}`, "type"},
		{http.MethodPost, "/externalsystem", `{"name":"peachtree","label":"again"}`, "name"},
		{http.MethodPost, "/externalsystem", `{"name":"x","label":"x","syncableTypes":["bill"]}`, "syncableTypes"},
		{http.MethodPost, "/externalsystem", `{"name":"x","label":"x","type":"intacct","syncableTypes":[]}`, "syncableTypes"},
		{http.MethodPut, item, `{"type":"standard"}`, "type"},
		{http.MethodPut, item, `{"name":"renamed"}`, "name"},
		{http.MethodPut, item, `{"syncableTypes":["invoice"]}`, "syncableTypes"},
		{http.MethodPut, item, `{"label":""}`, "label"},
	}
	for _, b := range bad {
		code, env := hookSysRequest(t, s, b.method, b.path, b.body)
		var msgs struct{ Validation map[string][]string }
		_ = json.Unmarshal(env["messages"], &msgs)
		if code != http.StatusBadRequest || len(msgs.Validation[b.field]) == 0 {
			t.Errorf("%s %s %s = %d %s, want 400 with a %s validation message", b.method, b.path, b.body, code, env["messages"], b.field)
		}
	}
	// Resending the current name and type is accepted.
	if code, env := hookSysRequest(t, s, http.MethodPut, item, `{"name":"qb","type":"quickbooks","label":"QB Online"}`); code != http.StatusOK || !strings.Contains(string(env["data"]), `"label":"QB Online"`) {
		t.Errorf("PUT with unchanged name and type = %d %s", code, env)
	}
	for _, path := range []string{item, "/externalsystem/999"} {
		code, env := hookSysRequest(t, s, http.MethodDelete, path, "")
		if code != http.StatusMethodNotAllowed || !strings.Contains(string(env["messages"]), "DELETE action not yet implemented") {
			t.Errorf("DELETE %s = %d %s, want 405 DELETE action not yet implemented", path, code, env["messages"])
		}
	}
	if !s.RemoveExternalSystem(qb.ID) || s.RemoveExternalSystem(qb.ID) {
		t.Error("RemoveExternalSystem should report true, then false")
	}
	if code, _ := hookSysRequest(t, s, http.MethodGet, item, ""); code != http.StatusNotFound {
		t.Errorf("GET removed system = %d, want 404", code)
	}
}
