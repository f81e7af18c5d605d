package kit

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// CreateWith reads the plan into model, then calls create with the
// client; create sends the request (normally with Send), sets model from
// the answer and returns false after adding an error. The model is then
// saved as the state.
func (b *Base[C, K]) CreateWith(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse, model any,
	create func(ctx context.Context, c C, diags *diag.Diagnostics) bool) {
	c, ok := b.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	if resp.Diagnostics.Append(req.Plan.Get(ctx, model)...); resp.Diagnostics.HasError() {
		return
	}
	if create(ctx, c, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
		b.SetIdentity(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
	}
}

// ReadWith reads the state into model, then calls read with the client
// and the object's key; read sets model from the API. An object the
// vendor says is gone is removed from the state (Terraform then plans to
// create it); any other error fails the refresh.
func (b *Base[C, K]) ReadWith(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, model any,
	read func(ctx context.Context, c C, key K) error) {
	c, ok := b.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	if resp.Diagnostics.Append(req.State.Get(ctx, model)...); resp.Diagnostics.HasError() {
		return
	}
	key, ok := b.Type.ID.FromState(ctx, b.Type.KindName(), req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	// The identity of a state saved before identity existed is null: it
	// is set from the state's key first, so that even an object found gone
	// answers with one (the framework requires it).
	b.SetIdentity(ctx, req.State, resp.Identity, &resp.Diagnostics)
	err := read(ctx, c, key)
	if transport.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading "+b.Type.Object(key)+" failed", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, model)...)
	b.SetIdentity(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
}

// UpdateWith reads the plan and the state into plan and state, then calls
// update with the client and the object's key; update sends the change
// and sets plan from the answer, which is saved as the state. A change of
// the type's provider-side attributes alone is saved without calling the
// vendor.
func (b *Base[C, K]) UpdateWith(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse, plan, state any,
	update func(ctx context.Context, c C, key K) error) {
	c, ok := b.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	key, ok := b.Type.ID.FromState(ctx, b.Type.KindName(), req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	if !b.onlyProviderSide(req.Plan.Raw, req.State.Raw) {
		if err := update(ctx, c, key); err != nil {
			resp.Diagnostics.AddError("Updating "+b.Type.Object(key)+" failed", err.Error())
			return
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	b.SetIdentity(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
}

// onlyProviderSide reports whether plan and state differ in the type's
// provider-side attributes only.
func (b *Base[C, K]) onlyProviderSide(plan, state tftypes.Value) bool {
	if len(b.Type.ProviderSide) == 0 {
		return false
	}
	var p, s map[string]tftypes.Value
	if plan.As(&p) != nil || state.As(&s) != nil {
		return false
	}
	for name, v := range p {
		if _, ok := b.Type.ProviderSide[name]; !ok && !v.Equal(s[name]) {
			return false
		}
	}
	return true
}

// DeleteWith calls del with the client and the key of the object in
// state. An object already gone counts as deleted. Its natural key, if the
// type has one, is free again for a create in this run (a replacement),
// unless the type KeepsKey.
func (b *Base[C, K]) DeleteWith(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse,
	del func(ctx context.Context, c C, key K) error) {
	c, ok := b.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	key, ok := b.Type.ID.FromState(ctx, b.Type.KindName(), req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	if err := del(ctx, c, key); err != nil && !transport.IsNotFound(err) {
		verb := b.Type.Deleting
		if verb == "" {
			verb = "Deleting"
		}
		resp.Diagnostics.AddError(verb+" "+b.Type.Object(key)+" failed", err.Error())
		return
	}
	if !b.Type.KeepsKey {
		b.Keys().Remove(b.Type.ID.Format(key))
	}
}

// Send sends a create through lostcreate.Create, with the names, the
// natural-key index and the retry policy taken from the type and the
// provider: l says only how to find the object. A Key that names its own
// index (KeysWithin, for keys unique within a parent) keeps it; otherwise
// it is the type's.
func Send[T, C, K any](ctx context.Context, b *Base[C, K], diags *diag.Diagnostics, summary string,
	send func(context.Context) (*T, error), l lostcreate.Lookup[T]) (*T, bool) {
	l.Vendor, l.Kind, l.ResourceType = b.Type.Vendor.Name, b.Type.KindName(), b.Type.TypeName()
	if l.Key != nil && l.Key.Index == nil {
		l.Key.Index = b.Keys()
	}
	return lostcreate.Create(ctx, diags, summary, b.Data.Retry, send, l)
}

// Entries is a natural key's List (lostcreate.Key): every object of the
// kind that list returns, with entry giving its id and normalised key.
func Entries[T any](list func(context.Context) ([]T, error), entry func(T) (id, key string)) naturalkey.ListFunc {
	return func(ctx context.Context) ([]naturalkey.Entry, error) {
		all, err := list(ctx)
		return naturalkey.Entries(all, err, func(x T) (naturalkey.Entry, bool) {
			id, key := entry(x)
			return naturalkey.Entry{ID: id, Key: key}, true
		})
	}
}
