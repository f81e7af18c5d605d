package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
)

// staticEmployees serves employees 1-4 (2 and 4 inactive) on page 1, and
// honours ?active= only when filters is true: the reference documents no
// filter on the employee list, so a server may do either.
func staticEmployees(t *testing.T, filters bool) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		if r.URL.Query().Get("page") != "1" {
			fmt.Fprint(w, `<nil-classes type="array"/>`)
			return
		}
		var b strings.Builder
		b.WriteString(`<employees type="array">`)
		for n := 1; n <= 4; n++ {
			active := n%2 == 1
			if v := r.URL.Query().Get("active"); filters && v != "" && v != fmt.Sprint(active) {
				continue
			}
			fmt.Fprintf(&b, `<employee><id>%d</id><employee-number>%d</employee-number><name>e%d</name><active type="boolean">%t</active></employee>`, n, n, n, active)
		}
		b.WriteString(`</employees>`)
		fmt.Fprint(w, b.String())
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// ListEmployees filters by active on the client, so that the answer is
// right whether the server filters or ignores the parameter.
func TestListEmployeesFiltersOnTheClient(t *testing.T) {
	for _, filters := range []bool{false, true} {
		c := newClient(t, staticEmployees(t, filters), "acme", "token-0123456789")
		for _, tc := range []struct {
			active *bool
			want   string
		}{{nil, "[1 2 3 4]"}, {boolp(true), "[1 3]"}, {boolp(false), "[2 4]"}} {
			list, err := c.ListEmployees(context.Background(), api.EmployeeFilter{Active: tc.active})
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(numbers(list)); got != tc.want {
				t.Errorf("server filters=%v, active=%s: listed %s, want %s", filters, show(tc.active), got, tc.want)
			}
		}
	}
}

func show(b *bool) string {
	if b == nil {
		return "unset"
	}
	return fmt.Sprint(*b)
}
