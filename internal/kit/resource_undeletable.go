package kit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
)

// What a Resource with a Notice does for objects its API cannot delete
// (ServiceTrade contracts and external systems, Kickserv employees): the
// user is told what a destroy leaves behind when it is planned and again
// when it is applied, with the same words.

// ModifyPlan is Base.ModifyPlan, and for an object the API cannot delete,
// the Notice as a warning when the destroy is planned. Resources with a
// ModifyPlan of their own call it first.
func (r *Resource[C, K, M, O]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.Base.ModifyPlan(ctx, req, resp)
	if r.Notice == nil || resp.Diagnostics.HasError() {
		return
	}
	undeletable.WarnOnDestroyPlan(ctx, req, resp, r.Notice)
}

// deactivate is Delete for an object the API cannot delete: Deactivate
// (through DeleteWith: the client, the key, one error summary, the type's
// Deleting verb) and then the Notice; without Deactivate, the Notice alone,
// with no request, and the framework forgets the object.
func (r *Resource[C, K, M, O]) deactivate(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	if r.Deactivate == nil {
		r.Notice(state).Warn(&resp.Diagnostics)
		return
	}
	r.DeleteWith(ctx, req, resp, func(ctx context.Context, c C, key K) error {
		if err := r.Deactivate(c, ctx, key, state); err != nil {
			return err
		}
		r.Notice(state).Warn(&resp.Diagnostics)
		return nil
	})
}
