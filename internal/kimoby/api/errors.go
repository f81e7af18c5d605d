package api

import (
	"net/http"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// Error is a Kimoby API error: the request, its answer's status
// (transport.APIError) and what the API said.
type Error struct {
	transport.APIError
	// Message is the API's {"message": …}, or a snippet of a body that was
	// not JSON.
	Message string
}

// newError is the error for an answer with status.
func newError(method, path string, status int, message string, attempts int) *Error {
	return &Error{APIError: transport.APIError{Vendor: "Kimoby", Method: method, Path: path, StatusCode: status, Attempts: attempts}, Message: message}
}

func (e *Error) Error() string {
	detail := ""
	if e.Message != "" {
		detail = ": " + e.Message
	}
	s := e.Text(detail)
	if e.StatusCode == http.StatusUnauthorized {
		s += ". Kimoby refused the API key and secret: check api_key and api_secret in the provider's kimoby block or the KIMOBY_API_KEY and KIMOBY_API_SECRET environment variables"
	}
	return s
}

// IsNotFound reports whether err is a Kimoby 404, or a webhook missing from
// the list (Kimoby has no GET by id, so "not found" is decided client side).
func IsNotFound(err error) bool { return transport.IsNotFound(err) }

// IsUnauthorized reports whether err is a Kimoby 401 (wrong or missing
// credentials).
func IsUnauthorized(err error) bool { return transport.HasStatus(err, http.StatusUnauthorized) }
