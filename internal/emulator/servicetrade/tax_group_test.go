package servicetrade

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// taxGroupOut is a tax group as the emulator renders it.
type taxGroupOut struct {
	ID           int64
	Code, State  string
	Name         string
	CombinedRate float64
	PostalCodes  []string
	Updated      int64
}

func taxGroupCall(t *testing.T, s *Server, method, path, body string) (int, taxGroupOut, map[string][]string) {
	t.Helper()
	code, env := hookSysRequest(t, s, method, path, body)
	var out taxGroupOut
	if raw, ok := env["data"]; ok {
		_ = json.Unmarshal(raw, &out)
	}
	var msgs struct{ Validation map[string][]string }
	if raw, ok := env["messages"]; ok {
		_ = json.Unmarshal(raw, &msgs)
	}
	return code, out, msgs.Validation
}

func TestTaxGroupQuirks(t *testing.T) {
	s := New(Options{})
	code, tg, v := taxGroupCall(t, s, http.MethodPost, "/taxgroup",
		`{"code":"BOS","name":"Boston","state":"MA","combinedRate":0.08500000049,"postalCodes":["02110","02108","02110"]}`)
	if code != http.StatusOK {
		t.Fatalf("POST /taxgroup = %d %v", code, v)
	}
	// The rate is kept to six decimal places; postal codes as sent.
	if tg.CombinedRate != 0.085 || strings.Join(tg.PostalCodes, ",") != "02110,02108,02110" {
		t.Errorf("created = %+v; want the rate rounded to 0.085 and the postal codes as sent", tg)
	}
	item := "/taxgroup/" + hookSysID(tg.ID)

	// Codes are not kept unique.
	if code, _, v := taxGroupCall(t, s, http.MethodPost, "/taxgroup", `{"code":"BOS","name":"Boston again","state":"MA","combinedRate":0.1}`); code != http.StatusOK {
		t.Errorf("second POST with code BOS = %d %v, want 200", code, v)
	}

	// PUT is partial; postalCodes replaces the list, null clears it.
	code, got, v := taxGroupCall(t, s, http.MethodPut, item, `{"name":"Brooklyn NYC","postalCodes":["11203"]}`)
	if code != http.StatusOK || got.Code != "BOS" || got.State != "MA" || got.Name != "Brooklyn NYC" || got.CombinedRate != 0.085 ||
		strings.Join(got.PostalCodes, ",") != "11203" || got.Updated <= tg.Updated {
		t.Errorf("partial PUT = %d %+v %v", code, got, v)
	}
	if code, got, _ := taxGroupCall(t, s, http.MethodPut, item, `{"postalCodes":null}`); code != http.StatusOK || got.PostalCodes == nil || len(got.PostalCodes) != 0 {
		t.Errorf("PUT postalCodes null = %d %+v, want []", code, got)
	}

	bad := []struct{ method, path, body, field string }{
		{http.MethodPost, "/taxgroup", `{"name":"n","state":"NC","combinedRate":0.05}`, "code"},
		{http.MethodPost, "/taxgroup", `{"code":"c","state":"NC","combinedRate":0.05}`, "name"},
		{http.MethodPost, "/taxgroup", `{"code":"c","name":"n","combinedRate":0.05}`, "state"},
		{http.MethodPost, "/taxgroup", `{"code":"c","name":"n","state":"NC"}`, "combinedRate"},
		{http.MethodPost, "/taxgroup", `{"code":"c","name":"n","state":"NC","combinedRate":"0.05"}`, "combinedRate"},
		{http.MethodPost, "/taxgroup", `{"code":"` + strings.Repeat("é", 41) + `","name":"n","state":"NC","combinedRate":0.05}`, "code"},
		{http.MethodPost, "/taxgroup", `{"code":"c","name":"` + strings.Repeat("n", 101) + `","state":"NC","combinedRate":0.05}`, "name"},
		{http.MethodPost, "/taxgroup", `{"code":"c","name":"n","state":"NC","combinedRate":0.05,"postalCodes":"27513"}`, "postalCodes"},
		{http.MethodPut, item, `{"code":""}`, "code"},
		{http.MethodPut, item, `{"combinedRate":null}`, "combinedRate"},
	}
	for _, b := range bad {
		if code, _, v := taxGroupCall(t, s, b.method, b.path, b.body); code != http.StatusBadRequest || len(v[b.field]) == 0 {
			t.Errorf("%s %s %s = %d %v, want 400 with a %s validation message", b.method, b.path, b.body, code, v, b.field)
		}
	}
	// Forty characters (not bytes) are accepted.
	if code, _, v := taxGroupCall(t, s, http.MethodPut, item, `{"code":"`+strings.Repeat("é", 40)+`"}`); code != http.StatusOK {
		t.Errorf("PUT a 40-character code = %d %v", code, v)
	}

	for _, m := range []string{http.MethodPut, http.MethodDelete} {
		if code, _, _ := taxGroupCall(t, s, m, "/taxgroup", `{}`); code != http.StatusMethodNotAllowed {
			t.Errorf("%s /taxgroup = %d, want 405", m, code)
		}
	}
	code, env := hookSysRequest(t, s, http.MethodDelete, item, "")
	if code != http.StatusNoContent || len(env) != 0 {
		t.Errorf("DELETE %s = %d %v, want 204 without a body", item, code, env)
	}
	for _, m := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		if code, _, _ := taxGroupCall(t, s, m, item, `{"name":"x"}`); code != http.StatusNotFound {
			t.Errorf("%s deleted tax group = %d, want 404", m, code)
		}
	}
}
