package transport

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// CheckCredentialURL refuses URLs over which credentials must not travel:
// anything but https, except plain http to a loopback address (the emulator).
func CheckCredentialURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("invalid URL %q: %w", raw, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		if u.Host == "" {
			return fmt.Errorf("invalid URL %q: no host", raw)
		}
		return nil
	case "http":
		if IsLoopbackHost(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("refusing to send credentials over plain http to %q: use an https:// URL (plain http is allowed only for loopback addresses such as 127.0.0.1 or localhost)", u.Host)
	default:
		return fmt.Errorf("invalid URL %q: the scheme must be https (or http for a loopback address)", raw)
	}
}

// IsLoopbackHost reports whether host names this machine only.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
