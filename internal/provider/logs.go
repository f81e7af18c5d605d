package provider

import (
	"os"
	"strings"
)

// The plugin libraries log at TRACE unless told otherwise: the framework
// and the protocol server write a JSON line to stderr for nearly every step
// (about 320 lines, 150 KB, for one GetProviderSchema; some 45 lines per
// resource and graph walk), and Terraform, which reads them from the
// process's stderr, parses each one and drops it unless TF_LOG_PROVIDER,
// or else TF_LOG, names a level. By default, then, every line is written
// and parsed for nothing: at a provider process start that is most of the
// time spent answering GetProviderSchema.

// Quiet lists the logging variables QuietDiscardedLogs sets to "off": the
// root of the plugin libraries' loggers (the protocol and framework
// subsystems follow it unless their own variables are set) and the
// provider's own logger (tf6server names it after the provider address).
var Quiet = []string{"TF_LOG_SDK", "TF_LOG_PROVIDER_FIELDSERVICE"}

// LogsDiscarded reports whether Terraform (or OpenTofu) discards what the
// provider logs, given the environment it started the provider with:
// TF_LOG_PROVIDER, or else TF_LOG, empty or "off" (its own rule for the
// provider's log level).
func LogsDiscarded(getenv func(string) string) bool {
	level := getenv("TF_LOG_PROVIDER")
	if level == "" {
		level = getenv("TF_LOG")
	}
	return level == "" || strings.EqualFold(strings.TrimSpace(level), "off")
}

// QuietDiscardedLogs turns the provider's logs off, in this process, when
// Terraform would discard them, leaving alone any of the Quiet variables
// already set. It returns the variables it set. Not for the debug mode,
// where the logs go to the developer's terminal.
func QuietDiscardedLogs() []string {
	if !LogsDiscarded(os.Getenv) {
		return nil
	}
	var set []string
	for _, name := range Quiet {
		if _, ok := os.LookupEnv(name); ok {
			continue
		}
		if os.Setenv(name, "off") == nil {
			set = append(set, name)
		}
	}
	return set
}
