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

// What an error shows of an answer passes through the client's redactor: a
// secret the server echoes (the API token, an employee's password) in an
// <error> message or in a page shown as a snippet, or the text of a
// sensitive element of a cut document, never reaches a diagnostic.
func TestErrorsNeverShowSecretsTheServerEchoes(t *testing.T) {
	const token, password = "echo-kickserv-token-8123", "echo-employee-pass-6604"
	cases := []struct {
		name, body, hidden string
		status             int
	}{
		{"error message", `<errors><error>Password ` + password + ` is too common</error></errors>`, password, http.StatusUnprocessableEntity},
		{"html title", `<html><head><title>Token ` + token + ` locked</title></head></html>`, token, http.StatusForbidden},
		{"text", `Bad credentials: ` + token, token, http.StatusBadRequest},
		{"cut document", `<employee><name>x</name><api-token>never-registered-7719`, "never-registered-7719", http.StatusInternalServerError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := api.New(api.Config{BaseURL: transporttest.Answer(t, tc.status, "application/xml", tc.body), Account: "acme", APIToken: token,
				HTTP: transport.Config{Retry: transport.RetryPolicy{MaxAttempts: 1, MinDelay: time.Millisecond}}})
			if err != nil {
				t.Fatal(err)
			}
			name, user, pw := "Echo", "echo", password
			_, err = c.CreateEmployee(context.Background(), api.EmployeeInput{Name: &name, Username: &user, Password: &pw})
			if err == nil {
				t.Fatal("no error")
			}
			if strings.Contains(err.Error(), tc.hidden) {
				t.Errorf("error %q shows %q", err, tc.hidden)
			}
			if !strings.Contains(err.Error(), transport.Redacted) {
				t.Errorf("error %q does not show where something was redacted", err)
			}
		})
	}
}
