package validators

import (
	"context"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Password accepts a password of at least minLength characters with at
// least one letter and one digit (ServiceTrade: "must be 8 or more
// characters long and include at least one letter and at least one
// number"). Its error never shows the value, nor its length: a password
// must not reach Terraform's output or logs, even a wrong one.
func Password(minLength int) validator.String { return password{min: minLength} }

type password struct{ min int }

func (v password) Description(context.Context) string {
	return fmt.Sprintf("must be at least %d characters long and include at least one letter and at least one digit", v.min)
}

func (v password) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v password) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if missing := v.problems(req.ConfigValue.ValueString()); missing != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid password",
			fmt.Sprintf("Attribute %s %s; the value given %s. (The value is not shown.)", req.Path, v.Description(ctx), missing))
	}
}

// problems says what the password lacks, without quoting it: "" when it
// is acceptable.
func (v password) problems(s string) string {
	var letter, digit bool
	for _, r := range s {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	switch {
	case utf8.RuneCountInString(s) < v.min:
		return fmt.Sprintf("is shorter than %d characters", v.min)
	case !letter:
		return "has no letter"
	case !digit:
		return "has no digit"
	}
	return ""
}
