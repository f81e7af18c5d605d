package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func validatePassword(t *testing.T, v types.String) *validator.StringResponse {
	t.Helper()
	resp := &validator.StringResponse{}
	Password(8).ValidateString(context.Background(), validator.StringRequest{Path: path.Root("password"), ConfigValue: v}, resp)
	return resp
}

func TestPassword(t *testing.T) {
	for pw, want := range map[string]string{
		"tribbles123": "",
		"a1234567":    "",
		"Pässwört9":   "",
		"short1":      "is shorter than 8 characters",
		"ab1":         "is shorter than 8 characters",
		"":            "is shorter than 8 characters",
		"12345678":    "has no letter",
		"!!!!@@@@9":   "has no letter",
		"abcdefgh":    "has no digit",
		"no digits!":  "has no digit",
	} {
		resp := validatePassword(t, types.StringValue(pw))
		if want == "" {
			if resp.Diagnostics.HasError() {
				t.Errorf("%q refused: %v", pw, resp.Diagnostics)
			}
			continue
		}
		if resp.Diagnostics.ErrorsCount() != 1 {
			t.Errorf("%q: %v, want one error", pw, resp.Diagnostics)
			continue
		}
		d := resp.Diagnostics.Errors()[0]
		msg := d.Summary() + " " + d.Detail()
		if !strings.Contains(msg, want) || !strings.Contains(msg, "Attribute password must be at least 8 characters long") {
			t.Errorf("%q: %q, want it to say %q", pw, msg, want)
		}
		// The message never shows the password, even a wrong one.
		if pw != "" && strings.Contains(msg, pw) {
			t.Errorf("the error for %q shows the password: %q", pw, msg)
		}
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		if resp := validatePassword(t, v); resp.Diagnostics.HasError() {
			t.Errorf("%v refused: it must wait for apply, or is not set", v)
		}
	}
}
