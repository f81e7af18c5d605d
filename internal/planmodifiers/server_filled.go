// Package planmodifiers holds plan modifiers shared by resources, for
// plan behaviour the framework's own modifiers do not express.
package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// The server fills some item attributes when the configuration leaves them
// out. Such an attribute keeps its recorded value in the plan (instead of
// "known after apply") unless the attribute it is derived from is being
// changed in the configuration, in which case ServiceTrade may derive a
// new value. The dependency is read from the configuration, which, unlike
// the plan, no other modifier changes.

// serverFilledUnchanged reports whether the attribute at dependsOn is left
// to the server or configured to its recorded value.
func serverFilledUnchanged(ctx context.Context, dependsOn string, config tfsdk.Config, state tfsdk.State, diags *diag.Diagnostics) bool {
	var cfg, prior attr.Value
	diags.Append(config.GetAttribute(ctx, path.Root(dependsOn), &cfg)...)
	diags.Append(state.GetAttribute(ctx, path.Root(dependsOn), &prior)...)
	if diags.HasError() || cfg == nil || cfg.IsUnknown() {
		return false
	}
	return cfg.IsNull() || cfg.Equal(prior)
}

// ServerFilledInt64 keeps an Int64 attribute's recorded value in the plan
// unless dependsOn changes in the configuration; why says, for the docs,
// what the server derives the value from.
func ServerFilledInt64(dependsOn, why string) planmodifier.Int64 {
	return serverFilledInt64{dependsOn: dependsOn, why: why}
}

type serverFilledInt64 struct{ dependsOn, why string }

func (m serverFilledInt64) Description(context.Context) string {
	return "Keeps the recorded value unless " + m.dependsOn + " changes (" + m.why + ")."
}

func (m serverFilledInt64) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m serverFilledInt64) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if !req.ConfigValue.IsNull() || req.State.Raw.IsNull() || !req.PlanValue.IsUnknown() || req.Plan.Raw.IsNull() {
		return
	}
	if serverFilledUnchanged(ctx, m.dependsOn, req.Config, req.State, &resp.Diagnostics) {
		resp.PlanValue = req.StateValue
	}
}

// ServerFilledString is ServerFilledInt64 for a String attribute.
func ServerFilledString(dependsOn, why string) planmodifier.String {
	return serverFilledString{dependsOn: dependsOn, why: why}
}

type serverFilledString struct{ dependsOn, why string }

func (m serverFilledString) Description(context.Context) string {
	return "Keeps the recorded value unless " + m.dependsOn + " changes (" + m.why + ")."
}

func (m serverFilledString) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m serverFilledString) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.ConfigValue.IsNull() || req.State.Raw.IsNull() || !req.PlanValue.IsUnknown() || req.Plan.Raw.IsNull() {
		return
	}
	if serverFilledUnchanged(ctx, m.dependsOn, req.Config, req.State, &resp.Diagnostics) {
		resp.PlanValue = req.StateValue
	}
}
