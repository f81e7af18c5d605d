package servicetrade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// reloads checks that loading s's dump gives a server whose dump is the
// same bytes.
func reloads(t *testing.T, s *Server) json.RawMessage {
	t.Helper()
	dump, err := s.Dump()
	if err != nil {
		t.Fatal(err)
	}
	again, err := NewSeeded(Options{}, dump)
	if err != nil {
		t.Fatalf("loading the dump:\n%v\ndump: %s", err, dump)
	}
	redump, err := again.Dump()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dump, redump) {
		t.Fatalf("the dump of the loaded dump differs:\n%s\n%s", firstDifference(dump, redump), firstDifference(redump, dump))
	}
	return dump
}

// firstDifference shows a around where it starts to differ from b.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return string(a[max(0, i-200):min(len(a), i+200)])
}

func TestSeedDumpOfTheBuiltInSeedReloads(t *testing.T) {
	dump := reloads(t, New(Options{}))
	// Every kind is there, in the dump of the built-in seed, and nothing
	// derived.
	var members map[string]json.RawMessage
	if err := json.Unmarshal(dump, &members); err != nil {
		t.Fatal(err)
	}
	for _, k := range seedKinds {
		if _, ok := members[k.name]; !ok {
			t.Errorf("the dump has no %s", k.name)
		}
	}
	for _, derived := range []string{`"uri"`, `"refNumber"`, `"icon"`} {
		if bytes.Contains(dump, []byte(derived)) {
			t.Errorf("the dump holds the derived member %s", derived)
		}
	}
}

// A seed file's section round-trips too, with what the load adds to it
// (the account company and the login user of an empty section).
func TestSeedDumpOfASeedReloads(t *testing.T) {
	reloads(t, seeded(t, "testdata/seed-every-kind.yaml"))
	empty, err := NewSeeded(Options{}, json.RawMessage(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	reloads(t, empty)
}

// What an apply leaves behind round-trips: one object of every kind the
// provider manages, created through the API.
func TestSeedDumpAfterAPIChangesReloads(t *testing.T) {
	s := New(Options{})
	tok := token(t, s)
	s.mu.Lock()
	company := s.companyByName(SeedCustomerCompanies[0]).ID
	vendor := s.vendorCompany().ID
	office := s.firstOffice()
	supp := s.serviceLineByAbbr("SUPP").ID
	tech := s.userByUsername("ttech").ID
	me := s.userByUsername(Username).ID
	var labor int64
	for _, id := range sortedKeys(s.libItems) {
		if s.libItems[id].Type == "labor" && labor == 0 {
			labor = id
		}
	}
	s.mu.Unlock()
	post := func(path, body string) int64 {
		t.Helper()
		status, env := call(t, s, tok, http.MethodPost, path, body)
		if status != http.StatusOK {
			t.Fatalf("POST %s = %d %v", path, status, env)
		}
		id, _ := at(env["data"], "id")
		f, _ := id.(float64)
		return int64(f)
	}
	post("/region", fmt.Sprintf(`{"name":"North","points":[[36,-79],[36,-78],[35,-78]],"officeIds":[%d],"color":"#123456"}`, office))
	post("/webhook", `{"hookUrl":"https://hooks.example.com/new","includeChangesets":true}`)
	post("/externalsystem", `{"name":"acct","label":"Accounting","type":"intacct"}`)
	terms := post("/terms", `{"name":"Apply Terms","content":"Text"}`)
	qt := post("/quotetemplate", fmt.Sprintf(`{"name":"QT","termsId":%d}`, terms))
	post("/quotetemplate/"+itoa(qt)+"/item", `{"quantity":1.5,"description":"CCW Zirconium Flange"}`)
	contract := post("/contract", fmt.Sprintf(`{"type":"company","name":"C","vendorId":%d,"customerId":%d,"startsOn":1445522820,"quoteTermsId":%d}`, vendor, company, terms))
	post("/contract/"+itoa(contract)+"/rule", `{"type":"markup","name":"M","price":1.25,"threshold":2.5}`)
	post("/taxgroup", `{"code":"T1","name":"Tax One","state":"NC","combinedRate":0.0712345678,"postalCodes":["27601"]}`)
	post("/tag", `{"name":"Applied"}`)
	post("/servicetemplate", fmt.Sprintf(`{"name":"ST","description":"D","serviceLineId":%d,"preferredTechIds":[%d],"frequency":"monthly","interval":2}`, supp, tech))
	warehouse := post("/warehouse", fmt.Sprintf(`{"name":"Van 1","officeId":%d}`, office))
	post("/company/"+itoa(company)+"/brand", `{"name":"New Brand","details":""}`)
	post("/externalid/company/"+itoa(company)+"/acct", `{"value":"ACCT-1"}`)
	post("/user/"+itoa(me)+"/value", fmt.Sprintf(`{"name":"defaultWarehouse","value":"%d"}`, warehouse))
	post("/user/"+itoa(me)+"/value", fmt.Sprintf(`{"name":"defaultOnSiteItem","value":"%d"}`, labor))
	user := post("/user", fmt.Sprintf(`{"username":"newbie","firstName":"New","lastName":"Bie","email":"n@example.com","password":"secret123","companyId":%d,"locationId":%d}`, vendor, office))
	post("/libitem", `{"name":"Widget","type":"material","code":"W-1","cost":2}`)
	s.mu.Lock()
	var manager int64
	for _, id := range sortedKeys(s.access.roles) {
		if s.access.roles[id].Name == ManagerRole {
			manager = id
		}
	}
	s.mu.Unlock()
	if status, env := call(t, s, tok, http.MethodPost, fmt.Sprintf("/user/%d/role/%d", user, manager), ""); status != http.StatusOK {
		t.Fatalf("assigning a role = %d %v", status, env)
	}
	dump := reloads(t, s)
	for _, want := range []string{`"name":"North"`, `"hookUrl":"https://hooks.example.com/new"`, `"name":"acct"`, `"name":"QT"`,
		`"description":"CCW Zirconium Flange"`, `"threshold":2.5`, `"code":"T1"`, `"name":"Applied"`, `"name":"ST"`,
		`"name":"Van 1"`, `"name":"New Brand"`, `"value":"ACCT-1"`, `"name":"defaultWarehouse"`, `"username":"newbie"`, `"code":"W-1"`} {
		if !strings.Contains(string(dump), want) {
			t.Errorf("the dump lacks %s", want)
		}
	}
}

func itoa(id int64) string { return fmt.Sprint(id) }
