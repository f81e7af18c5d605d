package transport

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// CheckCredentialURL refuses URLs over which credentials must not travel:
// anything but https, except plain http to this machine (the emulator);
// and any URL that carries credentials itself (user:password@host), since
// the provider takes them only from their own settings and a URL is
// printed in errors and logs. No error shows the URL's user information.
//
// Plain http is accepted for a loopback IP literal (127.0.0.0/8, [::1]) and
// for the name "localhost", which the Client then dials only if it resolves
// to a loopback address (see LoopbackError).
func CheckCredentialURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		// url.Parse's own error quotes the whole URL: show only its reason.
		reason := err
		var ue *url.Error
		if errors.As(err, &ue) {
			reason = ue.Err
		}
		return fmt.Errorf("invalid URL %q: %v", RedactURL(raw), reason)
	}
	if u.User != nil {
		return fmt.Errorf("the URL %q contains a user name or password (user:password@host): remove them from the URL; "+
			"credentials are taken only from their own settings, never from a URL, which is shown in errors and logs", RedactURL(raw))
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		if u.Host == "" {
			return fmt.Errorf("invalid URL %q: no host", RedactURL(raw))
		}
		return nil
	case "http":
		if isLoopbackIP(u.Hostname()) || isLocalhost(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("refusing to send credentials over plain http to %q: use an https:// URL "+
			"(plain http is allowed only to this machine: a loopback address such as 127.0.0.1 or [::1], or localhost when it resolves to one)", u.Host)
	default:
		return fmt.Errorf("invalid URL %q: the scheme must be https (or http to a loopback address)", RedactURL(raw))
	}
}

// IsLoopbackHost reports whether host is a loopback IP literal or the name
// localhost (which must still resolve to a loopback address when dialled).
func IsLoopbackHost(host string) bool { return isLoopbackIP(host) || isLocalhost(host) }

func isLoopbackIP(host string) bool {
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func isLocalhost(host string) bool {
	return strings.EqualFold(strings.TrimSuffix(host, "."), "localhost")
}

// RedactURL returns raw without its user information and with the values
// of sensitive query parameters hidden. A URL that does not parse (or
// parses as an opaque one, as "user:pw@host" does) loses everything before
// the last "@" of what would be its authority.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" {
		return redactAuthority(raw)
	}
	redactedUser := u.User != nil
	u.User = nil
	q := u.Query()
	changed := false
	for k := range q {
		if isSensitiveName(k) {
			q.Set(k, Redacted)
			changed = true
		}
	}
	if changed {
		u.RawQuery = strings.ReplaceAll(q.Encode(), url.QueryEscape(Redacted), Redacted)
	}
	s := u.String()
	if redactedUser {
		if prefix := u.Scheme + "://"; strings.HasPrefix(s, prefix) {
			s = prefix + Redacted + "@" + s[len(prefix):]
		}
	}
	return s
}

// redactAuthority hides the user information of a URL that url.Parse could
// not make sense of, by its shape alone.
func redactAuthority(raw string) string {
	// Without "://" ("user:pw@host", "https:user:pw@host") the whole
	// head of raw up to its first "/", "?" or "#" counts as authority.
	start := 0
	if i := strings.Index(raw, "://"); i >= 0 {
		start = i + 3
	}
	end := len(raw)
	if i := strings.IndexAny(raw[start:], "/?#"); i >= 0 {
		end = start + i
	}
	at := strings.LastIndexByte(raw[start:end], '@')
	if at < 0 {
		return raw
	}
	return raw[:start] + Redacted + raw[start+at:]
}
