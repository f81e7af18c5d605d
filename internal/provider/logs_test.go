package provider_test

import (
	"os"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

// Terraform's rule for the provider's log level: TF_LOG_PROVIDER, or else
// TF_LOG; none, or "off", and it drops every line the provider writes.
func TestLogsDiscarded(t *testing.T) {
	for _, c := range []struct {
		env       map[string]string
		discarded bool
	}{
		{map[string]string{}, true},
		{map[string]string{"TF_LOG": "off"}, true},
		{map[string]string{"TF_LOG": "OFF"}, true},
		{map[string]string{"TF_LOG_CORE": "trace"}, true},
		{map[string]string{"TF_LOG_PATH": "/tmp/tf.log"}, true},
		{map[string]string{"TF_LOG": "trace", "TF_LOG_PROVIDER": "off"}, true},
		{map[string]string{"TF_LOG": "trace"}, false},
		{map[string]string{"TF_LOG": "json"}, false},
		// Terraform takes a level it does not know as TRACE.
		{map[string]string{"TF_LOG": "1"}, false},
		{map[string]string{"TF_LOG_PROVIDER": "debug"}, false},
		{map[string]string{"TF_LOG": "off", "TF_LOG_PROVIDER": "warn"}, false},
	} {
		if got := provider.LogsDiscarded(func(k string) string { return c.env[k] }); got != c.discarded {
			t.Errorf("%v: discarded %v, want %v", c.env, got, c.discarded)
		}
	}
}

// QuietDiscardedLogs sets the libraries' and the provider's loggers off
// only when Terraform drops the logs, and keeps a level already given.
func TestQuietDiscardedLogs(t *testing.T) {
	for _, name := range append([]string{"TF_LOG", "TF_LOG_PROVIDER"}, provider.Quiet...) {
		t.Setenv(name, "")
		os.Unsetenv(name)
	}
	t.Setenv("TF_LOG", "debug")
	if set := provider.QuietDiscardedLogs(); len(set) != 0 {
		t.Fatalf("TF_LOG=debug: set %v, want nothing", set)
	}
	os.Unsetenv("TF_LOG")
	t.Setenv("TF_LOG_SDK", "trace")
	set := provider.QuietDiscardedLogs()
	if len(set) != 1 || set[0] != "TF_LOG_PROVIDER_FIELDSERVICE" || os.Getenv("TF_LOG_PROVIDER_FIELDSERVICE") != "off" {
		t.Fatalf("set %v (TF_LOG_PROVIDER_FIELDSERVICE=%q), want only TF_LOG_PROVIDER_FIELDSERVICE=off", set, os.Getenv("TF_LOG_PROVIDER_FIELDSERVICE"))
	}
	if got := os.Getenv("TF_LOG_SDK"); got != "trace" {
		t.Errorf("TF_LOG_SDK = %q, want the level given (trace)", got)
	}
}
