package servicetrade

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// brandData is the "data" object of a brand answer.
func brandData(t *testing.T, env map[string]any) map[string]any {
	t.Helper()
	data, _ := env["data"].(map[string]any)
	if data == nil || data["id"] == nil {
		t.Fatalf("answer %v carries no brand", env)
	}
	return data
}

// The brand section as the reference shows it: nested under a company,
// name required on POST and PUT, displayName defaulting to the name, a
// case-insensitive substring name filter, no DELETE, logo null.
func TestBrandQuirks(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	s.mu.Lock()
	c := s.companyByName(SeedCustomerCompanies[0])
	other := s.companyByName(SeedCustomerCompanies[1])
	s.mu.Unlock()
	base := fmt.Sprintf("/company/%d/brand", c.ID)

	// The seeded brand.
	code, env := call(t, s, tok, http.MethodGet, base, "")
	data, _ := env["data"].(map[string]any)
	list, _ := data["brands"].([]any)
	if code != http.StatusOK || len(list) != 1 || list[0].(map[string]any)["name"] != SeedBrand || list[0].(map[string]any)["logo"] != nil {
		t.Fatalf("GET %s = %d %v; want the seeded brand", base, code, env)
	}

	// As the example: POST {"name":"Brand X"}; displayName is the name.
	code, env = call(t, s, tok, http.MethodPost, base, `{"name":"Brand X"}`)
	b := brandData(t, env)
	id := int64(b["id"].(float64))
	if code != http.StatusOK || b["displayName"] != "Brand X" || b["webSite"] != nil || b["details"] != nil || b["logo"] != nil ||
		b["company"].(map[string]any)["id"] != float64(c.ID) || !strings.HasSuffix(b["uri"].(string), fmt.Sprintf("%s/%d", base, id)) {
		t.Fatalf("POST = %d %v", code, env)
	}
	item := fmt.Sprintf("%s/%d", base, id)

	// Name filter: substring, ignoring case.
	code, env = call(t, s, tok, http.MethodGet, base+"?name=brand%20x", "")
	data, _ = env["data"].(map[string]any)
	if list, _ = data["brands"].([]any); code != http.StatusOK || len(list) != 1 {
		t.Errorf("GET ?name=brand x = %d %v; want Brand X", code, env)
	}

	// PUT needs the name; displayName stays when not sent, and does not
	// follow a new name; null clears webSite.
	if code, env = call(t, s, tok, http.MethodPut, item, `{"displayName":"X"}`); code != http.StatusBadRequest {
		t.Errorf("PUT without name = %d %v; want 400", code, env)
	}
	code, env = call(t, s, tok, http.MethodPut, item, `{"name":"Brand Y","webSite":"https://y.example.com","details":"d"}`)
	if b = brandData(t, env); code != http.StatusOK || b["name"] != "Brand Y" || b["displayName"] != "Brand X" || b["webSite"] != "https://y.example.com" {
		t.Errorf("PUT = %d %v", code, env)
	}
	code, env = call(t, s, tok, http.MethodPut, item, `{"name":"Brand Y","webSite":null}`)
	if b = brandData(t, env); code != http.StatusOK || b["webSite"] != nil || b["details"] != "d" {
		t.Errorf("PUT webSite null = %d %v", code, env)
	}
	// No attachments: any logo id is refused; null is fine.
	if code, env = call(t, s, tok, http.MethodPut, item, `{"name":"Brand Y","logoId":4294967297}`); code != http.StatusBadRequest {
		t.Errorf("PUT logoId = %d %v; want 400", code, env)
	}
	if code, env = call(t, s, tok, http.MethodPut, item, `{"name":"Brand Y","logoId":null}`); code != http.StatusOK {
		t.Errorf("PUT logoId null = %d %v; want 200", code, env)
	}
	// Names are not kept unique.
	if code, env = call(t, s, tok, http.MethodPost, base, `{"name":"Brand Y"}`); code != http.StatusOK {
		t.Errorf("second POST Brand Y = %d %v; want 200", code, env)
	}
	// POST without a name: 400.
	if code, env = call(t, s, tok, http.MethodPost, base, `{"displayName":"Z"}`); code != http.StatusBadRequest {
		t.Errorf("POST without name = %d %v; want 400", code, env)
	}

	// No DELETE, on the item or the collection.
	for _, p := range []string{item, base} {
		if code, env = call(t, s, tok, http.MethodDelete, p, ""); code != http.StatusMethodNotAllowed {
			t.Errorf("DELETE %s = %d %v; want 405", p, code, env)
		}
	}
	// Through another company, or an unknown one: 404.
	for _, p := range []string{fmt.Sprintf("/company/%d/brand/%d", other.ID, id), fmt.Sprintf("/company/%d/brand", 999), fmt.Sprintf("/company/%d/brand/%d", 999, id)} {
		if code, env = call(t, s, tok, http.MethodGet, p, ""); code != http.StatusNotFound {
			t.Errorf("GET %s = %d %v; want 404", p, code, env)
		}
	}
	if code, env = call(t, s, tok, http.MethodPut, fmt.Sprintf("/company/%d/brand/%d", other.ID, id), `{"name":"n"}`); code != http.StatusNotFound {
		t.Errorf("PUT through another company = %d %v; want 404", code, env)
	}
	if !s.RemoveBrand(id) || s.RemoveBrand(id) {
		t.Error("RemoveBrand did not remove the brand once")
	}
}
