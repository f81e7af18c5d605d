package kit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resource is Base for a resource whose Read and Delete are nothing but
// its API's get and delete: it supplies both methods from them, so that
// the resource writes only its schema, Create and Update. O is the API's
// object, M the resource's model.
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
	// a resource that writes its own Delete.
	Del func(C, context.Context, K) error
}

// Read refreshes the model from Get; a gone object leaves the state.
func (r *Resource[C, K, M, O]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m M
	r.ReadWith(ctx, req, resp, &m, func(ctx context.Context, c C, key K) error {
		o, err := r.Get(c, ctx, key)
		switch {
		case err != nil:
			return err
		case r.SetDiags != nil:
			resp.Diagnostics.Append(r.SetDiags(&m, o)...)
		default:
			r.Set(&m, o)
		}
		return nil
	})
}

// Delete deletes the object with Del; one already gone counts as deleted.
func (r *Resource[C, K, M, O]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	r.DeleteWith(ctx, req, resp, func(ctx context.Context, c C, key K) error { return r.Del(c, ctx, key) })
}
