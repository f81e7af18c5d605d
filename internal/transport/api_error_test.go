package transport

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
)

// goneRuleError is a vendor error type as the clients write them: the core
// embedded, a rule of its own for "not found".
type goneRuleError struct {
	APIError
	gone bool
}

func (e *goneRuleError) Error() string  { return e.Text(": what the API said") }
func (e *goneRuleError) NotFound() bool { return e.gone }
func core(status int) *APIError {
	return &APIError{Vendor: "Vendor", Method: "GET", Path: "/thing/5", StatusCode: status}
}
func wrapped(err error) error          { return fmt.Errorf("reading thing 5: %w", err) }
func plain(status int) *vendorPlainErr { return &vendorPlainErr{*core(status)} }

type vendorPlainErr struct{ APIError }

func (e *vendorPlainErr) Error() string { return e.Text("") }

func TestIsNotFoundIsOneRuleForEveryVendor(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"a 404", wrapped(plain(http.StatusNotFound)), true},
		{"a 400", wrapped(plain(http.StatusBadRequest)), false},
		{"a vendor rule saying gone, whatever the status", wrapped(&goneRuleError{APIError: *core(http.StatusBadRequest), gone: true}), true},
		{"a vendor rule overriding a 404", wrapped(&goneRuleError{APIError: *core(http.StatusNotFound)}), false},
		{"not an answer", errors.New("connection refused"), false},
		{"nil", nil, false},
	}
	for _, c := range cases {
		if got := IsNotFound(c.err); got != c.want {
			t.Errorf("%s: IsNotFound = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestStatusOfSeesThroughWrapping(t *testing.T) {
	if got := StatusOf(wrapped(plain(http.StatusInternalServerError))); got != http.StatusInternalServerError {
		t.Errorf("StatusOf = %d, want 500", got)
	}
	if got := StatusOf(errors.New("connection refused")); got != 0 {
		t.Errorf("StatusOf of a network error = %d, want 0", got)
	}
	if !HasStatus(wrapped(plain(http.StatusConflict)), http.StatusConflict) || HasStatus(nil, http.StatusConflict) {
		t.Error("HasStatus does not match StatusOf")
	}
	if !OutcomeUnknown(wrapped(plain(http.StatusBadGateway))) || OutcomeUnknown(wrapped(plain(http.StatusInternalServerError))) {
		t.Error("the core's OutcomeUnknown does not follow StatusOutcomeUnknown")
	}
}

func TestAPIErrorText(t *testing.T) {
	e := core(http.StatusUnprocessableEntity)
	if got, want := e.Text(": name is taken"), "Vendor API GET /thing/5 returned 422 Unprocessable Entity: name is taken"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	e.Attempts = 3
	if got, want := e.Text(""), "Vendor API GET /thing/5 returned 422 Unprocessable Entity after 3 attempts"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}
