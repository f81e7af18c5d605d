package kit

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
)

// Lookup is a whole single-object data source: its schema, how to find the
// object from the configuration (Spec, for lookup.One) and the model's
// mapping from it (Set, or SetDiags for a mapping that can fail).
type Lookup[C, M, T any] struct {
	DataBase[C]
	Definition schema.Schema
	Spec       func(ctx context.Context, c C, cfg *M) lookup.Spec[T]
	// Keys, when set, are the string keys the object is looked up by
	// besides its string id, without values: Read fills the Spec's ID and
	// Keys from the configuration's "id" and these attributes, so that a
	// key is declared once, not copied from the model by every Spec.
	Keys []lookup.Key[T]
	// Refetch, when set, reads an object found by a key (in a list) again,
	// for kinds whose list entries lack what only the read by id (Spec.Get)
	// returns; it adds its own error and returns nil when that read fails.
	Refetch  func(ctx context.Context, c C, found *T, diags *diag.Diagnostics) *T
	Set      func(*M, *T)
	SetDiags func(*M, *T) diag.Diagnostics
}

// Schema returns Definition.
func (d *Lookup[C, M, T]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.Definition
}

// Read finds the object and sets the state from it.
func (d *Lookup[C, M, T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	set := d.Set
	if d.SetDiags != nil {
		set = func(m *M, v *T) { resp.Diagnostics.Append(d.SetDiags(m, v)...) }
	}
	var m M
	d.ReadWith(ctx, req, resp, &m, func(ctx context.Context, c C, diags *diag.Diagnostics) bool {
		spec := d.Spec(ctx, c, &m)
		if d.Keys != nil {
			spec.ID, spec.Keys = d.configured(ctx, req.Config, diags)
		}
		found := lookup.One(diags, spec)
		// lookup.One reads by id when the id is given and Get can read it.
		byID := !spec.ID.IsNull() && spec.Get != nil
		if found != nil && d.Refetch != nil && !byID {
			found = d.Refetch(ctx, c, found, diags)
		}
		if found != nil {
			set(&m, found)
		}
		return found != nil && !diags.HasError()
	})
}

// configured is the configuration's id and Keys with their values.
func (d *Lookup[C, M, T]) configured(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) (types.String, []lookup.Key[T]) {
	var id types.String
	diags.Append(cfg.GetAttribute(ctx, path.Root("id"), &id)...)
	keys := slices.Clone(d.Keys)
	for i := range keys {
		diags.Append(cfg.GetAttribute(ctx, path.Root(keys[i].Attr), &keys[i].Value)...)
	}
	return id, keys
}
