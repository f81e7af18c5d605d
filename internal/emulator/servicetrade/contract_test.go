package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// contractCall sends one authenticated request and returns the status, the
// raw body and the decoded envelope.
func contractCall(t *testing.T, s *Server, method, path, body string) (int, string, map[string]json.RawMessage) {
	t.Helper()
	s.mu.Lock()
	s.tokens["contract-test-token"] = time.Now().Add(time.Hour)
	s.mu.Unlock()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer contract-test-token")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	env := map[string]json.RawMessage{}
	if rec.Body.Len() > 0 {
		if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
			t.Fatalf("%s %s: body %q is not JSON: %v", method, path, rec.Body.String(), err)
		}
	}
	return rec.Code, rec.Body.String(), env
}

// contractSeeds are the ids of the seeded objects the contract tests use.
type contractSeeds struct {
	vendor, customer, customer2, owner, sales, office, customerLocation int64
	terms, paymentTerms, serviceLine, libItem, libItem2                 int64
}

func seedsForContracts(s *Server) contractSeeds {
	s.mu.Lock()
	defer s.mu.Unlock()
	var seeds contractSeeds
	seeds.vendor = s.vendorCompany().ID
	seeds.customer = s.companyByName(SeedCustomerCompanies[0]).ID
	seeds.customer2 = s.companyByName(SeedCustomerCompanies[1]).ID
	seeds.owner = s.userByUsername(Username).ID
	seeds.sales = s.userByUsername("ssales").ID
	for _, id := range sortedKeys(s.locations) {
		l := s.locations[id]
		if l.IsVendor && seeds.office == 0 {
			seeds.office = id
		}
		if !l.IsVendor && l.Name == SeedCustomerLocations[0] {
			seeds.customerLocation = id
		}
	}
	seeds.terms = sortedKeys(s.terms)[0]
	seeds.paymentTerms = sortedKeys(s.paymentTerms)[0]
	seeds.serviceLine = s.serviceLineByAbbr("SUPP").ID
	items := sortedKeys(s.libItems)
	seeds.libItem, seeds.libItem2 = items[0], items[2]
	return seeds
}

func dataOf(t *testing.T, env map[string]json.RawMessage) map[string]any {
	t.Helper()
	var d map[string]any
	if err := json.Unmarshal(env["data"], &d); err != nil {
		t.Fatalf("data is not an object: %s", env["data"])
	}
	return d
}

func validationOf(env map[string]json.RawMessage) map[string][]string {
	var m struct{ Validation map[string][]string }
	_ = json.Unmarshal(env["messages"], &m)
	return m.Validation
}

func idOf(d map[string]any) int64 {
	n, _ := d["id"].(float64)
	return int64(n)
}

func nestedID(d map[string]any, key string) int64 {
	obj, _ := d[key].(map[string]any)
	if obj == nil {
		return 0
	}
	return idOf(obj)
}

// Verbs: no unfiltered index, no DELETE at all, actions not emulated.
func TestContractVerbs(t *testing.T) {
	s := New(Options{})
	seeds := seedsForContracts(s)
	_, _, env := contractCall(t, s, http.MethodPost, "/contract", fmt.Sprintf(`{"type":"default","name":"Std","vendorId":%d}`, seeds.vendor))
	item := fmt.Sprintf("/contract/%d", idOf(dataOf(t, env)))
	cases := []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/contract", 405},
		{http.MethodDelete, "/contract", 405},
		{http.MethodPut, "/contract", 405},
		{http.MethodDelete, item, 405},
		{http.MethodPost, item, 405},
		{http.MethodGet, item + "/accept", 405},
		{http.MethodPost, item + "/accept", 501},
		{http.MethodPost, item + "/copy", 501},
		{http.MethodGet, item + "/deactivate", 405},
		{http.MethodGet, "/contract/987", 404},
		{http.MethodPut, "/contract/987", 404},
		{http.MethodPost, "/contract/987/deactivate", 404},
		{http.MethodPost, "/contract", 501}, // quote contract (body below)
	}
	for _, tc := range cases {
		body := "{}"
		if tc.want == 501 && tc.path == "/contract" {
			body = `{"quoteId":123,"jobId":345}`
		}
		if code, raw, _ := contractCall(t, s, tc.method, tc.path, body); code != tc.want {
			t.Errorf("%s %s = %d %s, want %d", tc.method, tc.path, code, raw, tc.want)
		}
	}
}

func TestContractCreateValidation(t *testing.T) {
	s := New(Options{})
	seeds := seedsForContracts(s)
	_, _, env := contractCall(t, s, http.MethodPost, "/contract", `{"type":"template","name":"Parent"}`)
	parent := idOf(dataOf(t, env))
	if parent == 0 {
		t.Fatalf("creating a template: %v", env)
	}
	bad := []struct{ body, field string }{
		{`{"name":"x"}`, "type"},
		{`{"type":"quote","name":"x"}`, "type"},
		{fmt.Sprintf(`{"type":"default","vendorId":%d}`, seeds.vendor), "name"},
		{fmt.Sprintf(`{"type":"default","name":"  ","vendorId":%d}`, seeds.vendor), "name"},
		{`{"type":"default","name":"x"}`, "vendorId"},
		{fmt.Sprintf(`{"type":"company","name":"x","vendorId":%d}`, seeds.vendor), "customerId"},
		{fmt.Sprintf(`{"type":"default","name":"x","vendorId":%d,"customerId":%d}`, seeds.vendor, seeds.customer), "customerId"},
		{fmt.Sprintf(`{"type":"template","name":"x","vendorId":%d}`, seeds.vendor), "vendorId"},
		{fmt.Sprintf(`{"type":"default","name":"x","vendorId":%d,"locationId":%d}`, seeds.vendor, seeds.customerLocation), "locationId"},
		{`{"type":"default","name":"x","vendorId":42}`, "vendorId"},
		{fmt.Sprintf(`{"type":"company","name":"x","vendorId":%d,"customerId":42}`, seeds.vendor), "customerId"},
		{`{"type":"template","name":"x","ownerId":42}`, "ownerId"},
		{`{"type":"template","name":"x","salesId":42}`, "salesId"},
		{`{"type":"template","name":"x","regionId":42}`, "regionId"},
		{fmt.Sprintf(`{"type":"template","name":"x","officeId":%d}`, seeds.customerLocation), "officeId"},
		{`{"type":"template","name":"x","parentId":42}`, "parentId"},
		{`{"type":"template","name":"x","jobTermsId":42}`, "jobTermsId"},
		{`{"type":"template","name":"x","quoteTermsId":42}`, "quoteTermsId"},
		{`{"type":"template","name":"x","invoiceTermsId":42}`, "invoiceTermsId"},
		{`{"type":"template","name":"x","paymentTermsId":42}`, "paymentTermsId"},
		{`{"type":"template","name":"x","startsOn":"2026-01-01"}`, "startsOn"},
		{`{"type":"template","name":"x","expectedRevenue":"lots"}`, "expectedRevenue"},
		{`{"type":"template","name":"x","invoiceDetailLevel":["public","by_type"]}`, "invoiceDetailLevel"},
		{`{"type":"template","name":"x","quoteDetailLevel":["items_by_type"]}`, "quoteDetailLevel"},
		{`{"type":"template","name":"x","active":"yes"}`, "active"},
	}
	for _, b := range bad {
		code, raw, env := contractCall(t, s, http.MethodPost, "/contract", b.body)
		if code != http.StatusBadRequest || len(validationOf(env)[b.field]) == 0 {
			t.Errorf("POST %s = %d %s, want 400 with a %s validation message", b.body, code, raw, b.field)
		}
	}
	// Every reference resolved, and returned as a nested object.
	body := fmt.Sprintf(`{"type":"company","name":"Hwy 55 Contract","vendorId":%d,"customerId":%d,"parentId":%d,"ownerId":%d,"salesId":%d,
		"officeId":%d,"locationId":%d,"jobTermsId":%d,"quoteTermsId":%d,"invoiceTermsId":%d,"paymentTermsId":%d,
		"customerPo":"abc-1234","expectedRevenue":250000,"expectedMargin":123.45,"totalCost":99,"invoiceDetailLevel":["items","public","items"]}`,
		seeds.vendor, seeds.customer, parent, seeds.owner, seeds.sales, seeds.office, seeds.customerLocation,
		seeds.terms, seeds.terms, seeds.terms, seeds.paymentTerms)
	code, raw, env := contractCall(t, s, http.MethodPost, "/contract", body)
	if code != 200 {
		t.Fatalf("POST full company contract = %d %s", code, raw)
	}
	d := dataOf(t, env)
	for key, want := range map[string]int64{
		"vendor": seeds.vendor, "customer": seeds.customer, "parent": parent, "owner": seeds.owner, "sales": seeds.sales,
		"office": seeds.office, "location": seeds.customerLocation, "jobTerms": seeds.terms, "quoteTerms": seeds.terms,
		"invoiceTerms": seeds.terms, "paymentTerms": seeds.paymentTerms,
	} {
		if got := nestedID(d, key); got != want {
			t.Errorf("%s.id = %d, want %d", key, got, want)
		}
	}
	if d["customerPo"] != "abc-1234" || d["locationContext"] != "location" || d["totalCost"] != 0.0 || d["revenue"] != nil ||
		d["complexity"] != "simple" || d["active"] != true || d["region"] != nil || d["description"] != "" {
		t.Errorf("company contract = %s", raw)
	}
	if got := fmt.Sprint(d["invoiceDetailLevel"]); got != "[items public]" {
		t.Errorf("invoiceDetailLevel = %s, want the set sent, deduplicated", got)
	}
	if got := fmt.Sprint(d["quoteDetailLevel"]); got != "[public items_by_type type_detail]" {
		t.Errorf("default quoteDetailLevel = %s, want the reference's default", got)
	}
	vendor, _ := d["vendor"].(map[string]any)
	if vendor["status"] != "active" || vendor["name"] != VendorCompany {
		t.Errorf("vendor = %v", vendor)
	}
	// A template without a customer PO reads it back as null.
	_, _, env = contractCall(t, s, http.MethodPost, "/contract", `{"type":"template","name":"No PO"}`)
	if d := dataOf(t, env); d["customerPo"] != nil || d["vendor"] != nil || d["customer"] != nil || d["locationContext"] != "all" {
		t.Errorf("template = %v", d)
	}
}

// Dates: the POST echo returns them as sent; the contract stores the day,
// which every later read and every PUT response shows.
func TestContractDatesAreStoredByDay(t *testing.T) {
	s := New(Options{})
	seeds := seedsForContracts(s)
	const sent = 1445522820 // 2015-10-22T14:07:00Z
	const day = 1445472000  // 2015-10-22T00:00:00Z
	_, raw, env := contractCall(t, s, http.MethodPost, "/contract",
		fmt.Sprintf(`{"type":"default","name":"Dated","vendorId":%d,"expiresOn":%d,"startsOn":%d}`, seeds.vendor, sent, day))
	d := dataOf(t, env)
	if d["expiresOn"] != float64(sent) || d["startsOn"] != float64(day) || d["reviewOn"] != nil {
		t.Fatalf("POST echo = %s; want expiresOn as sent", raw)
	}
	item := fmt.Sprintf("/contract/%d", idOf(d))
	_, _, env = contractCall(t, s, http.MethodGet, item, "")
	if got := dataOf(t, env)["expiresOn"]; got != float64(day) {
		t.Errorf("GET expiresOn = %v, want %d (midnight UTC)", got, day)
	}
	_, _, env = contractCall(t, s, http.MethodPut, item, `{"name":"Dated 1","reviewOn":1445536800}`)
	d = dataOf(t, env)
	if d["expiresOn"] != float64(day) || d["reviewOn"] != float64(day) || d["name"] != "Dated 1" {
		t.Errorf("PUT response = %v; want both dates at midnight UTC", d)
	}
	_, _, env = contractCall(t, s, http.MethodPut, item, `{"reviewOn":null}`)
	if d = dataOf(t, env); d["reviewOn"] != nil || d["expiresOn"] != float64(day) {
		t.Errorf("PUT reviewOn null = %v; want it cleared, the others kept", d)
	}
	if got := contractDayOf(-1); got != -contractDay {
		t.Errorf("contractDayOf(-1) = %d, want %d", got, -contractDay)
	}
}

func TestContractPartialUpdate(t *testing.T) {
	s := New(Options{})
	seeds := seedsForContracts(s)
	_, _, env := contractCall(t, s, http.MethodPost, "/contract",
		fmt.Sprintf(`{"type":"company","name":"C","vendorId":%d,"customerId":%d,"ownerId":%d,"salesId":%d,"customerPo":"PO-1","description":"d"}`,
			seeds.vendor, seeds.customer, seeds.owner, seeds.sales))
	d := dataOf(t, env)
	item := fmt.Sprintf("/contract/%d", idOf(d))
	created := d["created"]

	// type and customerPo are not PUT parameters: ignored.
	code, raw, env := contractCall(t, s, http.MethodPut, item,
		fmt.Sprintf(`{"type":"template","customerPo":"PO-2","ownerId":null,"customerId":%d,"invoiceNotes":"Thanks","quoteDetailLevel":["by_type"]}`, seeds.customer2))
	d = dataOf(t, env)
	if code != 200 || d["type"] != "company" || d["customerPo"] != "PO-1" || d["owner"] != nil || nestedID(d, "sales") != seeds.sales ||
		nestedID(d, "customer") != seeds.customer2 || d["description"] != "d" || d["invoiceNotes"] != "Thanks" ||
		fmt.Sprint(d["quoteDetailLevel"]) != "[by_type]" || d["created"] != created {
		t.Errorf("PUT = %d %s", code, raw)
	}
	bad := []struct{ body, field string }{
		{`{"customerId":null}`, "customerId"},
		{`{"vendorId":null}`, "vendorId"},
		{`{"name":""}`, "name"},
		{`{"salesId":42}`, "salesId"},
		{fmt.Sprintf(`{"parentId":%d}`, idOf(d)), "parentId"},
		{`{"invoiceDetailLevel":["time_and_materials"]}`, "invoiceDetailLevel"},
	}
	for _, b := range bad {
		code, raw, env := contractCall(t, s, http.MethodPut, item, b.body)
		if code != http.StatusBadRequest || len(validationOf(env)[b.field]) == 0 {
			t.Errorf("PUT %s = %d %s, want 400 with a %s validation message", b.body, code, raw, b.field)
		}
	}
	// vendorId on a template, customerId on a default contract: 400.
	_, _, env = contractCall(t, s, http.MethodPost, "/contract", `{"type":"template","name":"T"}`)
	tmpl := fmt.Sprintf("/contract/%d", idOf(dataOf(t, env)))
	if code, _, env := contractCall(t, s, http.MethodPut, tmpl, fmt.Sprintf(`{"vendorId":%d}`, seeds.vendor)); code != 400 || len(validationOf(env)["vendorId"]) == 0 {
		t.Errorf("PUT vendorId on a template = %d, want 400", code)
	}
	_, _, env = contractCall(t, s, http.MethodPost, "/contract", fmt.Sprintf(`{"type":"default","name":"D","vendorId":%d}`, seeds.vendor))
	def := fmt.Sprintf("/contract/%d", idOf(dataOf(t, env)))
	if code, _, env := contractCall(t, s, http.MethodPut, def, fmt.Sprintf(`{"customerId":%d}`, seeds.customer)); code != 400 || len(validationOf(env)["customerId"]) == 0 {
		t.Errorf("PUT customerId on a default contract = %d, want 400", code)
	}
	// A contract's descendant cannot become its parent.
	_, _, env = contractCall(t, s, http.MethodPost, "/contract", fmt.Sprintf(`{"type":"template","name":"Child","parentId":%d}`, idOf(d)))
	child := idOf(dataOf(t, env))
	if code, _, env := contractCall(t, s, http.MethodPut, item, fmt.Sprintf(`{"parentId":%d}`, child)); code != 400 || len(validationOf(env)["parentId"]) == 0 {
		t.Errorf("PUT parentId to a child = %d, want 400", code)
	}
}

func TestContractListAndDeactivate(t *testing.T) {
	s := New(Options{PageSize: 1})
	seeds := seedsForContracts(s)
	var ids []int64
	for i, body := range []string{
		fmt.Sprintf(`{"type":"default","name":"Standard Prices","vendorId":%d}`, seeds.vendor),
		fmt.Sprintf(`{"type":"company","name":"Hwy 55 Prices","vendorId":%d,"customerId":%d}`, seeds.vendor, seeds.customer),
		fmt.Sprintf(`{"type":"company","name":"Acme Prices","vendorId":%d,"customerId":%d,"salesId":%d}`, seeds.vendor, seeds.customer2, seeds.sales),
	} {
		code, raw, env := contractCall(t, s, http.MethodPost, "/contract", body)
		if code != 200 {
			t.Fatalf("contract %d: %d %s", i, code, raw)
		}
		ids = append(ids, idOf(dataOf(t, env)))
	}
	list := func(query string) (int, []any, float64) {
		code, _, env := contractCall(t, s, http.MethodGet, "/contract?"+query, "")
		if code != 200 {
			return code, nil, 0
		}
		d := dataOf(t, env)
		l, _ := d["contracts"].([]any)
		return code, l, d["totalPages"].(float64)
	}
	if code, l, pages := list(fmt.Sprintf("vendorId=%d", seeds.vendor)); code != 200 || len(l) != 1 || pages != 3 {
		t.Errorf("by vendor: %d, %d items, %v pages; want page 1 of 3", code, len(l), pages)
	}
	if code, l, _ := list(fmt.Sprintf("contracteeId=%d", seeds.customer)); code != 200 || len(l) != 1 || idOf(l[0].(map[string]any)) != ids[1] {
		t.Errorf("by the customer alias: %d %v", code, l)
	}
	if code, l, pages := list(fmt.Sprintf("contractorId=%d&name=PRICES&salesId=%d", seeds.vendor, seeds.sales)); code != 200 || pages != 1 || idOf(l[0].(map[string]any)) != ids[2] {
		t.Errorf("by name and sales: %d %v", code, l)
	}
	for _, q := range []string{fmt.Sprintf("vendorId=%d&name=nothing", seeds.vendor), fmt.Sprintf("customerId=%d", seeds.vendor), "jobId=5"} {
		if code, _, _ := list(q); code != 404 {
			t.Errorf("GET /contract?%s = %d, want 404 (no match is not an empty list)", q, code)
		}
	}
	if code, _, _ := list("name=Prices"); code != 405 {
		t.Errorf("GET /contract?name=Prices = %d, want 405 without jobId, vendorId or customerId", code)
	}

	item := fmt.Sprintf("/contract/%d", ids[1])
	code, raw, _ := contractCall(t, s, http.MethodPost, item+"/deactivate", `{"cancelServices":true,"cancelJobs":false}`)
	if code != 204 || raw != "" {
		t.Fatalf("deactivate = %d %q, want 204 with an empty body", code, raw)
	}
	code, _, env := contractCall(t, s, http.MethodGet, item, "")
	if code != 200 || dataOf(t, env)["active"] != false {
		t.Errorf("GET after deactivate = %d %v; want the contract, inactive", code, env)
	}
	if code, _, _ := contractCall(t, s, http.MethodPost, fmt.Sprintf("/contract/%d/deactivate", ids[0]), ""); code != 204 {
		t.Errorf("deactivate without a body = %d, want 204", code)
	}
	if code, _, _ := contractCall(t, s, http.MethodPost, item+"/deactivate", `{"cancelJobs":"yes"}`); code != 400 {
		t.Errorf("deactivate with a bad flag = %d, want 400", code)
	}
	_, _, env = contractCall(t, s, http.MethodPut, item, `{"active":true}`)
	if dataOf(t, env)["active"] != true {
		t.Errorf("PUT active true = %v", env)
	}
}

// Terms used by a contract cannot be deleted (409), as documented for
// terms "referenced by other entities".
func TestContractTermsCannotBeDeleted(t *testing.T) {
	s := New(Options{})
	_, _, env := contractCall(t, s, http.MethodPost, "/terms", `{"name":"Quote terms","content":"Valid 30 days."}`)
	terms := idOf(dataOf(t, env))
	_, _, env = contractCall(t, s, http.MethodPost, "/contract", fmt.Sprintf(`{"type":"template","name":"T","quoteTermsId":%d}`, terms))
	item := fmt.Sprintf("/contract/%d", idOf(dataOf(t, env)))
	if code, _, _ := contractCall(t, s, http.MethodDelete, fmt.Sprintf("/terms/%d", terms), ""); code != http.StatusConflict {
		t.Fatalf("DELETE terms used by a contract = %d, want 409", code)
	}
	if code, raw, _ := contractCall(t, s, http.MethodPut, item, `{"quoteTermsId":null}`); code != 200 {
		t.Fatalf("clearing quoteTermsId = %d %s", code, raw)
	}
	if code, _, _ := contractCall(t, s, http.MethodDelete, fmt.Sprintf("/terms/%d", terms), ""); code != http.StatusNoContent {
		t.Errorf("DELETE terms no longer used = %d, want 204", code)
	}
}
