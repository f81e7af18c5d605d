package kit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Read is the whole Read of a resource whose model is set from the object
// its API's get returns: get is the client's method (a method expression
// such as (*api.Client).GetWebhook) and set the model's mapping.
func Read[C, K, M, O any](ctx context.Context, b *Base[C, K], req resource.ReadRequest, resp *resource.ReadResponse,
	get func(C, context.Context, K) (*O, error), set func(*M, *O)) {
	var m M
	b.ReadWith(ctx, req, resp, &m, func(ctx context.Context, c C, key K) error {
		o, err := get(c, ctx, key)
		if err == nil {
			set(&m, o)
		}
		return err
	})
}

// ReadDiags is Read for a mapping that can fail (set returns its
// diagnostics).
func ReadDiags[C, K, M, O any](ctx context.Context, b *Base[C, K], req resource.ReadRequest, resp *resource.ReadResponse,
	get func(C, context.Context, K) (*O, error), set func(*M, *O) diag.Diagnostics) {
	Read(ctx, b, req, resp, get, func(m *M, o *O) { resp.Diagnostics.Append(set(m, o)...) })
}

// Delete is the whole Delete of a resource whose API deletes by key with
// del, a client method expression such as (*api.Client).DeleteWebhook.
func Delete[C, K any](ctx context.Context, b *Base[C, K], req resource.DeleteRequest, resp *resource.DeleteResponse,
	del func(C, context.Context, K) error) {
	b.DeleteWith(ctx, req, resp, func(ctx context.Context, c C, key K) error { return del(c, ctx, key) })
}
