package kit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
)

// Resource is Base for a resource whose Read and Delete are nothing but
// its API's get and delete (or, for objects the API cannot delete, its
// deactivation): it supplies both methods from them, so that the resource
// writes only its schema, Create and Update, whose answers set the model
// with the same mapping (CreateFrom, UpdateFrom). O is the API's object, M
// the resource's model.
type Resource[C, K, M, O any] struct {
	Base[C, K]
	// Get reads the object by key: a client method expression such as
	// (*api.Client).GetWebhook.
	Get func(C, context.Context, K) (*O, error)
	// Set is the model's mapping from the object; SetDiags, for a mapping
	// that can fail, replaces it.
	Set      func(*M, *O)
	SetDiags func(*M, *O) diag.Diagnostics
	// Del deletes the object by key: (*api.Client).DeleteWebhook. Nil for
	// a resource that writes its own Delete, or whose objects the API
	// cannot delete (Notice).
	Del func(C, context.Context, K) error
	// NaturalKey, for a kind people know by a natural key (checked with
	// ByNaturalKey before a create), is that key of an object as the run's
	// index holds it: UpdateFrom records it after every update, so that a
	// rename frees the old key and takes the new one for creates later in
	// the run.
	NaturalKey func(*O) string
	// Notice, for objects the API cannot delete, says what destroying one
	// leaves behind (resource_undeletable.go): Delete then deactivates the
	// object with Deactivate, or only forgets it when Deactivate is nil.
	Notice     func(M) undeletable.Notice
	Deactivate func(c C, ctx context.Context, key K, state M) error
	// Change, when set, gives the resource its Update (resource_update.go):
	// it sends the change from state to plan of the object with the client
	// and returns the object as the API answers it, or nil and no error
	// when there was nothing to send. Updates and UpdatesChecked make the
	// usual one from the plan's input and the client's update.
	Change func(ctx context.Context, c C, key K, plan, state *M) (*O, error)
}

// Read refreshes the model from Get; a gone object leaves the state.
func (r *Resource[C, K, M, O]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m M
	r.ReadWith(ctx, req, resp, &m, func(ctx context.Context, c C, key K) error {
		o, err := r.Get(c, ctx, key)
		if err == nil {
			r.set(&m, o, &resp.Diagnostics)
		}
		return err
	})
}

// CreateFrom is CreateWith for a create whose answer is the object:
// create sends it (normally returning what Send returns) and returns the
// object and true, or false after adding an error; the object then sets
// plan with the model's mapping, as a Read does, and plan is saved as the
// state.
func (r *Resource[C, K, M, O]) CreateFrom(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse, plan *M,
	create func(ctx context.Context, c C, diags *diag.Diagnostics) (*O, bool)) {
	r.CreateWith(ctx, req, resp, plan, func(ctx context.Context, c C, diags *diag.Diagnostics) bool {
		o, ok := create(ctx, c, diags)
		if ok {
			r.set(plan, o, diags)
		}
		return ok
	})
}

// UpdateFrom is UpdateWith for an update whose answer is the object:
// update sends the change and returns the object, which then sets plan
// with the model's mapping; nil and no error when there was nothing to
// send, plan being saved as it is.
func (r *Resource[C, K, M, O]) UpdateFrom(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse, plan, state *M,
	update func(ctx context.Context, c C, key K) (*O, error)) {
	r.UpdateWith(ctx, req, resp, plan, state, func(ctx context.Context, c C, key K) error {
		o, err := update(ctx, c, key)
		if err == nil && o != nil {
			r.set(plan, o, &resp.Diagnostics)
			if r.NaturalKey != nil {
				r.Keys().Put(r.Type.ID.Format(key), r.NaturalKey(o))
			}
		}
		return err
	})
}

// set is the model's mapping, Set or SetDiags.
func (r *Resource[C, K, M, O]) set(m *M, o *O, diags *diag.Diagnostics) {
	if r.SetDiags != nil {
		diags.Append(r.SetDiags(m, o)...)
		return
	}
	r.Set(m, o)
}

// Delete deletes the object with Del; one already gone counts as deleted.
// An object the API cannot delete is deactivated or forgotten instead.
func (r *Resource[C, K, M, O]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if r.Notice != nil {
		r.deactivate(ctx, req, resp)
		return
	}
	r.DeleteWith(ctx, req, resp, func(ctx context.Context, c C, key K) error { return r.Del(c, ctx, key) })
}
