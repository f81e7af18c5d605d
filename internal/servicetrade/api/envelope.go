package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// envelope is ServiceTrade's wrapper around every response body:
// {"messages": {...}, "data": ...}.
type envelope struct {
	Messages *Messages       `json:"messages"`
	Data     json.RawMessage `json:"data"`
}

// Messages carries the API's human-readable outcome.
type Messages struct {
	Success    []string            `json:"success"`
	Error      []string            `json:"error"`
	Validation map[string][]string `json:"validation"`
}

// UnmarshalJSON tolerates the shapes seen in the wild: "validation" as an
// empty array instead of an object, and single strings instead of lists.
func (m *Messages) UnmarshalJSON(b []byte) error {
	// A messages value that is not an object carries nothing usable: it
	// decodes to no entries rather than failing the whole response.
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(b, &raw)
	m.Success = stringList(raw["success"])
	m.Error = stringList(raw["error"])
	if v, ok := raw["validation"]; ok {
		var obj map[string]json.RawMessage
		if json.Unmarshal(v, &obj) == nil && len(obj) > 0 {
			m.Validation = make(map[string][]string, len(obj))
			for k, vv := range obj {
				m.Validation[k] = stringList(vv)
			}
		}
	}
	return nil
}

func stringList(b json.RawMessage) []string {
	if len(b) == 0 {
		return nil
	}
	var list []string
	if json.Unmarshal(b, &list) == nil {
		return list
	}
	var one string
	if json.Unmarshal(b, &one) == nil && one != "" {
		return []string{one}
	}
	return nil
}

// Error is a ServiceTrade API error: the request, its answer's status
// (transport.APIError) and what the API said.
type Error struct {
	transport.APIError
	Messages   []string
	Validation map[string][]string
}

// newError is the error for an answer with status, before its messages.
func newError(method, path string, status, attempts int) *Error {
	return &Error{APIError: transport.APIError{Vendor: "ServiceTrade", Method: method, Path: path, StatusCode: status, Attempts: attempts}}
}

func (e *Error) Error() string {
	var b strings.Builder
	if len(e.Messages) > 0 {
		fmt.Fprintf(&b, ": %s", strings.Join(e.Messages, "; "))
	}
	if len(e.Validation) > 0 {
		keys := make([]string, 0, len(e.Validation))
		for k := range e.Validation {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s: %s", k, strings.Join(e.Validation[k], ", ")))
		}
		fmt.Fprintf(&b, " (validation: %s)", strings.Join(parts, "; "))
	}
	return e.Text(b.String())
}

// IsNotFound reports whether err is a ServiceTrade 404.
func IsNotFound(err error) bool { return transport.IsNotFound(err) }

// IsConflict reports whether err is a ServiceTrade 409.
func IsConflict(err error) bool { return transport.HasStatus(err, http.StatusConflict) }

// IsUnauthorized reports whether err is a ServiceTrade 401.
func IsUnauthorized(err error) bool { return transport.HasStatus(err, http.StatusUnauthorized) }

// decodeEnvelope splits a response body into the envelope parts. Bodies that
// are empty (204) yield an empty envelope.
func decodeEnvelope(body []byte) (*envelope, error) {
	env := &envelope{}
	if len(strings.TrimSpace(string(body))) == 0 {
		return env, nil
	}
	if err := json.Unmarshal(body, env); err != nil {
		return nil, fmt.Errorf("decoding ServiceTrade response: %w", err)
	}
	return env, nil
}
