// Package undeletable is what a resource does for objects its API cannot
// delete (ServiceTrade contracts and external systems, Kickserv
// employees): destroying one deactivates it or only forgets it, and the
// user is told so the same way twice, when the destroy is planned and when
// it is applied, with the same words.
package undeletable

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Notice says what destroying one such object leaves behind, and how to
// manage it again.
type Notice struct {
	Summary string
	Detail  string
}

// Warn adds the notice as a warning: Delete calls it once the object has
// been deactivated (or, for an object that can only be forgotten, at once).
func (n Notice) Warn(diags *diag.Diagnostics) { diags.AddWarning(n.Summary, n.Detail) }

// WarnOnDestroyPlan adds, when req plans to destroy the object, the notice
// that notice builds from the object's state model M; it does nothing for
// creates and updates. A resource's ModifyPlan calls it.
func WarnOnDestroyPlan[M any](ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, notice func(M) Notice) {
	if !req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	notice(state).Warn(&resp.Diagnostics)
}
