package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport/transporttest"
)

// The Kickserv API token (sent as Basic credentials) and an employee's
// password never follow a redirect to another origin: the server at the
// other end receives nothing, and the error says where the redirect
// pointed and why it was not followed.
func TestCredentialsNeverFollowARedirect(t *testing.T) {
	const token, password = "rd-kickserv-token-2208", "rd-employee-pass-5150"
	calls := map[string]func(*api.Client) error{
		"GET employee": func(c *api.Client) error { _, err := c.GetEmployee(context.Background(), 1); return err },
		"POST employee": func(c *api.Client) error {
			name, user, pw := "Redirected", "redirected", password
			_, err := c.CreateEmployee(context.Background(), api.EmployeeInput{Name: &name, Username: &user, Password: &pw})
			return err
		},
	}
	for name, call := range calls {
		for _, tc := range transporttest.RedirectCases {
			t.Run(name+"/"+tc.Name, func(t *testing.T) {
				origin, hc, trap := tc.Start(t, func(*http.Request) bool { return true }, nil)
				c, err := api.New(api.Config{BaseURL: origin, Account: "acme", APIToken: token,
					HTTP: transport.Config{HTTPClient: hc, Retry: transport.RetryPolicy{MinDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}}})
				if err != nil {
					t.Fatal(err)
				}
				err = call(c)
				if got := trap.Requests(); len(got) != 0 {
					t.Fatalf("the other origin received %d request(s); credentials among them: %v", len(got), trap.Leaks(token, password))
				}
				if err == nil {
					t.Fatal("no error")
				}
				for _, want := range []string{"Kickserv", "redirect", "credentials are never sent", "another origin"} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q does not mention %q", err, want)
					}
				}
				for _, s := range []string{token, password} {
					if strings.Contains(err.Error(), s) {
						t.Errorf("error %q shows a secret", err)
					}
				}
			})
		}
	}
}
