package kit

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Most updates are one API call with an input built from the plan, and
// their Update method was the same three lines of plumbing around it in
// every resource. A Resource whose Change is set gets its Update from it
// instead; Updates and UpdatesChecked build the common Change from the
// plan's input builder and the client's update, and UpdateChild adapts an
// update the API addresses through the object's parent.

// Update is UpdateFrom around Change: the change the plan makes to the
// object, sent with the client. A resource that does more than one call
// writes its own Update (with UpdateFrom) and leaves Change nil.
func (r *Resource[C, K, M, O]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if r.Change == nil {
		resp.Diagnostics.AddError("Updating "+r.Type.TypeName()+" is not implemented",
			"The resource has neither an Update method nor a Change; this is a bug in the provider, please report it.")
		return
	}
	var plan, state M
	r.UpdateFrom(ctx, req, resp, &plan, &state, func(ctx context.Context, c C, key K) (*O, error) {
		return r.Change(ctx, c, key, &plan, &state)
	})
}

// Updates is the Change of an update that sends what in builds from the
// plan with update, the client's update by key as a method expression:
// kit.Updates((*termsModel).toInput, (*api.Client).UpdateTerms).
func Updates[C, K, M, O, In any](in func(*M) In, update func(C, context.Context, K, In) (*O, error)) func(context.Context, C, K, *M, *M) (*O, error) {
	return func(ctx context.Context, c C, key K, plan, _ *M) (*O, error) { return update(c, ctx, key, in(plan)) }
}

// UpdatesChecked is Updates for an input builder that can fail (it reads
// lists and sets of the plan): its first error fails the update, as
// "<summary>: <detail>", without calling the API.
func UpdatesChecked[C, K, M, O, In any](in func(*M, context.Context) (In, diag.Diagnostics), update func(C, context.Context, K, In) (*O, error)) func(context.Context, C, K, *M, *M) (*O, error) {
	return func(ctx context.Context, c C, key K, plan, _ *M) (*O, error) {
		input, diags := in(plan, ctx)
		if err := DiagsError(diags); err != nil {
			return nil, err
		}
		return update(c, ctx, key, input)
	}
}

// UpdateChild is the update of Updates for an object the API updates
// through its parent: (*api.Client).UpdateContractRule.
func UpdateChild[C, O, In any](update func(C, context.Context, int64, int64, In) (*O, error)) func(C, context.Context, Child, In) (*O, error) {
	return func(c C, ctx context.Context, key Child, in In) (*O, error) {
		return update(c, ctx, key.Parent, key.ID, in)
	}
}

// NeverUpdated is the Change of a resource whose attributes all force
// replacement (or are provider-side): Terraform never plans an update of
// it, so there is nothing to send, and an update, were one asked for, only
// saves the plan. It spares such a resource an Update method of its own:
// Change: kit.NeverUpdated[*api.Client, kit.Child, userRoleModel,
// api.UserRole] (a composite literal does not infer the type arguments).
func NeverUpdated[C, K, M, O any](context.Context, C, K, *M, *M) (*O, error) { return nil, nil }

// DiagsError is the first error of diags as an error, or nil: for the
// callbacks of UpdateFrom and the like, which return an error.
func DiagsError(diags diag.Diagnostics) error {
	for _, d := range diags.Errors() {
		return errors.New(d.Summary() + ": " + d.Detail())
	}
	return nil
}
