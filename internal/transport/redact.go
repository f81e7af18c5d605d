package transport

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Redacted replaces every secret in log output.
const Redacted = "[REDACTED]"

// sensitiveName matches header, JSON, XML and form field names whose values
// are credentials, whatever the vendor calls them.
var sensitiveName = regexp.MustCompile(`(?i)(password|passwd|secret|token|authorization|cookie|api[_-]?key|authentication[_-]?key|key[_-]?authentication|session|signature)`)

// xmlSensitiveElement matches <password>…</password> and friends in XML
// bodies (Kickserv), including dasherized names.
var xmlSensitiveElement = regexp.MustCompile(`(?is)<((?:[a-z_-]*)(?:password|secret|token|api[_-]?key)(?:[a-z_-]*))(\s[^>]*)?>(.*?)</(?:[a-z_-]*)(?:password|secret|token|api[_-]?key)(?:[a-z_-]*)>`)

// Redactor removes credentials from headers and bodies before they are
// logged: by field name, and by literal value for the secrets it knows.
type Redactor struct {
	mu      sync.RWMutex
	secrets []string
}

// NewRedactor returns a Redactor that also hides the given literal values.
func NewRedactor(secrets ...string) *Redactor {
	r := &Redactor{}
	for _, s := range secrets {
		r.Add(s)
	}
	return r
}

// Add registers one more literal secret. Empty and very short values are
// ignored: replacing "1" everywhere would make logs useless and protect nothing.
func (r *Redactor) Add(s string) {
	if len(s) < 4 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, have := range r.secrets {
		if have == s {
			return
		}
	}
	r.secrets = append(r.secrets, s)
	// Longest first, so that a secret containing another is replaced whole.
	sort.Slice(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
}

// String hides every known literal secret in s.
func (r *Redactor) String(s string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, secret := range r.secrets {
		s = strings.ReplaceAll(s, secret, Redacted)
	}
	return s
}

// Headers returns a loggable copy of h.
func (r *Redactor) Headers(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, vs := range h {
		if sensitiveName.MatchString(k) {
			out[k] = Redacted
			continue
		}
		out[k] = r.String(strings.Join(vs, ", "))
	}
	return out
}

// URL returns a loggable form of a URL: user info and sensitive query values
// removed.
func (r *Redactor) URL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return r.String(raw)
	}
	if u.User != nil {
		u.User = url.User(Redacted)
	}
	q := u.Query()
	changed := false
	for k := range q {
		if sensitiveName.MatchString(k) {
			q.Set(k, Redacted)
			changed = true
		}
	}
	if changed {
		u.RawQuery = strings.ReplaceAll(q.Encode(), url.QueryEscape(Redacted), Redacted)
	}
	return r.String(u.String())
}

// Body returns a loggable form of a request or response body.
func (r *Redactor) Body(contentType string, body []byte) string {
	if len(body) == 0 {
		return ""
	}
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
		var v any
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.UseNumber()
		if err := dec.Decode(&v); err == nil {
			if out, err := json.Marshal(redactJSON(v)); err == nil {
				return r.String(string(out))
			}
		}
	case strings.Contains(contentType, "x-www-form-urlencoded"):
		if q, err := url.ParseQuery(string(trimmed)); err == nil {
			for k := range q {
				if sensitiveName.MatchString(k) {
					q.Set(k, Redacted)
				}
			}
			return r.String(strings.ReplaceAll(q.Encode(), url.QueryEscape(Redacted), Redacted))
		}
	case len(trimmed) > 0 && trimmed[0] == '<':
		return r.String(xmlSensitiveElement.ReplaceAllString(string(trimmed), "<$1$2>"+Redacted+"</$1>"))
	}
	return r.String(string(body))
}

func redactJSON(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			if sensitiveName.MatchString(k) {
				if val != nil {
					t[k] = Redacted
				}
				continue
			}
			t[k] = redactJSON(val)
		}
	case []any:
		for i := range t {
			t[i] = redactJSON(t[i])
		}
	}
	return v
}
