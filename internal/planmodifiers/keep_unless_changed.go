package planmodifiers

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// KeepUnlessChanged keeps a computed String attribute's prior value in the
// plan (instead of "known after apply") unless one of the String
// attributes dependsOn changes: for a server-set value, such as an update
// time or a name composed from others, that moves only when those
// attributes do. A new object (creation or replacement) leaves the value
// unknown.
func KeepUnlessChanged(dependsOn ...string) planmodifier.String {
	return keepUnlessChanged{dependsOn: dependsOn}
}

type keepUnlessChanged struct{ dependsOn []string }

func (m keepUnlessChanged) Description(context.Context) string {
	return "Keeps the prior value unless " + strings.Join(m.dependsOn, " or ") + " changes."
}

func (m keepUnlessChanged) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m keepUnlessChanged) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || !req.PlanValue.IsUnknown() {
		return
	}
	for _, attr := range m.dependsOn {
		var planned, prior types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(attr), &planned)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(attr), &prior)...)
		if resp.Diagnostics.HasError() || planned.IsUnknown() || !planned.Equal(prior) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}
