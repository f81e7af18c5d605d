package servicetrade

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

func TestExternalIDQuirks(t *testing.T) {
	s := New(Options{})
	company := s.companyByName(SeedCustomerCompanies[1]).ID
	other := s.companyByName(VendorCompany).ID
	path := func(id int64, system string) string {
		return "/externalid/company/" + strconv.FormatInt(id, 10) + "/" + system
	}
	expect := func(method, p, body string, code int, want string) {
		t.Helper()
		got, env := hookSysRequest(t, s, method, p, body)
		raw, _ := json.Marshal(env)
		if got != code || !strings.Contains(string(raw), want) {
			t.Errorf("%s %s %s = %d %s, want %d with %s", method, p, body, got, raw, code, want)
		}
	}

	// The documented 405s and 404s.
	expect(http.MethodGet, "/externalid", "", 405, "not allowed")
	expect(http.MethodGet, "/externalid/location", "", 405, "not allowed")
	expect(http.MethodGet, "/externalid/foo", "", 404, "invalid entity type")
	expect(http.MethodGet, "/externalid/foo/1/peachtree", "", 404, "invalid entity type")
	expect(http.MethodGet, "/externalid/company/1", "", 404, "company 1 not found")
	expect(http.MethodGet, path(company, "system_foo"), "", 404, "no external system with that name was found")
	expect(http.MethodPut, path(company, "system_foo"), `{"value":"x"}`, 404, "no external system with that name was found")
	expect(http.MethodPost, path(1, "peachtree"), `{"value":"x"}`, 404, "company 1 not found")
	expect(http.MethodDelete, path(company, "peachtree"), "", 405, "not allowed")
	// The emulator has no jobs: every job is unknown.
	expect(http.MethodPost, "/externalid/job/4294967297/peachtree", `{"value":"x"}`, 404, "job 4294967297 not found")

	// No value: 200 with null; no values at all: an empty array.
	expect(http.MethodGet, path(company, "peachtree"), "", 200, `"data":{"value":null}`)
	expect(http.MethodGet, "/externalid/company/"+strconv.FormatInt(company, 10), "", 200, `"values":[]`)

	// POST sets, PUT sets, and POST replaces an existing value silently.
	expect(http.MethodPost, path(company, "peachtree"), `{"value":"S1-123"}`, 200, `"value":"S1-123"`)
	expect(http.MethodPost, path(company, "peachtree"), `{"value":"S1-124"}`, 200, `"value":"S1-124"`)
	expect(http.MethodPut, path(company, "timberline"), `{"value":"T-9"}`, 200, `"value":"T-9"`)
	expect(http.MethodGet, "/externalid/company/"+strconv.FormatInt(company, 10), "", 200, `"values":{"peachtree":"S1-124","timberline":"T-9"}`)
	expect(http.MethodPost, path(company, "peachtree"), `{"value":""}`, 400, "value is required")
	expect(http.MethodPut, path(company, "peachtree"), `{}`, 400, "value must be a string")
	expect(http.MethodPut, path(company, "peachtree"), `{"value":"x","syncId":"abc"}`, 400, "syncId must be an integer")

	// Reverse look-up, by path and by query; the first of two carriers.
	expect(http.MethodPut, path(other, "peachtree"), `{"value":"S1-124"}`, 200, `"value":"S1-124"`)
	first := min(company, other)
	expect(http.MethodGet, "/externalid/company/peachtree/S1-124", "", 200, `"id":`+strconv.FormatInt(first, 10))
	expect(http.MethodGet, "/externalid/company/peachtree/?value="+url.QueryEscape("S1-124"), "", 200, `"externalIds":{"peachtree":"S1-124"`)
	expect(http.MethodGet, "/externalid/company/peachtree/s1-124", "", 404, "no company object was found in peachtree identified by 's1-124'")
	expect(http.MethodGet, "/externalid/company/system_foo/S1-124", "", 404, "no external system with that name was found")
	expect(http.MethodPost, "/externalid/company/peachtree/S1-124", `{}`, 405, "not allowed")

	// PUT "" removes.
	expect(http.MethodPut, path(company, "peachtree"), `{"value":""}`, 200, `"value":null`)
	expect(http.MethodGet, path(company, "peachtree"), "", 200, `"value":null`)

	// The seeded values.
	seed := SeedExternalIDs[0]
	expect(http.MethodGet, path(s.companyByName(seed.Entity).ID, seed.System), "", 200, `"value":"`+seed.Value+`"`)
	expect(http.MethodGet, "/externalid/libitem/"+SeedExternalIDs[1].System+"/"+SeedExternalIDs[1].Value, "", 200, `"name":"`+SeedExternalIDs[1].Entity+`"`)

	if !s.RemoveExternalID("company", company, "timberline") || s.RemoveExternalID("company", company, "timberline") {
		t.Error("RemoveExternalID did not report the value it removed")
	}
}
