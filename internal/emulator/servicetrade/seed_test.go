package servicetrade

import (
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// seeded loads a seed file's servicetrade section (testdata), failing the
// test on any error.
func seeded(t *testing.T, file string) *Server {
	t.Helper()
	f, err := seedfile.Read(file)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSeeded(Options{PageSize: 50}, f.ServiceTrade)
	if err != nil {
		t.Fatalf("NewSeeded(%s):\n%v", file, err)
	}
	return s
}

// at resolves a dotted path ("company.id", "offices.0.id") in a decoded
// JSON value; ok is false when a step is missing.
func at(v any, path string) (any, bool) {
	for _, step := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[step]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(step)
			if err != nil || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// checkFields compares the values at each path of obj with the JSON in
// want.
func checkFields(t *testing.T, what string, obj any, want map[string]string) {
	t.Helper()
	for path, js := range want {
		var w any
		if err := json.Unmarshal([]byte(js), &w); err != nil {
			t.Fatalf("%s: bad expectation %s: %v", what, js, err)
		}
		got, ok := at(obj, path)
		gotJS, _ := json.Marshal(got)
		wantJS, _ := json.Marshal(w)
		if !ok || string(gotJS) != string(wantJS) {
			t.Errorf("%s: %s = %s (present %v), want %s", what, path, gotJS, ok, wantJS)
		}
	}
}

// Every kind of a seed is what the API shows: each object as its GET shows
// it, and in its list.
func TestSeedEveryKindIsVisibleThroughTheAPI(t *testing.T) {
	s := seeded(t, "testdata/seed-every-kind.yaml")
	tok := token(t, s)
	cases := []struct {
		item string
		want map[string]string
		// list is the list that shows the object, under key ("" for a
		// bare array), as listWant says (want when nil).
		list, key string
		listWant  map[string]string
	}{
		{item: "/company/1", list: "/company", key: "companies", want: map[string]string{
			"name": `"Acme Fire Service"`, "vendor": "true", "customer": "false", "status": `"active"`,
			"address": `{"street":"1 Main St","city":"Durham","state":"NC","postalCode":"27701"}`, "phoneNumber": `"(919) 555-0001"`,
			"serviceLinesProvided.0.id": "21"}},
		{item: "/company/2", list: "/company?isCustomer=true", key: "companies", want: map[string]string{
			"name": `"Blue Sky Bakery"`, "status": `"on_hold"`, "customer": "true", "serviceLinesProvided": "[]"}},
		{item: "/location/11", list: "/location?isVendor=true", key: "locations", want: map[string]string{
			"name": `"Durham Office"`, "company.id": "1", "lat": "35.99", "email": `"durham@acme.example"`,
			"primaryContact.firstName": `"Dee"`, "generalManager": `"Dee Urham"`, "status": `"active"`}},
		{item: "/location/12", list: "/location?companyId=2", key: "locations", want: map[string]string{
			"company.id": "2", "taxable": "true", "offices.0.id": "11", "address.city": `"Durham"`}},
		{item: "/location/13", list: "/location?status=inactive", key: "locations", want: map[string]string{"status": `"inactive"`}},
		{item: "/serviceline/22", list: "/serviceline?showAll=true", key: "servicelines", want: map[string]string{
			"name": `"Plumbing"`, "abbr": `"PLMB"`, "trade": `"Plumbing"`}},
		{item: "/activity/job.manage", list: "/activity", key: "activities", want: map[string]string{
			"name": `"Manage Jobs"`, "description": `"Manage jobs"`}},
		{item: "/role/32", list: "/role", key: "roles", want: map[string]string{
			"name": `"Dispatcher"`, "activities": `["job.manage","user.view"]`, "global": "false"}},
		{item: "/user/41", list: "/user", key: "users", want: map[string]string{
			"username": `"emulator"`, "name": `"Ada Admin"`, "company.id": "1", "location.id": "11", "account.name": `"Acme Fire Service"`,
			"roles": `[{"id":31,"name":"Technician"},{"id":32,"name":"Dispatcher"}]`, "created": "1705309200"}},
		{item: "/user/42", list: "/user?isTech=true", key: "users", want: map[string]string{
			"timezone": `"America/Chicago"`, "isTech": "true", "serviceLines.0.id": "21", "details": `"Night shift"`,
			"location": "null", "roles": `[{"id":31,"name":"Technician"}]`, "created": "1700000000", "updated": "1700000500"}},
		{item: "/user/43", list: "/user?status=inactive", key: "users", want: map[string]string{"status": `"inactive"`, "roles": "[]"}},
		{item: "/terms/51", list: "/terms", key: "terms", want: map[string]string{"name": `"Standard Terms"`, "content": `"Pay in 30 days."`}},
		{item: "/paymentterms/61", list: "/paymentterms", key: "paymenttermss", want: map[string]string{"name": `"Net 30"`, "orderIndex": "1"}},
		{item: "/libitem/71", list: "/libitem", key: "libItems", want: map[string]string{
			"name": `"Smoke Detector"`, "code": `"SD-1"`, "type": `"Part"`, "cost": "12.5", "serviceLine.id": "21",
			"active": "true", "taxable": "true", "company": "null", "created": "1700000000", "updated": "1700000000"}},
		{item: "/libitem/72", list: "/libitem?active=false&companyIds=2", key: "libItems", want: map[string]string{
			"type": `"Labor"`, "active": "false", "taxable": "false", "company.id": "2", "code": "null", "cost": "null"}},
		{item: "/assetdefinition/82", list: "/assetdefinition?active=true", key: "assetDefinitions", want: map[string]string{
			"type": `"panel"`, "instanceName": `"%make%"`, "serviceLine.id": "21", "parentAssetTypes.0.id": "81",
			"properties": `{"make":{"orderIndex":0,"required":true,"type":"string"},"zones":{"collection":true,"max":8,"min":1,"type":"int"}}`}},
		{item: "/entityfilter/91", list: "/entityfilter", key: "entityFilters", want: map[string]string{
			"name": `"Bakery Sites"`, "type": `"location"`, "company.id": "2", "locations.0.id": "12"},
			listWant: map[string]string{"name": `"Bakery Sites"`}},
		{item: "/region/101", list: "/region", key: "regions", want: map[string]string{
			"name": `"Triangle"`, "color": `"#00ff00"`, "points": "[[36.1,-79.1],[36.1,-78.5],[35.7,-78.5]]", "offices.0.id": "11"},
			listWant: map[string]string{"name": `"Triangle"`, "offices": "[]"}},
		{item: "/webhook/111", list: "/webhook", key: "webhooks", want: map[string]string{
			"hookUrl": `"https://hooks.example.com/st"`, "enabled": "true", "confirmed": "true", "includeChangesets": "true"}},
		{item: "/webhook/112", list: "/webhook", key: "webhooks", want: map[string]string{"enabled": "false", "confirmed": "false"}},
		{item: "/externalsystem/121", list: "/externalsystem", key: "", want: map[string]string{
			"name": `"qb"`, "type": `"quickbooks"`, "syncableTypes": `["invoice","job"]`, "created": "1705309200"}},
		{item: "/externalsystem/122", list: "/externalsystem", key: "", want: map[string]string{"type": `"standard"`, "syncableTypes": `["invoice"]`}},
		{item: "/tag/131", list: "/tag", key: "tags", want: map[string]string{"name": `"VIP"`}},
		{item: "/tag/" + strconv.FormatInt(firstID+1, 10), list: "/tag", key: "tags", want: map[string]string{"name": `"Night Work"`}},
		{item: "/taxgroup/141", list: "/taxgroup", key: "taxGroups", want: map[string]string{
			"code": `"DUR"`, "combinedRate": "0.075", "postalCodes": `["27701"]`, "state": `"NC"`}},
		{item: "/warehouse/151", list: "/warehouse", key: "warehouses", want: map[string]string{
			"name": `"Main Stock"`, "office.id": "11", "status": `"active"`}},
		{item: "/company/2/brand/161", list: "/company/2/brand", key: "brands", want: map[string]string{
			"name": `"Blue Sky"`, "displayName": `"Blue Sky"`, "webSite": `"https://bluesky.example"`, "details": "null", "company.id": "2"}},
		{item: "/quotetemplate/171", list: "/quotetemplate", key: "quoteTemplates", want: map[string]string{
			"description": `"New panel"`, "company.id": "2", "terms.id": "52", "items.0.id": "181"}},
		{item: "/quotetemplateitem/181", list: "/quotetemplate/171/item", key: "items", want: map[string]string{
			"quantity": "2", "libItem.id": "71", "quote.id": "171", "orderIndex": "1", "serviceLine": "null"}},
		{item: "/servicetemplate/191", list: "/servicetemplate", key: "serviceTemplates", want: map[string]string{
			"preferredTechs.0.id": "42", "serviceLine.id": "21", "estimatedPrice": "150", "duration": "3600", "frequency": `"yearly"`, "interval": "1"}},
		{item: "/contract/202", list: "/contract?vendorId=1", key: "contracts", want: map[string]string{
			"parent.id": "201", "customer.id": "2", "location.id": "12", "office.id": "11", "owner.id": "41", "sales.id": "42",
			"paymentTerms.id": "61", "startsOn": "1704067200", "invoiceDetailLevel": `["public","items"]`,
			"quoteDetailLevel": `["public","items_by_type","type_detail"]`, "active": "true", "jobTerms": "null"}},
		{item: "/contract/201", list: "/contract?vendorId=1", key: "contracts", want: map[string]string{"type": `"default"`, "jobTerms.id": "51"}},
		{item: "/contract/202/rule/211", list: "/contract/202/rule", key: "rules", want: map[string]string{
			"type": `"unit"`, "price": "20", "libItems.0.id": "71", "contract.id": "202"}},
		{item: "/user/41/value/221", list: "/user/41/value", key: "uservalues", want: map[string]string{
			"name": `"defaultWarehouse"`, "value": `"151"`, "user.id": "41"}},
	}
	for _, tc := range cases {
		status, env := call(t, s, tok, http.MethodGet, tc.item, "")
		if status != http.StatusOK {
			t.Errorf("GET %s = %d %v", tc.item, status, env)
			continue
		}
		checkFields(t, "GET "+tc.item, env["data"], tc.want)
		id := tc.item[strings.LastIndex(tc.item, "/")+1:]
		status, env = call(t, s, tok, http.MethodGet, tc.list, "")
		list := env["data"]
		if tc.key != "" {
			list, _ = at(list, tc.key)
		}
		entries, _ := list.([]any)
		var entry any
		for _, e := range entries {
			if got, _ := at(e, "id"); strings.Trim(string(must(json.Marshal(got))), `"`) == id {
				entry = e
			}
		}
		if status != http.StatusOK || entry == nil {
			t.Errorf("GET %s = %d: no entry %s in %v", tc.list, status, id, env)
			continue
		}
		want := tc.listWant
		if want == nil {
			want = tc.want
		}
		checkFields(t, "GET "+tc.list+" entry "+id, entry, want)
	}

	// What has no list of its own.
	for path, want := range map[string]map[string]string{
		"/accountsettings":         {"jobTermsId": "51", "quoteTermsId": "52", "invoiceTermsId": "null", "assetDefinitions": "[81,82]"},
		"/externalid/company/2/qb": {"value": `"CUST-2"`},
		"/externalid/company/2":    {"values": `{"qb":"CUST-2"}`},
		"/user/41/role":            {"roles.0.id": "31", "roles.1.id": "32"},
	} {
		status, env := call(t, s, tok, http.MethodGet, path, "")
		if status != http.StatusOK {
			t.Errorf("GET %s = %d %v", path, status, env)
			continue
		}
		checkFields(t, "GET "+path, env["data"], want)
	}
}

// Ids the API gives after a seed come after every id in use, and never
// below firstID.
func TestSeedNewIDsFollowTheLargest(t *testing.T) {
	for _, tc := range []struct {
		section string
		want    int64
	}{
		{`{"tags":[{"id":5,"name":"a"}]}`, firstID + 3}, // the vendor company and the login user come first
		{`{"tags":[{"id":` + strconv.FormatInt(firstID+100, 10) + `,"name":"a"}]}`, firstID + 103},
		{`{"account_company_id":` + strconv.FormatInt(firstID+200, 10) + `}`, firstID + 202}, // the account company's id counts
	} {
		s, err := NewSeeded(Options{}, json.RawMessage(tc.section))
		if err != nil {
			t.Fatalf("%s: %v", tc.section, err)
		}
		status, env := call(t, s, token(t, s), http.MethodPost, "/tag", `{"name":"fresh"}`)
		got, _ := at(env["data"], "id")
		if status != http.StatusOK || int64(got.(float64)) != tc.want {
			t.Errorf("%s: POST /tag = %d, id %v; want id %d", tc.section, status, got, tc.want)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// The example of SEED-servicetrade.md loads.
func TestSeedDocumentedExampleLoads(t *testing.T) {
	doc, err := os.ReadFile("SEED-servicetrade.md")
	if err != nil {
		t.Fatal(err)
	}
	_, example, found := strings.Cut(string(doc), "## Example\n\n```yaml\n")
	example, _, closed := strings.Cut(example, "```")
	if !found || !closed {
		t.Fatal("SEED-servicetrade.md has no YAML example under ## Example")
	}
	f, err := seedfile.Parse("SEED-servicetrade.md", []byte(example))
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSeeded(Options{}, f.ServiceTrade)
	if err != nil {
		t.Fatalf("the documented example does not load:\n%v", err)
	}
	checkFields(t, "auth user", authUserOf(t, s), map[string]string{"location.id": "11", "roles.0.id": "31"})
}
