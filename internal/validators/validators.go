// Package validators holds plan-time validators shared by several resources,
// for constraints the framework's validator packages do not express.
package validators

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// HTMLColor accepts the hex colors ServiceTrade documents: "#rgb" or "#rrggbb".
func HTMLColor() validator.String {
	return stringvalidator.RegexMatches(htmlColor(),
		"must be an HTML hex color such as \"#ff9000\" or \"#000\"")
}

// htmlColor is compiled once, when a schema first needs it: not at every
// schema built, nor at the start of processes that build none.
var htmlColor = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
})

// Duration accepts a positive Go duration ("30s", "5m").
func Duration() validator.String { return durationValidator{} }

type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "must be a positive duration such as \"30s\", \"500ms\" or \"5m\""
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v durationValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
	}
}

// URL accepts an absolute URL whose scheme is one of schemes.
func URL(schemes ...string) validator.String { return urlValidator{schemes: schemes} }

type urlValidator struct{ schemes []string }

func (v urlValidator) Description(context.Context) string {
	return fmt.Sprintf("must be an absolute URL with scheme %s", strings.Join(v.schemes, " or "))
}

func (v urlValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v urlValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	raw := req.ConfigValue.ValueString()
	u, err := url.Parse(raw)
	ok := err == nil && u.Host != ""
	if ok {
		ok = false
		for _, s := range v.schemes {
			if strings.EqualFold(u.Scheme, s) {
				ok = true
			}
		}
	}
	if !ok {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL", fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), raw))
	}
}
