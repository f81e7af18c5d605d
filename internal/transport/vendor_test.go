package transport

import (
	"strings"
	"testing"
)

func TestForVendorTrimsDefaultsAndChecksTheBaseURL(t *testing.T) {
	shared := make([]string, 1, 4)
	shared[0] = "shared-secret"
	base, c, err := ForVendor(Config{Secrets: shared}, "https://api.example.com/v1//", "https://default.example.com", "acme", "vendor-secret")
	if err != nil {
		t.Fatal(err)
	}
	if base != "https://api.example.com/v1" {
		t.Errorf("base = %q, want the URL without its trailing slashes", base)
	}
	if c.cfg.Subsystem != "acme" {
		t.Errorf("subsystem = %q, want acme", c.cfg.Subsystem)
	}
	if got := c.redactor.String("shared-secret vendor-secret"); strings.Contains(got, "secret") {
		t.Errorf("the shared and the vendor's secrets must both be redacted, got %q", got)
	}
	// The vendor's secret must not have been written into the caller's
	// backing array, which the next vendor appends to.
	if extended := shared[:2]; extended[1] == "vendor-secret" {
		t.Error("ForVendor appended to the caller's Secrets in place")
	}

	if base, _, _ := ForVendor(Config{}, "", "https://default.example.com", "acme"); base != "https://default.example.com" {
		t.Errorf("empty base URL gave %q, want the default", base)
	}
	if _, _, err := ForVendor(Config{}, "http://api.example.com", "", "acme", "s"); err == nil {
		t.Error("a plain-http base URL to another host must be refused")
	}
	if _, c, _ := ForVendor(Config{Subsystem: "custom"}, "https://a.example.com", "", "acme"); c.cfg.Subsystem != "custom" {
		t.Errorf("a subsystem set in the config must be kept, got %q", c.cfg.Subsystem)
	}
}
