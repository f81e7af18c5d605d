package api

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// Error is a Kickserv API error: the request, its answer's status
// (transport.APIError) and what the API said, verbatim. Kickserv answers
// <errors><error>…</error></errors>, usually with 422 for validation
// failures and 401 for bad credentials.
type Error struct {
	transport.APIError
	Messages []string
	// Record is the key (employee number) of the one record the request
	// addressed, empty for collection requests (list, create). Only a
	// record request can say that its record is gone.
	Record string
}

func (e *Error) Error() string {
	detail := ""
	if len(e.Messages) > 0 {
		detail = ": " + strings.Join(e.Messages, "; ")
	}
	return e.Text(detail)
}

// AuthError says that Kickserv refused the account slug or API token (401).
type AuthError struct {
	Err *Error
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("Kickserv authentication failed: %s. Check the account slug and API token in the provider's kickserv block or the KICKSERV_ACCOUNT and KICKSERV_API_TOKEN environment variables; "+
		"note that changing an employee's password changes that employee's API token", strings.TrimSuffix(e.Err.Error(), "."))
}

func (e *AuthError) Unwrap() error { return e.Err }

// recordGone matches what a 400 says when the record asked for does not
// exist: Kickserv may answer an unknown employee number with 400 "record is
// invalid" instead of 404.
var recordGone = regexp.MustCompile(`(?i)(\brecord\b.*\binvalid\b|\binvalid\b.*\brecord\b|not found|couldn't find|could not find)`)

// NotFound reports whether the record the request asked for does not
// exist: a 404, or a 400 saying the record is invalid. Errors of collection
// requests never count, so that a wrong base URL or account is not
// mistaken for a deleted employee.
func (e *Error) NotFound() bool {
	if e.Record == "" {
		return false
	}
	switch e.StatusCode {
	case http.StatusNotFound:
		return true
	case http.StatusBadRequest:
		for _, m := range e.Messages {
			if recordGone.MatchString(m) {
				return true
			}
		}
	}
	return false
}

// IsNotFound reports whether err says that the record the request asked
// for does not exist (Error.NotFound).
func IsNotFound(err error) bool { return transport.IsNotFound(err) }

// IsUnauthorized reports whether err is a Kickserv 401.
func IsUnauthorized(err error) bool { return transport.HasStatus(err, http.StatusUnauthorized) }

// IsValidation reports whether err is a Kickserv 422 (the record was
// refused, with the reasons in Messages).
func IsValidation(err error) bool { return transport.HasStatus(err, http.StatusUnprocessableEntity) }

// errorMessages extracts the messages of an error body: the Rails
// <errors><error>…</error></errors> document (any root, any number of
// <error> children), the title of an HTML error page, or a short snippet of
// anything else.
func errorMessages(body []byte) []string {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil
	}
	if root, err := parseXML(trimmed); err == nil {
		var msgs []string
		// An empty <error/> says nothing: the snippet below shows it.
		if m := strings.TrimSpace(root.text); root.name == "error" && m != "" {
			msgs = append(msgs, m)
		}
		for _, c := range root.childrenNamed("error") {
			if m := strings.TrimSpace(c.text); m != "" {
				msgs = append(msgs, m)
			}
		}
		if len(msgs) > 0 {
			return msgs
		}
		if root.name != "html" {
			return []string{snippet(trimmed)}
		}
	}
	if m := htmlTitle.FindSubmatch(trimmed); m != nil {
		if t := strings.Join(strings.Fields(html.UnescapeString(string(m[1]))), " "); t != "" {
			return []string{t}
		}
	}
	return []string{snippet(trimmed)}
}

var htmlTitle = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// snippet keeps an unexpected body short enough for an error message.
func snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
