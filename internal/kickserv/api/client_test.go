package api_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

func newEmulator(t *testing.T, opts emulator.Options) (*emulator.Emulator, string) {
	t.Helper()
	e := emulator.New(opts)
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return e, srv.URL + emulator.KickservPrefix
}

func newClient(t *testing.T, base, account, token string) *api.Client {
	t.Helper()
	c, err := api.New(api.Config{
		BaseURL: base, Account: account, APIToken: token,
		HTTP: transport.Config{Retry: transport.RetryPolicy{MinDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func str(s string) *string { return &s }
func boolp(b bool) *bool   { return &b }

func TestEmployeeLifecycle(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, base, emuks.Account, emuks.APIToken)
	ctx := context.Background()

	created, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("John Doe"), City: str("Austin"), CellPhone: str("555-0199")})
	if err != nil {
		t.Fatal(err)
	}
	if created.ID <= 1<<32 {
		t.Errorf("id %d does not exercise 64-bit ids", created.ID)
	}
	if created.Number <= 0 || created.Number == created.ID {
		t.Errorf("employee number %d must be a distinct, small identifier (id %d)", created.Number, created.ID)
	}
	if created.Name != "John Doe" || deref(created.City) != "Austin" || !created.Active || created.CanLogin || created.IsAccountOwner ||
		created.Username != nil || created.CreatedAt == nil || created.UpdatedAt == nil {
		t.Errorf("created employee = %+v", created)
	}

	got, err := c.GetEmployee(ctx, created.Number)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != created.ID || got.Name != "John Doe" || deref(got.CellPhone) != "555-0199" || !got.CreatedAt.Equal(*created.CreatedAt) {
		t.Errorf("read back = %+v, want %+v", got, created)
	}

	// Only what is sent changes; "" clears a field.
	updated, err := c.UpdateEmployee(ctx, created.Number, api.EmployeeInput{City: str("Dallas"), CellPhone: str(""), NotifyViaMobile: boolp(true)})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Name != "John Doe" || deref(updated.City) != "Dallas" || updated.CellPhone != nil || !updated.NotifyViaMobile || updated.ID != created.ID {
		t.Errorf("updated employee = %+v", updated)
	}

	deactivated, err := c.Deactivate(ctx, created.Number)
	if err != nil {
		t.Fatal(err)
	}
	if deactivated.Active {
		t.Errorf("Deactivate left the employee active: %+v", deactivated)
	}
	// Still there, inactive: employees cannot be deleted.
	got, err = c.GetEmployee(ctx, created.Number)
	if err != nil || got.Active {
		t.Fatalf("after Deactivate: %+v, %v; want an inactive employee", got, err)
	}
	inactive, err := c.ListEmployees(ctx, api.EmployeeFilter{Active: boolp(false)})
	if err != nil {
		t.Fatal(err)
	}
	if !containsNumber(inactive, created.Number) {
		t.Errorf("ListEmployees(active=false) = %v, want it to contain %d", numbers(inactive), created.Number)
	}
	for _, e := range inactive {
		if e.Active {
			t.Errorf("ListEmployees(active=false) returned active employee %d", e.Number)
		}
	}
	active, err := c.ListEmployees(ctx, api.EmployeeFilter{Active: boolp(true)})
	if err != nil {
		t.Fatal(err)
	}
	if containsNumber(active, created.Number) {
		t.Errorf("ListEmployees(active=true) contains the deactivated employee %d", created.Number)
	}
}

func TestLoginEmployeePasswordRotatesItsToken(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{})
	c := newClient(t, base, emuks.Account, emuks.APIToken)
	ctx := context.Background()
	emp, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("Jane"), CanLogin: boolp(true), Username: str("jane"), Password: str("first-pass-123")})
	if err != nil {
		t.Fatal(err)
	}
	if !emp.CanLogin || deref(emp.Username) != "jane" {
		t.Errorf("created = %+v", emp)
	}
	if !e.Kickserv.PasswordMatches(emuks.Account, emp.Number, "first-pass-123") {
		t.Fatal("the emulator did not receive the password")
	}
	oldToken := e.Kickserv.APITokenOf(emuks.Account, emp.Number)
	asJane := newClient(t, base, emuks.Account, oldToken)
	if _, err := asJane.GetEmployee(ctx, emp.Number); err != nil {
		t.Fatalf("the employee's own token does not work: %v", err)
	}

	// An update without a password leaves it alone.
	if _, err := c.UpdateEmployee(ctx, emp.Number, api.EmployeeInput{City: str("Waco")}); err != nil {
		t.Fatal(err)
	}
	if !e.Kickserv.PasswordMatches(emuks.Account, emp.Number, "first-pass-123") || e.Kickserv.APITokenOf(emuks.Account, emp.Number) != oldToken {
		t.Fatal("an update without a password changed the password or the token")
	}

	if _, err := c.UpdateEmployee(ctx, emp.Number, api.EmployeeInput{Password: str("second-pass-456")}); err != nil {
		t.Fatal(err)
	}
	if !e.Kickserv.PasswordMatches(emuks.Account, emp.Number, "second-pass-456") {
		t.Fatal("the new password was not stored")
	}
	if e.Kickserv.APITokenOf(emuks.Account, emp.Number) == oldToken {
		t.Fatal("changing the password did not change the API token")
	}
	_, err = asJane.GetEmployee(ctx, emp.Number)
	if !api.IsUnauthorized(err) {
		t.Fatalf("the old token still works after the password change: %v", err)
	}
}

func TestValidationErrorsCarryKickservMessages(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, base, emuks.Account, emuks.APIToken)
	ctx := context.Background()
	first, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("A"), Username: str("taken")})
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("B"), Username: str("free")})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		call func() error
		want []string
	}{
		{"duplicate username on create", func() error {
			_, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("C"), Username: str("TAKEN")})
			return err
		}, []string{"Username has already been taken"}},
		{"duplicate username on update", func() error {
			_, err := c.UpdateEmployee(ctx, second.Number, api.EmployeeInput{Username: str("taken")})
			return err
		}, []string{"Username has already been taken"}},
		{"blank name", func() error {
			_, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("")})
			return err
		}, []string{"Name can't be blank"}},
		{"login without username and password", func() error {
			_, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("D"), CanLogin: boolp(true)})
			return err
		}, []string{"Username can't be blank", "Password can't be blank"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			var apiErr *api.Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnprocessableEntity || !api.IsValidation(err) {
				t.Fatalf("got %v, want a 422 *api.Error", err)
			}
			if strings.Join(apiErr.Messages, "|") != strings.Join(tc.want, "|") {
				t.Errorf("messages = %q, want %q verbatim", apiErr.Messages, tc.want)
			}
			if api.IsNotFound(err) {
				t.Errorf("a validation error counted as not found: %v", err)
			}
		})
	}
	// The first employee is unchanged by the refused update of the second.
	if got, err := c.GetEmployee(ctx, first.Number); err != nil || deref(got.Username) != "taken" {
		t.Errorf("first employee = %+v, %v", got, err)
	}
}

func TestUnknownEmployeeIsNotFoundInBothForms(t *testing.T) {
	for _, status := range []int{http.StatusNotFound, http.StatusBadRequest} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			srv := httptest.NewServer(emuks.New(emuks.Options{UnknownRecordStatus: status}))
			defer srv.Close()
			c := newClient(t, srv.URL, emuks.Account, emuks.APIToken)
			ctx := context.Background()
			_, err := c.GetEmployee(ctx, 987654)
			var apiErr *api.Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
				t.Fatalf("got %v, want a %d *api.Error", err, status)
			}
			if !api.IsNotFound(err) {
				t.Errorf("GetEmployee of an unknown number: %v, want IsNotFound", err)
			}
			if _, err := c.UpdateEmployee(ctx, 987654, api.EmployeeInput{City: str("x")}); !api.IsNotFound(err) {
				t.Errorf("UpdateEmployee of an unknown number: %v, want IsNotFound", err)
			}
			if _, err := c.Deactivate(ctx, 987654); !api.IsNotFound(err) {
				t.Errorf("Deactivate of an unknown number: %v, want IsNotFound", err)
			}
		})
	}
}

// Only the record asked for can be "gone": errors of collection requests,
// a wrong base URL or wrong credentials never count as not found.
func TestNotFoundIsOnlyForTheRecordAskedFor(t *testing.T) {
	srv := httptest.NewServer(emulator.New(emulator.Options{}))
	defer srv.Close()
	ctx := context.Background()
	// A base URL with an extra segment reaches Kickserv on a path it does
	// not route, which a Rails app answers with its HTML 404 page.
	wrongBase := newClient(t, srv.URL+emulator.KickservPrefix+"/extra", emuks.Account, emuks.APIToken)
	_, err := wrongBase.ListEmployees(ctx, api.EmployeeFilter{})
	if !hasStatus(err, http.StatusNotFound) || api.IsNotFound(err) {
		t.Errorf("list under a wrong base URL: %v; want a 404 that is not IsNotFound", err)
	}
	if !strings.Contains(err.Error(), "The page you were looking for doesn't exist (404)") {
		t.Errorf("error %q does not carry the title of the HTML error page", err)
	}
	wrongAccount := newClient(t, srv.URL+emulator.KickservPrefix, "no-such-account", emuks.APIToken)
	_, err = wrongAccount.GetEmployee(ctx, 1)
	if api.IsNotFound(err) || !api.IsUnauthorized(err) {
		t.Errorf("unknown account: %v; want 401, not IsNotFound", err)
	}
}

func TestWrongCredentialsGiveAClearError(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	cases := []struct{ name, account, token string }{
		{"wrong token", emuks.Account, "wrong-token-value"},
		{"unknown account", "no-such-account", emuks.APIToken},
		{"token of another account", emuks.Account, emuks.OtherAPIToken},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, base, tc.account, tc.token)
			_, err := c.ListEmployees(context.Background(), api.EmployeeFilter{})
			var authErr *api.AuthError
			if !errors.As(err, &authErr) || !api.IsUnauthorized(err) {
				t.Fatalf("got %v, want an *api.AuthError (401)", err)
			}
			for _, w := range []string{"401", "Invalid Username, Account or password.", "KICKSERV_API_TOKEN", "KICKSERV_ACCOUNT"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if strings.Contains(err.Error(), tc.token) {
				t.Errorf("error %q leaks the token", err)
			}
		})
	}
	// The other account's token opens the other account.
	if _, err := newClient(t, base, emuks.OtherAccount, emuks.OtherAPIToken).ListEmployees(context.Background(), api.EmployeeFilter{}); err != nil {
		t.Errorf("other account with its own token: %v", err)
	}
}

func TestListEmployeesPages(t *testing.T) {
	cases := []struct {
		name                string
		pageSize, create    int
		wantTotal, wantGets int
	}{
		// 3 seeded + 60 = 63: two full pages of 30 and a short one.
		{"documented 30 per page, short last page", 0, 60, 63, 3},
		// 3 seeded + 57 = 60: two full pages, then an empty one.
		{"documented 30 per page, exact multiple", 0, 57, 60, 3},
		// 3 seeded + 4 = 7 in pages of 2: 4 pages, the last short.
		{"small pages", 2, 4, 7, 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, base := newEmulator(t, emulator.Options{PageSize: tc.pageSize})
			c := newClient(t, base, emuks.Account, emuks.APIToken)
			ctx := context.Background()
			for i := 0; i < tc.create; i++ {
				if _, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("Tech")}); err != nil {
					t.Fatal(err)
				}
			}
			e.ResetRequests()
			all, err := c.ListEmployees(ctx, api.EmployeeFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != tc.wantTotal {
				t.Errorf("ListEmployees returned %d employees, want %d", len(all), tc.wantTotal)
			}
			seen := map[int64]bool{}
			for _, emp := range all {
				if seen[emp.Number] {
					t.Errorf("employee %d listed twice", emp.Number)
				}
				seen[emp.Number] = true
			}
			if got := e.Requests()["kickserv GET"]; got != tc.wantGets {
				t.Errorf("listing took %d GET requests, want %d", got, tc.wantGets)
			}
		})
	}
}

// The client asks only for the fields it needs, so the password material
// Kickserv would otherwise return never arrives, and passwords sent are
// redacted from the trace logs.
func TestPasswordMaterialIsNeverLoggedOrReturned(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{})
	c := newClient(t, base, emuks.Account, emuks.APIToken)
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	const password = "very-secret-password-42"
	emp, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("Logged"), CanLogin: boolp(true), Username: str("logged"), Password: str(password)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetEmployee(ctx, emp.Number); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateEmployee(ctx, emp.Number, api.EmployeeInput{Password: str(password + "-2")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListEmployees(ctx, api.EmployeeFilter{}); err != nil {
		t.Fatal(err)
	}
	entries, err := tflogtest.MultilineJSONDecode(&logs)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, entry := range entries {
		fmt.Fprintln(&sb, entry)
	}
	out := sb.String()
	if !strings.Contains(out, "API response detail") || !strings.Contains(out, "<employee>") {
		t.Fatalf("no trace log of the bodies was captured, so the test proves nothing:\n%s", out)
	}
	// Without only=, the emulator (like Kickserv) returns the hash.
	raw := rawGet(t, base+"/"+emuks.Account+"/employees/"+strconv.FormatInt(emp.Number, 10)+".xml")
	if !strings.Contains(raw, "<encrypted-password>") || !strings.Contains(raw, "<password-salt>") {
		t.Fatalf("the emulator no longer returns password material without only=, so the test proves nothing:\n%s", raw)
	}
	for _, leak := range []string{password, "encrypted-password", "password-salt", "remember-token", emuks.APIToken, e.Kickserv.APITokenOf(emuks.Account, emp.Number)} {
		if strings.Contains(out, leak) {
			t.Errorf("the logs contain %q", leak)
		}
	}
	if !strings.Contains(out, "<password>"+transport.Redacted+"</password>") {
		t.Errorf("the request body with the password was not logged redacted")
	}
}

func TestRequestsConcurrentlyShareOneClient(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, base, emuks.Account, emuks.APIToken)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("Parallel")})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	all, err := c.ListEmployees(ctx, api.EmployeeFilter{})
	if err != nil || len(all) != 23 {
		t.Fatalf("ListEmployees = %d, %v; want 3 seeded + 20", len(all), err)
	}
}

func TestConfigIsValidated(t *testing.T) {
	cases := []struct {
		cfg  api.Config
		want string
	}{
		{api.Config{BaseURL: "http://kickserv.example.com", Account: "a", APIToken: "t"}, "plain http"},
		{api.Config{Account: "", APIToken: "t"}, "account slug is missing"},
		{api.Config{Account: "a", APIToken: ""}, "API token is missing"},
	}
	for _, tc := range cases {
		_, err := api.New(tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v) = %v, want an error mentioning %q", tc.cfg, err, tc.want)
		}
	}
	if _, err := api.New(api.Config{Account: "acme", APIToken: "t"}); err != nil {
		t.Errorf("the default base URL is refused: %v", err)
	}
}

func rawGet(t *testing.T, u string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.SetBasicAuth(emuks.APIToken, emuks.APIToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func hasStatus(err error, status int) bool {
	var apiErr *api.Error
	return errors.As(err, &apiErr) && apiErr.StatusCode == status
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func containsNumber(list []api.Employee, n int64) bool {
	for _, e := range list {
		if e.Number == n {
			return true
		}
	}
	return false
}

func numbers(list []api.Employee) []int64 {
	out := make([]int64, len(list))
	for i, e := range list {
		out[i] = e.Number
	}
	return out
}
