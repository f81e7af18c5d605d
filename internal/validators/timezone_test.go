package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTimeZone(t *testing.T) {
	for name, ok := range map[string]bool{
		"America/New_York":               true,
		"Europe/Paris":                   true,
		"UTC":                            true,
		"Etc/GMT+5":                      true,
		"America/Argentina/Buenos_Aires": true,
		"America/Port-au-Prince":         true,
		"":                               false,
		"Local":                          false,
		"Mars/Olympus_Mons":              false,
		"america/new_york":               false,
		"America/New York":               false,
		"../etc/passwd":                  false,
		"/usr/share/zoneinfo/UTC":        false,
		"EST5EDT,M3.2.0,M11.1.0":         false,
	} {
		resp := &validator.StringResponse{}
		TimeZone().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("timezone"), ConfigValue: types.StringValue(name)}, resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("%q: errors %v, want ok=%v", name, resp.Diagnostics, ok)
		}
		if IsTimeZone(name) != ok {
			t.Errorf("IsTimeZone(%q) = %v", name, !ok)
		}
	}
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		resp := &validator.StringResponse{}
		TimeZone().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("timezone"), ConfigValue: v}, resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%v refused", v)
		}
	}
}
