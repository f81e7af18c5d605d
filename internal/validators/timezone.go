package validators

import (
	"context"
	"fmt"
	"regexp"
	"sync"
	"time"
	// The IANA database is compiled in, so that the check gives the same
	// answer on every machine, whatever zoneinfo it has (or lacks).
	_ "time/tzdata"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// TimeZone accepts an IANA time zone name, such as "America/New_York" or
// "UTC", as ServiceTrade's user time zone identifiers are.
func TimeZone() validator.String { return timeZone{} }

type timeZone struct{}

// zoneName is the shape of an IANA name: words of letters, digits, "_",
// "-" and "+", separated by "/". It keeps out what time.LoadLocation takes
// but is no zone name ("", "Local") and paths ("../x"). Compiled at the
// first check, not at every process start.
var zoneName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$`)
})

func (timeZone) Description(context.Context) string {
	return `must be an IANA time zone name such as "America/New_York" or "Europe/Paris"`
}

func (v timeZone) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v timeZone) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.ConfigValue.ValueString()
	if !IsTimeZone(name) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid time zone",
			fmt.Sprintf("Attribute %s %s (names are case-sensitive), got: %q", req.Path, v.Description(ctx), name))
	}
}

// IsTimeZone reports whether name is an IANA time zone name.
func IsTimeZone(name string) bool {
	if !zoneName().MatchString(name) || name == "Local" {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}
