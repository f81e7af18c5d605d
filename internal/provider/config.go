package provider

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// setting resolves one provider setting: the configuration value if set,
// else its environment variable, else def. Unknown values (computed from
// other resources) count as unset but are reported, so that a vendor that
// depends on them says why it cannot be used.
type setting struct {
	attr, env, def string
}

type resolver struct {
	unknown []string
	// envDisabled stops environment variables from filling unset values.
	envDisabled bool
}

// anySet reports whether any of vs is written in the configuration.
func anySet(vs ...types.String) bool {
	for _, v := range vs {
		if !v.IsNull() {
			return true
		}
	}
	return false
}

func (r *resolver) str(v types.String, s setting) string {
	if v.IsUnknown() {
		r.unknown = append(r.unknown, s.attr)
		return ""
	}
	if !v.IsNull() && v.ValueString() != "" {
		return v.ValueString()
	}
	if r.envDisabled {
		return s.def
	}
	if e := os.Getenv(s.env); e != "" {
		return e
	}
	return s.def
}

func (r *resolver) int64(v types.Int64, attr, env string, def int64) (int64, error) {
	if v.IsUnknown() {
		r.unknown = append(r.unknown, attr)
		return def, nil
	}
	if !v.IsNull() {
		return v.ValueInt64(), nil
	}
	if e := os.Getenv(env); e != "" {
		n, err := strconv.ParseInt(e, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("environment variable %s=%q is not a whole number", env, e)
		}
		return n, nil
	}
	return def, nil
}

func (r *resolver) duration(v types.String, attr, env string, def time.Duration) (time.Duration, error) {
	raw := r.str(v, setting{attr: attr, env: env})
	if raw == "" {
		return def, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s (or %s) must be a positive duration such as \"30s\" or \"5m\", got %q", attr, env, raw)
	}
	return d, nil
}

// missingErr explains which settings a vendor lacks, naming attributes and
// environment variables, and mentions settings not yet known.
func missingErr(vendor, block string, missing []string, unknown []string) error {
	msg := fmt.Sprintf("%s resources need %s. Set them in the provider's %q block or through the environment variables.",
		vendor, strings.Join(missing, " and "), block)
	if len(unknown) > 0 {
		msg += fmt.Sprintf(" These settings depend on values not known until apply: %s.", strings.Join(unknown, ", "))
	}
	return errors.New(msg)
}

func describe(s setting) string { return fmt.Sprintf("%s (%s)", s.attr, s.env) }

// checkBaseURL applies the rules of transport.CheckCredentialURL to a base
// URL setting: credentials never travel over plain http except to this
// machine, and a URL never carries credentials itself (user:password@host).
// The error names the attribute and its environment variable; it never
// shows the URL's user information.
func checkBaseURL(attr, env, raw string) error {
	if err := transport.CheckCredentialURL(raw); err != nil {
		return fmt.Errorf("%s (%s): %w", attr, env, err)
	}
	return nil
}

func pathOf(block, attr string) path.Path { return path.Root(block).AtName(attr) }
