package servicetrade

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// authUserOf logs in with the legacy session flow and returns the user
// POST /auth answers with; it checks the OAuth2 flow works too.
func authUserOf(t *testing.T, s *Server) map[string]any {
	t.Helper()
	token(t, s)
	status, env := call(t, s, "", http.MethodPost, "/auth", `{"username":"`+Username+`","password":"`+Password+`"}`)
	u, _ := at(env["data"], "user")
	user, _ := u.(map[string]any)
	if status != http.StatusOK || user == nil {
		t.Fatalf("POST /auth = %d %v", status, env)
	}
	return user
}

// The emulator's credentials keep working whatever the seed: a section
// without the login user gets one, in the account company.
func TestSeedLoginUser(t *testing.T) {
	t.Run("created when the section has none", func(t *testing.T) {
		s, err := NewSeeded(Options{}, json.RawMessage(`{
			"companies":[{"id":1,"name":"Us","vendor":true},{"id":2,"name":"Them","customer":true}],
			"locations":[{"id":3,"name":"Their Shop","companyId":2},{"id":5,"name":"HQ","companyId":1},{"id":4,"name":"Branch","companyId":1}],
			"users":[{"id":6,"username":"other","firstName":"O","lastName":"T","email":"o@example.com"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		checkFields(t, "auth user", authUserOf(t, s), map[string]string{
			"username": `"` + Username + `"`, "company.id": "1", "location.id": "4", "status": `"active"`, "account.name": `"Us"`})
	})
	t.Run("created in the built-in account company of an empty section", func(t *testing.T) {
		s, err := NewSeeded(Options{}, json.RawMessage(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		user := authUserOf(t, s)
		checkFields(t, "auth user", user, map[string]string{"company.name": `"` + VendorCompany + `"`, "location": "null", "roles": "[]"})
		// Users, lib items and the like list by the account company.
		_, env := call(t, s, token(t, s), http.MethodGet, "/user", "")
		checkFields(t, "GET /user", env["data"], map[string]string{"users.0.username": `"` + Username + `"`})
	})
	t.Run("the section's own", func(t *testing.T) {
		s, err := NewSeeded(Options{}, json.RawMessage(`{"companies":[{"id":1,"name":"Us","vendor":true}],
			"users":[{"id":9,"username":"`+Username+`","firstName":"Zed","lastName":"Z","email":"z@example.com","status":"inactive"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		checkFields(t, "auth user", authUserOf(t, s), map[string]string{"id": "9", "firstName": `"Zed"`})
		if n := len(s.users); n != 1 {
			t.Errorf("%d users, want the section's one", n)
		}
	})
	for name, tc := range map[string]struct{ section, want string }{
		"in another company": {
			`{"companies":[{"id":1,"name":"Us","vendor":true},{"id":2,"name":"Them"}],"users":[{"id":9,"username":"` + Username + `","firstName":"A","lastName":"B","email":"e","companyId":2}]}`,
			`servicetrade.users: user 9 ("emulator") is the login user: it belongs to the account company 1, not to company 2`},
		"differing in case": {
			`{"users":[{"id":9,"username":"EMULATOR","firstName":"A","lastName":"B","email":"e"}]}`,
			`servicetrade.users: user 9's username "EMULATOR" differs from the login user's "emulator" only in case`},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := NewSeeded(Options{}, json.RawMessage(tc.section)); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("NewSeeded = %v, want %q", err, tc.want)
			}
		})
	}
}

// Which company is the account's own.
func TestSeedAccountCompany(t *testing.T) {
	for name, tc := range map[string]struct {
		section string
		want    int64  // the account company, or
		err     string // the error
	}{
		"the one vendor":               {section: `{"companies":[{"id":1,"name":"C"},{"id":2,"name":"V","vendor":true}]}`, want: 2},
		"named":                        {section: `{"account_company_id":3,"companies":[{"id":2,"name":"V","vendor":true},{"id":3,"name":"W","vendor":true}]}`, want: 3},
		"the built-in one, with an id": {section: `{"account_company_id":7,"locations":[{"id":8,"name":"HQ","companyId":7}]}`, want: 7},
		"no vendor": {section: `{"companies":[{"id":1,"name":"C"}]}`,
			err: `servicetrade.companies: no company is the account's own: give it "vendor": true`},
		"several vendors": {section: `{"companies":[{"id":2,"name":"V","vendor":true},{"id":3,"name":"W","vendor":true}]}`,
			err: `servicetrade.account_company_id: is required when several companies have "vendor": true (ids 2, 3)`},
		"named, not a vendor": {section: `{"account_company_id":1,"companies":[{"id":1,"name":"C"},{"id":2,"name":"V","vendor":true}]}`,
			err: `servicetrade.account_company_id: company 1 ("C") is the account's own company: give it "vendor": true`},
		"named, not a company": {section: `{"account_company_id":9,"companies":[{"id":2,"name":"V","vendor":true}]}`,
			err: `servicetrade.account_company_id: 9 is not a company of this seed (servicetrade.companies has ids 2)`},
	} {
		t.Run(name, func(t *testing.T) {
			s, err := NewSeeded(Options{}, json.RawMessage(tc.section))
			switch {
			case tc.err != "":
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("NewSeeded = %v, want %q", err, tc.err)
				}
			case err != nil:
				t.Fatal(err)
			case s.accountCompanyID != tc.want:
				t.Errorf("account company %d, want %d", s.accountCompanyID, tc.want)
			}
		})
	}
	// Offices are the account company's locations.
	s, err := NewSeeded(Options{}, json.RawMessage(`{"account_company_id":7,"locations":[{"id":8,"name":"HQ","companyId":7}]}`))
	if err != nil {
		t.Fatal(err)
	}
	_, env := call(t, s, token(t, s), http.MethodGet, "/location?isVendor=true", "")
	checkFields(t, "offices", env["data"], map[string]string{"locations.0.id": "8", "locations.0.company.name": `"` + VendorCompany + `"`})
}
