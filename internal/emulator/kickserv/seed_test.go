package kickserv_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

func kickservSection(t *testing.T, yml string) json.RawMessage {
	t.Helper()
	f, err := seedfile.Parse("seed.yaml", []byte("version: 1\nkickserv:\n"+yml))
	if err != nil {
		t.Fatal(err)
	}
	return f.Kickserv
}

func seededHarness(t *testing.T, section json.RawMessage) *harness {
	t.Helper()
	emu, err := kickserv.NewSeeded(kickserv.Options{}, section)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &harness{t: t, srv: srv, emu: emu}
}

func TestNewSeeded_employeesVisibleThroughTheAPI(t *testing.T) {
	h := seededHarness(t, kickservSection(t, `
  employees:
    - id: 5000000001
      employee_number: 7
      name: Olga Owner
      username: olga
      email_address: olga@example.com
      can_login: true
      password: s3cret-owner
      is_account_owner: true
      created_at: "2024-01-02T09:04:05-06:00"
    - name: Nina New
      city: Dallas
      notify_via_email: false
      active: false
`))
	status, _, body := h.do(http.MethodGet, acct+"/employees/7.xml", "", "")
	if status != http.StatusOK {
		t.Fatalf("GET the seeded owner with the fixed token: %d %s", status, body)
	}
	for _, want := range []string{
		`<id type="integer">5000000001</id>`, `<name>Olga Owner</name>`, `<username>olga</username>`,
		`<is-account-owner type="boolean">true</is-account-owner>`, `<created-at type="datetime">2024-01-02T09:04:05-06:00</created-at>`,
		`<updated-at type="datetime">2024-01-02T09:04:05-06:00</updated-at>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("owner %s lacks %s", body, want)
		}
	}
	if !h.emu.PasswordMatches(kickserv.Account, 7, "s3cret-owner") {
		t.Error("the seeded password does not match")
	}
	// Without id and number: the next ones after the largest in use.
	status, _, body = h.do(http.MethodGet, acct+"/employees/8.xml", "", "")
	if status != http.StatusOK || !strings.Contains(body, `<id type="integer">5000000008</id>`) || !strings.Contains(body, `<city>Dallas</city>`) ||
		!strings.Contains(body, `<notify-via-email type="boolean">false</notify-via-email>`) || !strings.Contains(body, `<active type="boolean">false</active>`) {
		t.Errorf("second employee: %d %s", status, body)
	}
	// Exactly what the section says: no built-in technicians.
	status, _, body = h.do(http.MethodGet, acct+"/employees.xml", "", "")
	if status != http.StatusOK || strings.Count(body, "<employee>") != 2 {
		t.Errorf("list: %d %s", status, body)
	}
	// The other account keeps its built-in employees, with ids after the seed's.
	status, _, body = h.do(http.MethodGet, "/"+kickserv.OtherAccount+"/employees/1.xml", "", "", kickserv.OtherAPIToken, kickserv.OtherAPIToken)
	if status != http.StatusOK || !strings.Contains(body, "Otto Other") || !strings.Contains(body, `<id type="integer">5000000015</id>`) {
		t.Errorf("other account: %d %s", status, body)
	}
	// The API works on seeded employees: a new one gets the next number.
	if n := h.create(`<employee><name>Late Hire</name></employee>`); n != "9" {
		t.Errorf("new employee number %s, want 9", n)
	}
}

func TestNewSeeded_noOwnerAddsTheBuiltInOne(t *testing.T) {
	h := seededHarness(t, kickservSection(t, "  employees:\n    - {name: Solo, employee_number: 3}\n"))
	status, _, body := h.do(http.MethodGet, acct+"/employees/4.xml", "", "")
	if status != http.StatusOK || !strings.Contains(body, "Emma Ulator") {
		t.Fatalf("owner: %d %s", status, body)
	}
	h = seededHarness(t, kickservSection(t, "  {}\n"))
	status, _, body = h.do(http.MethodGet, acct+"/employees.xml", "", "")
	if status != http.StatusOK || strings.Count(body, "<employee>") != 1 || !strings.Contains(body, "Emma Ulator") {
		t.Fatalf("empty section: %d %s", status, body)
	}
}

func TestNewSeeded_nilIsTheBuiltInSeed(t *testing.T) {
	h := seededHarness(t, nil)
	status, _, body := h.do(http.MethodGet, acct+"/employees.xml", "", "")
	if status != http.StatusOK || strings.Count(body, "<employee>") != 3 {
		t.Fatalf("built-in: %d %s", status, body)
	}
}

func TestKickservDump_loadThenDumpIsStable(t *testing.T) {
	h := newHarness(t, kickserv.Options{})
	h.create(`<employee><name>Pat &amp; Co</name><username>pat</username><can-login>true</can-login><password>pw-1</password><zip-code>78701</zip-code></employee>`)
	dump, err := h.emu.Dump()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(dump), `"password"`) || !strings.Contains(string(dump), `"encrypted_password"`) || !strings.Contains(string(dump), `"Pat & Co"`) {
		t.Errorf("dump: %s", dump)
	}
	again, err := kickserv.NewSeeded(kickserv.Options{}, dump)
	if err != nil {
		t.Fatalf("loading the dump: %v\n%s", err, dump)
	}
	dump2, err := again.Dump()
	if err != nil {
		t.Fatal(err)
	}
	if string(dump) != string(dump2) {
		t.Fatalf("dump after load differs:\n%s\n%s", dump, dump2)
	}
	if !again.PasswordMatches(kickserv.Account, 4, "pw-1") {
		t.Error("the password is not kept by dump and load")
	}
	var d struct {
		Employees []struct {
			ID int64 `json:"id"`
		} `json:"employees"`
	}
	if err := json.Unmarshal(dump, &d); err != nil || len(d.Employees) != 4 {
		t.Fatalf("dump = %s (%v)", dump, err)
	}
	for i := 1; i < len(d.Employees); i++ {
		if d.Employees[i].ID <= d.Employees[i-1].ID {
			t.Errorf("dump not sorted by id: %s", dump)
		}
	}
}

func TestNewSeeded_invalidEmployeesAreNamed(t *testing.T) {
	_, err := kickserv.NewSeeded(kickserv.Options{}, kickservSection(t, `
  employees:
    - {id: 10, employee_number: 1, name: A, username: amy, is_account_owner: true}
    - {id: 10, employee_number: 1, name: B, username: AMY}
    - {name: " ", employee-number: 3}
    - {name: C, can_login: true}
    - {name: D, password: x, encrypted_password: abc, password_salt: abc}
    - {name: E, encrypted_password: abc}
    - {name: F, is_account_owner: true, active: false}
    - {name: G, employee_number: 0, id: -1}
    - {name: H, created_at: "2024-01-02"}
    - {name: I, active: "yes"}
`))
	if err == nil {
		t.Fatal("no error")
	}
	got := err.Error()
	for _, want := range []string{
		`kickserv.employees[1] ("B"): id 10 is already the id of kickserv.employees[0]: ids are unique`,
		`kickserv.employees[1] ("B"): employee_number 1 is already the number of kickserv.employees[0]`,
		`kickserv.employees[1] ("B"): username "AMY" is already the username of kickserv.employees[0]`,
		`kickserv.employees[2] (" "): unknown member "employee-number" (did you mean "employee_number"?)`,
		`kickserv.employees[3] ("C"): can_login is true but username is missing`,
		`kickserv.employees[3] ("C"): can_login is true but the employee has no password`,
		`kickserv.employees[4] ("D"): give either password`,
		`kickserv.employees[5] ("E"): encrypted_password and password_salt go together`,
		`kickserv.employees[6] ("F"): is_account_owner is true, and kickserv.employees[0] is already the account owner`,
		`kickserv.employees[6] ("F"): the account owner is inactive`,
		`kickserv.employees[7] ("G"): id -1 is not a Kickserv id`,
		`kickserv.employees[7] ("G"): employee_number 0 is not an employee number`,
		`kickserv.employees[8] ("H"): created_at "2024-01-02" is not a timestamp`,
		`kickserv.employees[9] ("I"): active is the string "yes", expected true or false`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors\n%s\ndo not contain\n%s", got, want)
		}
	}
	_, err = kickserv.NewSeeded(kickserv.Options{}, kickservSection(t, "  employees:\n    - {name: Blank}\n    - {name: Imposter, username: Emma}\n"))
	if err == nil || !strings.Contains(err.Error(), `kickserv.employees[1]: username emma is the built-in account owner's`) {
		t.Errorf("username of the built-in owner: %v", err)
	}
	_, err = kickserv.NewSeeded(kickserv.Options{}, kickservSection(t, "  employees:\n    - {name: \"\"}\n"))
	if err == nil || !strings.Contains(err.Error(), `kickserv.employees[0]: name is required`) {
		t.Errorf("blank name: %v", err)
	}
}
