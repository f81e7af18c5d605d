package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// Error is a Kimoby API error: the HTTP status and what the API said.
type Error struct {
	Method     string
	Path       string
	StatusCode int
	// Message is the API's {"message": …}, or a snippet of a body that was
	// not JSON.
	Message string
	// Attempts is how many times the request was sent before giving up.
	Attempts int
}

// OutcomeUnknown reports whether the answer was a gateway's 502, 503 or 504,
// which may come after Kimoby acted on the request: see
// transport.OutcomeUnknown.
func (e *Error) OutcomeUnknown() bool { return transport.StatusOutcomeUnknown(e.StatusCode) }

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Kimoby API %s %s returned %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	if e.StatusCode == http.StatusUnauthorized {
		b.WriteString(". Kimoby refused the API key and secret: check api_key and api_secret in the provider's kimoby block or the KIMOBY_API_KEY and KIMOBY_API_SECRET environment variables")
	}
	return b.String()
}

// IsNotFound reports whether err is a Kimoby 404, or a webhook missing from
// the list (Kimoby has no GET by id, so "not found" is decided client side).
func IsNotFound(err error) bool { return hasStatus(err, http.StatusNotFound) }

// IsUnauthorized reports whether err is a Kimoby 401 (wrong or missing
// credentials).
func IsUnauthorized(err error) bool { return hasStatus(err, http.StatusUnauthorized) }

func hasStatus(err error, status int) bool {
	var apiErr *Error
	return errors.As(err, &apiErr) && apiErr.StatusCode == status
}
