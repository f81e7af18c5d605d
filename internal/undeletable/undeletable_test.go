package undeletable

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

type model struct {
	Name types.String `tfsdk:"name"`
}

// The notice is a warning when the object is planned for destruction, and
// nothing when it is created or updated.
func TestWarnOnDestroyPlan(t *testing.T) {
	ctx := context.Background()
	sch := schema.Schema{Attributes: map[string]schema.Attribute{"name": schema.StringAttribute{Required: true}}}
	typ := sch.Type().TerraformType(ctx)
	obj := tftypes.NewValue(typ, map[string]tftypes.Value{"name": tftypes.NewValue(tftypes.String, "Ann")})
	null := tftypes.NewValue(typ, nil)
	notice := func(m model) Notice { return Notice{Summary: "kept: " + m.Name.ValueString(), Detail: "d"} }
	cases := []struct {
		name        string
		prior, plan tftypes.Value
		want        int
	}{
		{"destroy", obj, null, 1},
		{"create", null, obj, 0},
		{"update", obj, obj, 0},
	}
	for _, tc := range cases {
		req := resource.ModifyPlanRequest{State: tfsdk.State{Schema: sch, Raw: tc.prior}, Plan: tfsdk.Plan{Schema: sch, Raw: tc.plan}}
		resp := &resource.ModifyPlanResponse{Plan: req.Plan}
		WarnOnDestroyPlan(ctx, req, resp, notice)
		if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != tc.want {
			t.Errorf("%s: diagnostics %v, want %d warning(s)", tc.name, resp.Diagnostics, tc.want)
		}
		if tc.want == 1 && resp.Diagnostics.Warnings()[0].Summary() != "kept: Ann" {
			t.Errorf("%s: warning %q", tc.name, resp.Diagnostics.Warnings()[0].Summary())
		}
	}
}
