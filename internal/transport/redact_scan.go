package transport

import (
	"encoding/json"
	"net/url"
	"strings"
)

// redactJSONValues hides the value of every sensitive member of the JSON
// found in s ("password": "…", "token": 123, "session": {…}), without
// needing s to be valid JSON: a string followed by a colon is a member
// name, and the value after it, whatever it is and wherever it ends (the
// end of s included), is replaced by "[REDACTED]". null values are kept,
// as they say that no secret is set. Everything else is left as it was.
//
// The scan reads each byte a bounded number of times: linear in len(s).
func redactJSONValues(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if s[i] != '"' {
			i++
			continue
		}
		end := jsonStringEnd(s, i)
		colon := skipJSONSpace(s, end)
		if colon >= len(s) || s[colon] != ':' || !isSensitiveName(jsonName(s[i:end])) {
			i = end
			continue
		}
		v := skipJSONSpace(s, colon+1)
		vend := jsonValueEnd(s, v)
		if v < vend && s[v:vend] != "null" {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:v])
			b.WriteString(`"` + Redacted + `"`)
			last = vend
		}
		i = max(vend, colon+1)
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// jsonStringEnd returns the index just past the string that starts with
// the quote at s[i], or len(s) when it never closes.
func jsonStringEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(s)
}

func skipJSONSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// jsonName is the member name in quoted, unescaped when it holds escapes
// ("pass\u0077ord" is a password too).
func jsonName(quoted string) string {
	if strings.IndexByte(quoted, '\\') < 0 {
		return strings.Trim(quoted, `"`)
	}
	var name string
	if json.Unmarshal([]byte(quoted), &name) == nil {
		return name
	}
	return quoted
}

// jsonValueEnd returns the index just past the JSON value starting at
// s[i]: a string, an object or array (balanced, strings skipped), or a
// bare word or number; len(s) when it never ends.
func jsonValueEnd(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '"':
		return jsonStringEnd(s, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '"':
				j = jsonStringEnd(s, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(s)
	case ',', '}', ']', ':':
		return i // no value at all
	}
	j := i
	for j < len(s) && !strings.ContainsRune(",}] \t\r\n", rune(s[j])) {
		j++
	}
	return j
}

// redactForm hides the values of sensitive fields of a form body, kept in
// its order and spelling; a field that does not decode is judged by its raw
// name, so that one bad escape does not expose the whole body.
func redactForm(s string) string {
	parts := strings.Split(s, "&")
	for i, p := range parts {
		k, _, hasValue := strings.Cut(p, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			name = k
		}
		if hasValue && isSensitiveName(name) {
			parts[i] = k + "=" + Redacted
		}
	}
	return strings.Join(parts, "&")
}

// redactXMLText hides the content of every sensitive element of an XML
// document (<password>…</password>), from its opening tag to the next
// closing tag or, in a document that was cut, to the end. One pass: each
// byte is read a bounded number of times.
func redactXMLText(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if s[i] != '<' {
			i++
			continue
		}
		n := i + 1
		for n < len(s) && isXMLNameByte(s[n]) {
			n++
		}
		if n == i+1 || !isSensitiveName(s[i+1:n]) {
			i = n
			continue
		}
		gt := strings.IndexByte(s[n:], '>')
		if gt < 0 {
			break // an opening tag cut before its end: no content follows
		}
		start := n + gt + 1
		if s[start-2] == '/' {
			i = start // <password/>: empty
			continue
		}
		end := len(s)
		if c := strings.Index(s[start:], "</"); c >= 0 {
			end = start + c
		}
		if end > start {
			b.WriteString(s[last:start])
			b.WriteString(Redacted)
			last = end
		}
		i = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isXMLNameByte(c byte) bool {
	return c == '_' || c == '-' || c == ':' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
