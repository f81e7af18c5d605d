package servicetrade

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// Tax rates are those of the tax groups whose postal codes include the one
// asked for: several for a code in several groups, an empty list for a
// code in none (the reference's 99999 example), with the reserved rates
// null.
func TestTaxRates(t *testing.T) {
	s := New(Options{})
	rates := func(path string) ([]map[string]any, int) {
		t.Helper()
		code, env := hookSysRequest(t, s, http.MethodGet, path, "")
		var data struct {
			TotalPages, Page int
			Taxrates         []map[string]any
		}
		if code == http.StatusOK {
			if err := json.Unmarshal(env["data"], &data); err != nil || data.Taxrates == nil || data.TotalPages != 1 || data.Page != 1 {
				t.Fatalf("GET %s = %s (%v), want a list page under taxrates", path, env["data"], err)
			}
		}
		return data.Taxrates, code
	}
	// Both spellings of the path answer.
	for _, path := range []string{"/taxrate/?postalCode=10001", "/taxrate?postalCode=10001"} {
		got, code := rates(path)
		if code != http.StatusOK || len(got) != 2 || got[0]["taxGroupCode"] != "NYC2020" || got[0]["name"] != "NYC Rates" ||
			got[0]["combinedRate"] != 0.095 || got[1]["taxGroupCode"] != "NYC2021" || got[1]["combinedRate"] != 0.0965 {
			t.Errorf("GET %s = %d %v, want NYC2020 and NYC2021", path, code, got)
		}
		for _, key := range []string{"stateRate", "countyRate", "cityRate", "otherRate"} {
			if v, ok := got[0][key]; !ok || v != nil {
				t.Errorf("GET %s: %s = %v (present %v), want null", path, key, v, ok)
			}
		}
	}
	if got, code := rates("/taxrate/?postalCode=27513"); code != http.StatusOK || len(got) != 1 || got[0]["taxGroupCode"] != "WAKE2021" {
		t.Errorf("27513 = %d %v, want WAKE2021", code, got)
	}
	// No rate: an empty list; a part of a code is not the code.
	for _, pc := range []string{"99999", "1000", "0001"} {
		if got, code := rates("/taxrate/?postalCode=" + pc); code != http.StatusOK || len(got) != 0 {
			t.Errorf("postal code %s = %d %v, want an empty list", pc, code, got)
		}
	}
	// A tax group made later counts.
	if code, env := hookSysRequest(t, s, http.MethodPost, "/taxgroup", `{"code":"PO","name":"Post Office","state":"NY","combinedRate":0.05,"postalCodes":["99999"]}`); code != http.StatusOK {
		t.Fatalf("POST /taxgroup = %d %s", code, env["messages"])
	}
	if got, _ := rates("/taxrate/?postalCode=99999"); len(got) != 1 || got[0]["taxGroupCode"] != "PO" {
		t.Errorf("99999 after a tax group = %v, want PO", got)
	}

	// Without a postal code: 400 on the parameter.
	code, env := hookSysRequest(t, s, http.MethodGet, "/taxrate/", "")
	if code != http.StatusBadRequest || !strings.Contains(string(env["messages"]), "postalCode") {
		t.Errorf("GET /taxrate/ without postalCode = %d %s, want 400 on postalCode", code, env["messages"])
	}
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		if code, _ := hookSysRequest(t, s, method, "/taxrate/?postalCode=10001", `{}`); code != http.StatusMethodNotAllowed {
			t.Errorf("%s /taxrate/ = %d, want 405", method, code)
		}
	}
	if code := statusWithoutCredentials(s, "/taxrate/?postalCode=10001"); code != http.StatusUnauthorized {
		t.Errorf("unauthenticated GET /taxrate/ = %d, want 401", code)
	}
}
