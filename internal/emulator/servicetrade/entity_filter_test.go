package servicetrade

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// entityFilterOut is an entity filter as the emulator renders it.
type entityFilterOut struct {
	ID      int64
	URI     string
	Name    string
	Type    string
	Company *struct {
		ID                int64
		Name, Status, URI string
	}
	Locations []struct {
		ID   int64
		Name string
	}
}

func entityFilterList(t *testing.T, s *Server, query string) ([]entityFilterOut, map[string]json.RawMessage) {
	t.Helper()
	code, env := hookSysRequest(t, s, http.MethodGet, "/entityfilter"+query, "")
	if code != http.StatusOK {
		t.Fatalf("GET /entityfilter%s = %d %s", query, code, env["messages"])
	}
	var data struct {
		EntityFilters []json.RawMessage
	}
	if err := json.Unmarshal(env["data"], &data); err != nil {
		t.Fatal(err)
	}
	var out []entityFilterOut
	for _, raw := range data.EntityFilters {
		var f entityFilterOut
		_ = json.Unmarshal(raw, &f)
		out = append(out, f)
		// A list never carries company and locations.
		var keys map[string]json.RawMessage
		_ = json.Unmarshal(raw, &keys)
		if _, ok := keys["company"]; ok {
			t.Errorf("listed entity filter %s has a company", raw)
		}
		if _, ok := keys["locations"]; ok {
			t.Errorf("listed entity filter %s has locations", raw)
		}
	}
	return out, env
}

func TestEntityFilterQuirks(t *testing.T) {
	s := New(Options{PageSize: 50})
	all, _ := entityFilterList(t, s, "")
	if len(all) != len(SeedEntityFilters)+2 {
		t.Fatalf("GET /entityfilter = %d filters, want %d", len(all), len(SeedEntityFilters)+2)
	}
	for _, f := range all {
		if f.ID <= 1<<32 || f.Type != "location" || !strings.HasSuffix(f.URI, "/entityfilter/"+hookSysID(f.ID)) {
			t.Errorf("listed filter = %+v", f)
		}
	}

	// The name filter is a substring, ignoring case; the type filter knows
	// only "location".
	if got, _ := entityFilterList(t, s, "?name=DELI"); len(got) != 2 || got[0].Name != DuplicateEntityFilter || got[1].Name != DuplicateEntityFilter {
		t.Errorf("?name=DELI = %+v, want the two %q", got, DuplicateEntityFilter)
	}
	if got, _ := entityFilterList(t, s, "?type=location"); len(got) != len(all) {
		t.Errorf("?type=location = %d filters, want %d", len(got), len(all))
	}
	if got, _ := entityFilterList(t, s, "?type=asset"); len(got) != 0 {
		t.Errorf("?type=asset = %+v, want none", got)
	}

	// A single GET adds the company and the locations: null for a filter
	// covering all of the company's locations (the reference's example).
	get := func(id int64) (entityFilterOut, map[string]json.RawMessage) {
		t.Helper()
		code, env := hookSysRequest(t, s, http.MethodGet, "/entityfilter/"+hookSysID(id), "")
		if code != http.StatusOK {
			t.Fatalf("GET /entityfilter/%d = %d %s", id, code, env["messages"])
		}
		var f entityFilterOut
		var keys map[string]json.RawMessage
		_ = json.Unmarshal(env["data"], &f)
		_ = json.Unmarshal(env["data"], &keys)
		return f, keys
	}
	acme, keys := get(all[0].ID)
	if acme.Name != SeedEntityFilters[0] || acme.Company == nil || acme.Company.Name != SeedCustomerCompanies[1] ||
		acme.Company.Status != "active" || !strings.Contains(acme.Company.URI, "/company/") || string(keys["locations"]) != "null" {
		t.Errorf("GET %q = %+v, locations %s; want its company and null locations", SeedEntityFilters[0], acme, keys["locations"])
	}
	hwy, _ := get(all[1].ID)
	if hwy.Company == nil || hwy.Company.Name != SeedCustomerCompanies[0] || len(hwy.Locations) != 1 || hwy.Locations[0].Name != SeedCustomerLocations[0] {
		t.Errorf("GET %q = %+v; want one location, %q", SeedEntityFilters[1], hwy, SeedCustomerLocations[0])
	}

	// The documented 404 text, and 405 on every other verb.
	if code, env := hookSysRequest(t, s, http.MethodGet, "/entityfilter/123", ""); code != http.StatusNotFound || !strings.Contains(string(env["messages"]), "entityfilter 123 not found") {
		t.Errorf("GET /entityfilter/123 = %d %s, want 404 entityfilter 123 not found", code, env["messages"])
	}
	for _, path := range []string{"/entityfilter", "/entityfilter/" + hookSysID(all[0].ID)} {
		for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
			if code, _ := hookSysRequest(t, s, method, path, `{"name":"x"}`); code != http.StatusMethodNotAllowed {
				t.Errorf("%s %s = %d, want 405", method, path, code)
			}
		}
	}
	if code := statusWithoutCredentials(s, "/entityfilter"); code != http.StatusUnauthorized {
		t.Errorf("unauthenticated GET /entityfilter = %d, want 401", code)
	}
}
