package kickserv_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
)

type harness struct {
	t   *testing.T
	srv *httptest.Server
	emu *kickserv.Server
}

func newHarness(t *testing.T, opts kickserv.Options) *harness {
	emu := kickserv.New(opts)
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &harness{t: t, srv: srv, emu: emu}
}

// do sends a raw request as the account owner unless user is given.
func (h *harness) do(method, path, contentType, body string, auth ...string) (int, http.Header, string) {
	h.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, h.srv.URL+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	user, pass := kickserv.APIToken, kickserv.APIToken
	if len(auth) == 2 {
		user, pass = auth[0], auth[1]
	}
	req.SetBasicAuth(user, pass)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

const acct = "/" + kickserv.Account

var numberRE = regexp.MustCompile(`<employee-number type="integer">(\d+)</employee-number>`)

func (h *harness) create(body string) string {
	h.t.Helper()
	status, hdr, out := h.do(http.MethodPost, acct+"/employees.xml", "application/xml", body)
	if status != http.StatusCreated {
		h.t.Fatalf("create: %d %s", status, out)
	}
	m := numberRE.FindStringSubmatch(out)
	if m == nil || !strings.HasSuffix(hdr.Get("Location"), "/employees/"+m[1]+".xml") {
		h.t.Fatalf("create answered %s with Location %q", out, hdr.Get("Location"))
	}
	return m[1]
}

func TestEmployeesCannotBeDeleted(t *testing.T) {
	h := newHarness(t, kickserv.Options{})
	status, hdr, body := h.do(http.MethodDelete, acct+"/employees/2.xml", "", "")
	if status != http.StatusMethodNotAllowed || hdr.Get("Allow") != "GET, PUT" {
		t.Errorf("DELETE an employee: %d, Allow %q, %q; want 405 with Allow: GET, PUT", status, hdr.Get("Allow"), body)
	}
	if status, _, _ := h.do(http.MethodGet, acct+"/employees/2.xml", "", ""); status != http.StatusOK {
		t.Errorf("the employee is gone after a refused DELETE: %d", status)
	}
	if status, hdr, _ := h.do(http.MethodPut, acct+"/employees.xml", "application/xml", "<employee/>"); status != http.StatusMethodNotAllowed || hdr.Get("Allow") != "GET, POST" {
		t.Errorf("PUT on the collection: %d, Allow %q", status, hdr.Get("Allow"))
	}
}

func TestAuthentication(t *testing.T) {
	h := newHarness(t, kickserv.Options{})
	const want = "<errors>\n  <error>Invalid Username, Account or password.</error>\n</errors>"
	cases := []struct {
		name, path, user, pass string
	}{
		{"wrong token", acct + "/employees.xml", "nope-nope", "nope-nope"},
		{"token as user only", acct + "/employees.xml", kickserv.APIToken, "X"},
		{"unknown account", "/no-such-account/employees.xml", kickserv.APIToken, kickserv.APIToken},
		{"token of another account", acct + "/employees.xml", kickserv.OtherAPIToken, kickserv.OtherAPIToken},
		{"no credentials", acct + "/employees/1.xml", "", ""},
	}
	for _, tc := range cases {
		status, _, body := h.do(http.MethodGet, tc.path, "", "", tc.user, tc.pass)
		if status != http.StatusUnauthorized || !strings.Contains(body, want) {
			t.Errorf("%s: %d %q; want 401 with %q", tc.name, status, body, want)
		}
	}
	if got := h.emu.Stats().Unauthorized; got != len(cases) {
		t.Errorf("Unauthorized = %d, want %d", got, len(cases))
	}
}

func TestInputNamesAndTypesAreTolerated(t *testing.T) {
	h := newHarness(t, kickserv.Options{})
	n := h.create(`<employee><name>Dash</name><cell-phone>555-0100</cell-phone><notify-via-mobile type="boolean">true</notify-via-mobile>` +
		`<email_address>dash@example.com</email_address><id>1</id><employee_number>1</employee_number><is_account_owner>true</is_account_owner><unknown_thing>x</unknown_thing></employee>`)
	if n == "1" {
		t.Fatal("the employee number sent in the body was used")
	}
	_, _, body := h.do(http.MethodGet, acct+"/employees/"+n+".xml", "", "")
	for _, want := range []string{
		"<cell-phone>555-0100</cell-phone>", `<notify-via-mobile type="boolean">true</notify-via-mobile>`,
		"<email-address>dash@example.com</email-address>", `<is-account-owner type="boolean">false</is-account-owner>`,
		`<active type="boolean">true</active>`, `<username nil="true"></username>`, `<created-at type="datetime">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("GET does not contain %s:\n%s", want, body)
		}
	}
	// An empty element and nil="true" both clear a field.
	if status, _, out := h.do(http.MethodPut, acct+"/employees/"+n+".xml", "application/xml", `<employee><cell_phone></cell_phone><email-address nil="true"/></employee>`); status != http.StatusOK || strings.TrimSpace(out) != "" {
		t.Fatalf("PUT: %d %q; want an empty 200", status, out)
	}
	_, _, body = h.do(http.MethodGet, acct+"/employees/"+n+".xml", "", "")
	if !strings.Contains(body, `<cell-phone nil="true"></cell-phone>`) || !strings.Contains(body, `<email-address nil="true"></email-address>`) {
		t.Errorf("fields were not cleared:\n%s", body)
	}
}

func TestWritesNeedTheXMLContentType(t *testing.T) {
	h := newHarness(t, kickserv.Options{})
	status, _, _ := h.do(http.MethodPut, acct+"/employees/2.xml", "text/plain", "<employee><name>Changed</name></employee>")
	if status != http.StatusOK {
		t.Fatalf("PUT without the XML content type: %d", status)
	}
	_, _, body := h.do(http.MethodGet, acct+"/employees/2.xml", "", "")
	if !strings.Contains(body, "<name>Terry Technician</name>") {
		t.Errorf("a body not sent as application/xml was parsed:\n%s", body)
	}
	status, _, body = h.do(http.MethodPost, acct+"/employees.xml", "", "<employee><name>Lost</name></employee>")
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "<error>Name can't be blank</error>") {
		t.Errorf("POST without the XML content type: %d %s", status, body)
	}
}

func TestOnlyAndPasswordMaterial(t *testing.T) {
	h := newHarness(t, kickserv.Options{})
	n := h.create(`<employee><name>Pat</name><can_login>true</can_login><username>pat</username><password>123456</password></employee>`)
	_, _, full := h.do(http.MethodGet, acct+"/employees/"+n+".xml", "", "")
	if strings.Contains(full, "123456") {
		t.Errorf("the password is returned in clear:\n%s", full)
	}
	if !strings.Contains(full, "<encrypted-password>") || !strings.Contains(full, "<password-salt>") || !strings.Contains(full, `<remember-token nil="true">`) {
		t.Errorf("without only=, the password material is not returned as Kickserv does:\n%s", full)
	}
	if !h.emu.PasswordMatches(kickserv.Account, mustInt(t, n), "123456") || h.emu.PasswordMatches(kickserv.Account, mustInt(t, n), "1234567") {
		t.Error("PasswordMatches does not check the stored hash")
	}
	_, _, part := h.do(http.MethodGet, acct+"/employees/"+n+".xml?only=name,employee-number", "", "")
	if !strings.Contains(part, "<name>Pat</name>") || !strings.Contains(part, "<employee-number") || strings.Contains(part, "password") || strings.Contains(part, "<id") {
		t.Errorf("only=name,employee-number gave:\n%s", part)
	}
}

func TestValidations(t *testing.T) {
	h := newHarness(t, kickserv.Options{})
	h.create(`<employee><name>First</name><username>dup</username></employee>`)
	cases := []struct {
		method, path, body string
		want               []string
	}{
		{http.MethodPost, "/employees.xml", `<employee><name>Second</name><username>DUP</username></employee>`, []string{"Username has already been taken"}},
		{http.MethodPut, "/employees/2.xml", `<employee><username>dup</username></employee>`, []string{"Username has already been taken"}},
		{http.MethodPost, "/employees.xml", `<employee><name>  </name></employee>`, []string{"Name can't be blank"}},
		{http.MethodPost, "/employees.xml", `<employee><name>L</name><can_login>true</can_login></employee>`, []string{"Username can't be blank", "Password can't be blank"}},
		{http.MethodPut, "/employees/2.xml", `<employee><can_login>true</can_login><username>terry</username></employee>`, []string{"Password can't be blank"}},
		{http.MethodPut, "/employees/1.xml", `<employee><active>false</active></employee>`, []string{"The account owner can't be made inactive"}},
	}
	for _, tc := range cases {
		status, _, body := h.do(tc.method, acct+tc.path, "application/xml", tc.body)
		if status != http.StatusUnprocessableEntity {
			t.Errorf("%s %s %s: %d, want 422", tc.method, tc.path, tc.body, status)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, "<error>"+w+"</error>") {
				t.Errorf("%s %s %s: %s does not say %q", tc.method, tc.path, tc.body, body, w)
			}
		}
	}
	if status, _, body := h.do(http.MethodPost, acct+"/employees.xml", "application/xml", "<employee><name>broken"); status != http.StatusBadRequest {
		t.Errorf("malformed XML: %d %s, want 400", status, body)
	}
}

func TestInactiveEmployeesCannotUseTheAPI(t *testing.T) {
	h := newHarness(t, kickserv.Options{})
	n := h.create(`<employee><name>Leaving</name></employee>`)
	token := h.emu.APITokenOf(kickserv.Account, mustInt(t, n))
	if status, _, _ := h.do(http.MethodGet, acct+"/employees.xml", "", "", token, token); status != http.StatusOK {
		t.Fatalf("the employee's own token: %d", status)
	}
	if status, _, _ := h.do(http.MethodPut, acct+"/employees/"+n+".xml", "application/xml", "<employee><active>false</active></employee>"); status != http.StatusOK {
		t.Fatalf("deactivate: %d", status)
	}
	if status, _, _ := h.do(http.MethodGet, acct+"/employees.xml", "", "", token, token); status != http.StatusUnauthorized {
		t.Errorf("an inactive employee's token: %d, want 401", status)
	}
}

func TestListsPageAndEmptyListsAreRailsShaped(t *testing.T) {
	h := newHarness(t, kickserv.Options{PageSize: 2})
	_, _, p1 := h.do(http.MethodGet, acct+"/employees.xml", "", "")
	_, _, p2 := h.do(http.MethodGet, acct+"/employees.xml?page=2", "", "")
	_, _, p3 := h.do(http.MethodGet, acct+"/employees.xml?page=3", "", "")
	if strings.Count(p1, "<employee>") != 2 || !strings.Contains(p1, `<employees type="array">`) || strings.Count(p2, "<employee>") != 1 {
		t.Errorf("pages of 2 over 3 employees:\n%s\n%s", p1, p2)
	}
	if !strings.Contains(p3, `<nil-classes type="array"/>`) {
		t.Errorf("an empty page is not Rails' empty array:\n%s", p3)
	}
}

// The reference documents no filter on the employee list, so the emulator
// ignores ?active= as Rails ignores a parameter it does not use: the least
// convenient answer for a client that would rely on the server filtering.
func TestEmployeeListIgnoresUndocumentedFilters(t *testing.T) {
	h := newHarness(t, kickserv.Options{})
	_, _, all := h.do(http.MethodGet, acct+"/employees.xml", "", "")
	for _, q := range []string{"active=false", "active=true", "active=0", "status=inactive"} {
		_, _, got := h.do(http.MethodGet, acct+"/employees.xml?"+q, "", "")
		if got != all {
			t.Errorf("?%s changed the list:\n%s\nwant\n%s", q, got, all)
		}
	}
	if !strings.Contains(all, "Former Technician") || !strings.Contains(all, "<active type=\"boolean\">true</active>") {
		t.Errorf("the seeded list lacks the inactive or an active employee:\n%s", all)
	}
}

func TestUnknownRecords(t *testing.T) {
	status, _, body := newHarness(t, kickserv.Options{}).do(http.MethodGet, acct+"/employees/999.xml", "", "")
	if status != http.StatusNotFound || !strings.Contains(body, "<title>The page you were looking for doesn't exist (404)</title>") {
		t.Errorf("default: %d %s", status, body)
	}
	status, _, body = newHarness(t, kickserv.Options{UnknownRecordStatus: http.StatusBadRequest}).do(http.MethodPut, acct+"/employees/999.xml", "application/xml", "<employee/>")
	if status != http.StatusBadRequest || !strings.Contains(body, "<error>Record is invalid</error>") {
		t.Errorf("400 variant: %d %s", status, body)
	}
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
