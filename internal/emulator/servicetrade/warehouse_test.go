package servicetrade

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// POST /warehouse answers with the short echo; PUT is a partial update,
// status=inactive hides the warehouse from the default list; DELETE is
// 405; officeId must be an office.
func TestWarehouseVerbs(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	office := s.firstOffice()
	var customer int64
	for _, id := range sortedKeys(s.locations) {
		if !s.locations[id].IsVendor {
			customer = id
			break
		}
	}
	if office == 0 || customer == 0 {
		t.Fatalf("seed: office %d, customer location %d", office, customer)
	}
	status, env := call(t, s, tok, http.MethodPost, "/warehouse", `{"name":"bar"}`)
	if status != 200 {
		t.Fatalf("POST /warehouse = %d %v", status, env)
	}
	d := env["data"].(map[string]any)
	if d["name"] != "bar" || d["status"] != "active" || d["office"] != nil || d["created"] != nil {
		t.Errorf("POST echo = %v; want active, no office, no timestamps (as the reference's example)", d)
	}
	id := int64(d["id"].(float64))
	path := fmt.Sprintf("/warehouse/%d", id)

	status, env = call(t, s, tok, http.MethodPut, path, fmt.Sprintf(`{"officeId":%d}`, office))
	d, _ = env["data"].(map[string]any)
	if o, _ := d["office"].(map[string]any); status != 200 || o == nil || o["id"] != float64(office) || o["primaryContact"] == nil || d["name"] != "bar" || d["created"] == nil {
		t.Errorf("PUT officeId = %d %v", status, d)
	}
	for _, body := range []string{fmt.Sprintf(`{"officeId":%d}`, customer), `{"officeId":99999}`, `{"officeId":"x"}`, `{"status":"closed"}`, `{"name":" "}`} {
		if status, env = call(t, s, tok, http.MethodPut, path, body); status != 400 {
			t.Errorf("PUT %s = %d %v; want 400", body, status, env)
		}
	}
	if status, env = call(t, s, tok, http.MethodPost, "/warehouse", `{"status":"active"}`); status != 400 || !strings.Contains(fmt.Sprint(env["messages"]), "name") {
		t.Errorf("POST without name = %d %v", status, env)
	}
	// A second warehouse of the same name is accepted.
	if status, _ = call(t, s, tok, http.MethodPost, "/warehouse", `{"name":"bar"}`); status != 200 {
		t.Errorf("POST a second bar = %d", status)
	}

	status, env = call(t, s, tok, http.MethodPut, path, `{"status":"inactive","officeId":null}`)
	d, _ = env["data"].(map[string]any)
	if status != 200 || d["status"] != "inactive" || d["office"] != nil {
		t.Errorf("PUT inactive = %d %v", status, d)
	}
	count := func(query string) int {
		t.Helper()
		status, env := call(t, s, tok, http.MethodGet, "/warehouse"+query, "")
		if status != 200 {
			t.Fatalf("GET /warehouse%s = %d %v", query, status, env)
		}
		return len(env["data"].(map[string]any)["warehouses"].([]any))
	}
	if n, all, inactive := count(""), count("?status=all"), count("?status=inactive"); n != 2 || all != 4 || inactive != 2 {
		t.Errorf("lists: default %d, all %d, inactive %d; want 2, 4, 2", n, all, inactive)
	}
	if n := count(fmt.Sprintf("?status=all&officeId=%d", office)); n != 1 {
		t.Errorf("officeId filter: %d, want the seeded one", n)
	}
	if status, _ = call(t, s, tok, http.MethodGet, "/warehouse?status=any", ""); status != 400 {
		t.Errorf("GET status=any = %d, want 400", status)
	}
	// The created and updated bounds are inclusive; a malformed one is a
	// 400. Both bars were made after the seed, and the first one was
	// changed last.
	if status, env = call(t, s, tok, http.MethodGet, path, ""); status != 200 {
		t.Fatalf("GET %s = %d %v", path, status, env)
	}
	d, _ = env["data"].(map[string]any)
	created, updated := int64(d["created"].(float64)), int64(d["updated"].(float64))
	for query, want := range map[string]int{
		fmt.Sprintf("?status=all&createdAfter=%d", created):                             2,
		fmt.Sprintf("?status=all&createdBefore=%d", created-1):                          2,
		fmt.Sprintf("?status=all&updatedAfter=%d", updated+1):                           0,
		fmt.Sprintf("?status=all&createdAfter=%d&updatedBefore=%d", created, created-1): 0,
	} {
		if n := count(query); n != want {
			t.Errorf("GET /warehouse%s = %d warehouses, want %d", query, n, want)
		}
	}
	if status, _ = call(t, s, tok, http.MethodGet, "/warehouse?createdAfter=yesterday", ""); status != 400 {
		t.Errorf("GET createdAfter=yesterday = %d, want 400", status)
	}
	if status, _ = call(t, s, tok, http.MethodGet, path, ""); status != 200 {
		t.Errorf("GET inactive = %d, want 200", status)
	}
	for _, p := range []string{path, "/warehouse"} {
		if status, _ = call(t, s, tok, http.MethodDelete, p, ""); status != 405 {
			t.Errorf("DELETE %s = %d, want 405", p, status)
		}
	}
	if status, _ = call(t, s, tok, http.MethodGet, "/warehouse/99999", ""); status != 404 {
		t.Errorf("GET missing = %d", status)
	}
	if !s.RemoveWarehouse(id) || s.RemoveWarehouse(id) {
		t.Error("RemoveWarehouse")
	}
}
