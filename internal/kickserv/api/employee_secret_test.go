package api_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// echoingKickserv answers every write by quoting the request body back in
// places not named "password": a validation message and an unknown
// element of the record, as a careless server (or a proxy's error page)
// might. Only a password registered as a secret is hidden there.
func echoingKickserv(t *testing.T, status int) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		sent := string(body)
		if i, j := strings.Index(sent, "<password>"), strings.Index(sent, "</password>"); i >= 0 && j > i {
			sent = sent[i+len("<password>") : j]
		}
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		w.WriteHeader(status)
		if status >= 400 {
			fmt.Fprintf(w, `<errors><error>Password %s is too common</error></errors>`, sent)
			return
		}
		fmt.Fprintf(w, `<employee><id>5</id><employee-number>5</employee-number><name>x</name><last-change>%s</last-change></employee>`, sent)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// passwordCalls are the calls that send a password, with the status the
// echoing server answers them with.
var passwordCalls = []struct {
	name   string
	status int
	call   func(*api.Client, context.Context, string) error
}{
	{"create", http.StatusCreated, func(c *api.Client, ctx context.Context, pw string) error {
		_, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("x"), Password: str(pw)})
		return err
	}},
	{"update", http.StatusOK, func(c *api.Client, ctx context.Context, pw string) error {
		_, err := c.UpdateEmployee(ctx, 5, api.EmployeeInput{Password: str(pw)})
		return err
	}},
	{"refused create", http.StatusUnprocessableEntity, func(c *api.Client, ctx context.Context, pw string) error {
		_, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: str("x"), Password: str(pw)})
		return err
	}},
	{"refused update", http.StatusUnprocessableEntity, func(c *api.Client, ctx context.Context, pw string) error {
		_, err := c.UpdateEmployee(ctx, 5, api.EmployeeInput{Password: str(pw)})
		return err
	}},
}

const echoedPassword = "Hunter-Secret-77"

func echoClient(t *testing.T, status int) *api.Client {
	t.Helper()
	c, err := api.New(api.Config{
		BaseURL: echoingKickserv(t, status), Account: "acme", APIToken: "token-0123456789",
		HTTP: transport.Config{Retry: transport.RetryPolicy{MinDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The password an employee is given is a credential of that employee: it
// is redacted from every log line once the client has sent it, whichever
// field it shows up in.
func TestEmployeePasswordIsRedactedFromLogs(t *testing.T) {
	for _, tc := range passwordCalls {
		t.Run(tc.name, func(t *testing.T) {
			c := echoClient(t, tc.status)
			var logs strings.Builder
			ctx := tflogtest.RootLogger(context.Background(), &logs)
			if err := tc.call(c, ctx, echoedPassword); (err != nil) != (tc.status >= 400) {
				t.Fatalf("a %d answer gave error %v", tc.status, err)
			}
			out := logs.String()
			if !strings.Contains(out, "API response detail") || !strings.Contains(out, transport.Redacted) {
				t.Fatalf("no redacted trace log of the bodies was captured, so the test proves nothing:\n%s", out)
			}
			if strings.Contains(out, echoedPassword) {
				t.Errorf("the logs show the password:\n%s", out)
			}
		})
	}
}

// Nor does it show in the error of a refused write, which quotes Kickserv's
// messages.
func TestEmployeePasswordIsRedactedFromErrors(t *testing.T) {
	for _, tc := range passwordCalls {
		if tc.status < 400 {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call(echoClient(t, tc.status), context.Background(), echoedPassword)
			if err == nil {
				t.Fatal("a refused write succeeded")
			}
			if strings.Contains(err.Error(), echoedPassword) {
				t.Errorf("the error shows the password: %v", err)
			}
			if !strings.Contains(err.Error(), "is too common") {
				t.Errorf("the error lost Kickserv's message: %v", err)
			}
		})
	}
}
