package transport

import (
	"slices"
	"strings"
)

// ForVendor is how every vendor client starts: baseURL with trailing
// slashes trimmed (def when empty), refused unless CheckCredentialURL allows
// credentials to go there, and the Client of cfg with the vendor's secrets
// added to those it redacts and, unless cfg names one, the vendor's log
// subsystem. The caller's Secrets slice is never appended to in place: one
// Config is shared by every vendor.
func ForVendor(cfg Config, baseURL, def, subsystem string, secrets ...string) (string, *Client, error) {
	base := strings.TrimRight(baseURL, "/")
	if base == "" {
		base = def
	}
	if err := CheckCredentialURL(base); err != nil {
		return "", nil, err
	}
	cfg.Secrets = append(slices.Clip(cfg.Secrets), secrets...)
	if cfg.Subsystem == "" {
		cfg.Subsystem = subsystem
	}
	return base, New(cfg), nil
}
