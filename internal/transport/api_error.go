package transport

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// APIError is the core of every vendor client's error type: which request
// got which answer. Vendor types embed it and add what their API says
// (messages, validation); the predicates below see through them all, so
// that resources decide "gone" and "maybe acted" the same way everywhere.
type APIError struct {
	// Vendor names the API in messages: "ServiceTrade".
	Vendor     string
	Method     string
	Path       string
	StatusCode int
	// Attempts is how many times the request was sent before giving up.
	Attempts int
}

// Status is the HTTP status of the answer.
func (e *APIError) Status() int { return e.StatusCode }

// OutcomeUnknown reports whether the answer was a gateway's 502, 503 or 504,
// which may come after the vendor acted on the request (see OutcomeUnknown).
func (e *APIError) OutcomeUnknown() bool { return StatusOutcomeUnknown(e.StatusCode) }

// NotFound reports whether the answer says the object asked for does not
// exist. A vendor type whose API says so otherwise overrides it.
func (e *APIError) NotFound() bool { return e.StatusCode == http.StatusNotFound }

// Text is the message of the error: "<Vendor> API <method> <path> returned
// <status> <text>", then detail verbatim (the vendor's ": messages"), then
// how many attempts were made when more than one.
func (e *APIError) Text(detail string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s API %s %s returned %d %s%s", e.Vendor, e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode), detail)
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	}
	return b.String()
}

// IsNotFound is the one "gone" predicate: err is a vendor's answer that the
// object asked for does not exist. Read removes such an object from state;
// Delete counts it as done.
func IsNotFound(err error) bool {
	var nf interface{ NotFound() bool }
	return errors.As(err, &nf) && nf.NotFound()
}

// StatusOf returns the HTTP status of the vendor answer that err reports,
// or 0 when err is not an answer (a network failure, a refused login).
func StatusOf(err error) int {
	var s interface{ Status() int }
	if errors.As(err, &s) {
		return s.Status()
	}
	return 0
}

// HasStatus reports whether err is a vendor answer with that status.
func HasStatus(err error, status int) bool { return StatusOf(err) == status }
