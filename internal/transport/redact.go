package transport

import (
	"bytes"
	"net/http"
	"sort"
	"strings"
	"sync"
)

// Redacted replaces every secret in log output.
const Redacted = "[REDACTED]"

// sensitiveWords are the words that make a header, JSON, XML or form
// field name a credential's, whatever the vendor calls it, once the name is
// lowercased and stripped of "_" and "-" ("X-Api-Key", "client_secret",
// "authToken", "PHPSESSID" is not one but its header, Cookie, is).
var sensitiveWords = []string{"password", "passwd", "secret", "token", "authorization", "cookie", "apikey", "authenticationkey", "keyauthentication", "session", "signature"}

// isSensitiveName reports whether a field called name holds a credential.
// It is called for every member name of a body: a plain scan, linear in
// len(name), without the cost of a regular expression.
func isSensitiveName(name string) bool {
	var buf [64]byte
	folded := buf[:0]
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_' || c == '-':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		folded = append(folded, c)
	}
	for _, w := range sensitiveWords {
		if bytes.Contains(folded, []byte(w)) {
			return true
		}
	}
	return false
}

// Redactor removes credentials from headers and bodies before they are
// logged or shown in an error: by field name, and by literal value for the
// secrets it knows. Every method is linear in the size of its input, so
// that a hostile or broken answer cannot make redaction slow.
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

// Strings is String applied to each of ss, for the messages of an API
// error; nil stays nil.
func (r *Redactor) Strings(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = r.String(s)
	}
	return out
}

// Headers returns a loggable copy of h.
func (r *Redactor) Headers(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, vs := range h {
		if isSensitiveName(k) {
			out[k] = Redacted
			continue
		}
		out[k] = r.String(strings.Join(vs, ", "))
	}
	return out
}

// URL returns a loggable form of a URL: user info and sensitive query values
// removed, even from a URL that does not parse (see RedactURL).
func (r *Redactor) URL(raw string) string { return r.String(RedactURL(raw)) }

// Body returns a loggable form of a request or response body, with the
// body's own formatting: the values of sensitive names are hidden by a scan
// that needs no valid document (a body cut by a proxy or by a snippet is
// redacted as well as a whole one), then every known secret.
func (r *Redactor) Body(contentType string, body []byte) string {
	if len(body) == 0 {
		return ""
	}
	s := string(body)
	trimmed := bytes.TrimSpace(body)
	switch {
	case strings.Contains(contentType, "x-www-form-urlencoded"):
		s = redactForm(s)
	case len(trimmed) > 0 && trimmed[0] == '<':
		s = redactXMLText(s)
	}
	// JSON is looked for in every body: an HTML error page or a text
	// answer may quote the JSON it choked on.
	return r.String(redactJSONValues(s))
}

// maxSnippet is how much of an unexpected answer an error message shows.
const maxSnippet = 200

// Snippet is the part of an answer's body an error message may show: the
// body redacted as for a log (Body), then cut to 200 characters, so that a
// secret echoed by a server never reaches a diagnostic, not even in part.
func (r *Redactor) Snippet(contentType string, body []byte) string {
	s := strings.TrimSpace(r.Body(contentType, bytes.TrimSpace(body)))
	if len(s) <= maxSnippet {
		return s
	}
	cut := maxSnippet
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
