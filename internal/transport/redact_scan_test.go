package transport

import (
	"strings"
	"testing"
	"time"
)

// Bodies that are not valid JSON (truncated by a proxy, cut for a log line,
// or simply broken) are still redacted by key: the value of every sensitive
// name is hidden, even when it is not a known secret.
func TestMalformedJSONIsRedactedByKey(t *testing.T) {
	r := NewRedactor()
	cases := []struct{ in, leak string }{
		{`{"username":"u","password":"hunter22"`, "hunter22"},
		{`{"username":"u","password":"hunter22`, "hunter22"},                            // cut inside the value
		{`{"password" : "hun\"ter22", "x": }`, `ter22`},                                 // escaped quote, broken after
		{`{"data":{"authToken":"tok-5678","n":1,,}`, "tok-5678"},                        // extra comma
		{`[{"client_secret":"cs-1234"}, {"access_token": 98765432`, "cs-1234|98765432"}, // number value, cut
		{`{"session": {"id": "sess-abcdef", "user": "u"}, "broken"`, "sess-abcdef"},     // object value
		{`{"api_key": ["k-1111", "k-2222"`, "k-1111|k-2222"},                            // array value, cut
		{`{"pass\u0077ord": "esc-9999"}x`, "esc-9999"},                                  // escaped key name
		{`<html>upstream said {"password":"html-pw-1"} and died`, "html-pw-1"},          // JSON inside text
	}
	for _, tc := range cases {
		out := r.Body("application/json", []byte(tc.in))
		for _, leak := range strings.Split(tc.leak, "|") {
			if strings.Contains(out, leak) {
				t.Errorf("Body(%s) = %s; leaks %q", tc.in, out, leak)
			}
		}
		if !strings.Contains(out, Redacted) {
			t.Errorf("Body(%s) = %s; nothing redacted", tc.in, out)
		}
	}
	// Values that are not under a sensitive name stay readable.
	if out := r.Body("application/json", []byte(`{"type":"password","name":"Region 1"`)); !strings.Contains(out, `"type":"password"`) || !strings.Contains(out, "Region 1") {
		t.Errorf("Body = %s; redacted more than the sensitive values", out)
	}
}

// Truncated XML and malformed form bodies are redacted by name too.
func TestMalformedXMLAndFormAreRedactedByName(t *testing.T) {
	r := NewRedactor()
	for _, tc := range []struct{ ct, in, leak string }{
		{"application/xml", `<employee><name>Jo</name><password>xml-pass-1`, "xml-pass-1"},
		{"application/xml", `<employee><password>xml-pass-2<name>Jo</name></employee>`, "xml-pass-2"},
		{"application/x-www-form-urlencoded", `grant_type=client_credentials&client_secret=form-secret-1&bad=%zz`, "form-secret-1"},
	} {
		out := r.Body(tc.ct, []byte(tc.in))
		if strings.Contains(out, tc.leak) || !strings.Contains(out, Redacted) {
			t.Errorf("Body(%s) = %s; want %q redacted", tc.in, out, tc.leak)
		}
	}
}

// The redactor is linear in the size of its input: adversarial bodies of a
// MiB or more (every few bytes open a key, a string or an element that
// never closes) take well under a second, where a quadratic scan would take
// many minutes. The bound is loose for slow machines and -race.
func TestRedactorIsLinear(t *testing.T) {
	r := NewRedactor("some-known-secret")
	bodies := map[string]string{
		"keys":         strings.Repeat(`{"password":`, 1<<17),
		"open strings": strings.Repeat(`"password":"`, 1<<17),
		"quotes":       strings.Repeat(`"`, 2<<20),
		"nested":       `{"token":` + strings.Repeat(`[`, 2<<20),
		"xml open":     strings.Repeat(`<password>`, 1<<17),
		"xml attrs":    strings.Repeat(`<password `, 1<<17),
		"form":         strings.Repeat(`password=&`, 1<<17),
	}
	for name, body := range bodies {
		for _, ct := range []string{"application/json", "application/xml", "application/x-www-form-urlencoded", "text/plain"} {
			start := time.Now()
			_ = r.Body(ct, []byte(body))
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("%s as %s (%d bytes): %v", name, ct, len(body), took)
			}
		}
	}
}

// An error snippet is redacted before it is cut, so that a secret at the
// cut is not shown in part, and it keeps the body's own formatting.
func TestSnippetIsRedactedThenCut(t *testing.T) {
	r := NewRedactor("a-known-secret-value")
	body := strings.Repeat("x", 190) + " a-known-secret-value and more"
	out := r.Snippet("text/plain", []byte(body))
	if strings.Contains(out, "a-known") || !strings.HasSuffix(out, "…") || len([]rune(out)) > 201 {
		t.Errorf("Snippet = %q", out)
	}
	if out := r.Snippet("application/json", []byte(`{"message": "bad", "password": "p-123456"}`)); out != `{"message": "bad", "password": "[REDACTED]"}` {
		t.Errorf("Snippet = %q", out)
	}
}
