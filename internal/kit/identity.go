package kit

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/english"
)

// Resource identity (Terraform 1.12+): every resource is known by the
// attributes of its id format (ID.Parts), the ones a person names it by:
// `id` for an object with an id of its own, the parent's id and the
// object's for a ChildOf (`contract_id` + `id`, `user_id` + `role_id`),
// the three parts of a Triple. The identity schema is derived from them,
// the CRUD helpers copy them from the state they save into the identity
// (so that it never differs from the state's key, which never changes for
// the life of an object: a change of a part replaces it), and ImportState
// takes an identity as well as an import id. Terraform before 1.12 and
// OpenTofu neither ask for identity nor send one: the framework then hands
// the helpers a null identity, which they fill in and Terraform ignores.

// IdentitySchema is the type's identity: one attribute per part of its
// id, named and typed as the resource's attribute (a number part is an
// Int64, the rest Strings), each needed to import.
func (b *Base[C, K]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = b.Type.ID.IdentitySchema(b.Type.KindName())
}

// IdentitySchema is the identity schema of objects of kind known by id.
func (id ID[K]) IdentitySchema(kind string) identityschema.Schema {
	attrs := make(map[string]identityschema.Attribute, len(id.Parts))
	for _, p := range id.Parts {
		desc := fmt.Sprintf("The %s's `%s`, as in the resource's attribute of that name.", kind, p.Attr)
		if p.Int {
			attrs[p.Attr] = identityschema.Int64Attribute{RequiredForImport: true, Description: desc}
		} else {
			attrs[p.Attr] = identityschema.StringAttribute{RequiredForImport: true, Description: desc}
		}
	}
	return identityschema.Schema{Attributes: attrs}
}

// attributeSetter is what state and identity share.
type attributeSetter interface {
	SetAttribute(context.Context, path.Path, any) diag.Diagnostics
}

// copyParts copies the id's attributes from one of state, plan or identity
// to another.
func (id ID[K]) copyParts(ctx context.Context, from attributeGetter, to attributeSetter, diags *diag.Diagnostics) {
	for _, p := range id.Parts {
		if p.Int {
			var n types.Int64
			if diags.Append(from.GetAttribute(ctx, path.Root(p.Attr), &n)...); !diags.HasError() {
				diags.Append(to.SetAttribute(ctx, path.Root(p.Attr), n)...)
			}
		} else {
			var s types.String
			if diags.Append(from.GetAttribute(ctx, path.Root(p.Attr), &s)...); !diags.HasError() {
				diags.Append(to.SetAttribute(ctx, path.Root(p.Attr), s)...)
			}
		}
	}
}

// SetIdentity sets identity from the id's attributes in state, as the
// CRUD helpers do after they save the state. A resource that saves its
// state itself (an Update of its own) calls it with resp.State and
// resp.Identity. A nil identity (a resource without one) is left alone.
func (b *Base[C, K]) SetIdentity(ctx context.Context, state attributeGetter, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if identity == nil || diags.HasError() {
		return
	}
	b.Type.ID.copyParts(ctx, state, identity, diags)
}

// fromIdentity reads an import identity into the parts' values, with the
// parts' parsers, or says which attribute is missing or wrong.
func (id ID[K]) fromIdentity(ctx context.Context, kind string, identity *tfsdk.ResourceIdentity) ([]any, error) {
	values := make([]any, len(id.Parts))
	for i, p := range id.Parts {
		var raw string
		var missing bool
		if p.Int {
			var n types.Int64
			if d := identity.GetAttribute(ctx, path.Root(p.Attr), &n); d.HasError() {
				return nil, DiagsError(d)
			}
			missing, raw = n.IsNull() || n.IsUnknown(), strconv.FormatInt(n.ValueInt64(), 10)
		} else {
			var s types.String
			if d := identity.GetAttribute(ctx, path.Root(p.Attr), &s); d.HasError() {
				return nil, DiagsError(d)
			}
			missing, raw = s.IsNull() || s.IsUnknown(), s.ValueString()
		}
		if missing {
			return nil, fmt.Errorf("the identity of %s needs %s; got none for %s", english.A(kind), id.attrList(), p.Attr)
		}
		v, err := p.Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("in the identity's %s: %w", p.Attr, err)
		}
		values[i] = v
	}
	return values, nil
}

// attrList names the identity's attributes: "`contract_id` and `id`".
func (id ID[K]) attrList() string {
	names := make([]string, len(id.Parts))
	for i, p := range id.Parts {
		names[i] = "`" + p.Attr + "`"
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// ImportState imports the object an import block's identity names
// (Terraform 1.12+), or the one of an import id, read as the type's ID
// says (anything else is refused with the expected form); the imported
// state and identity hold the id's parts, and the type's provider-side
// attributes their defaults.
func (b *Base[C, K]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		values, err := b.Type.ID.fromIdentity(ctx, b.Type.KindName(), req.Identity)
		if err != nil {
			resp.Diagnostics.AddError("Invalid import identity for "+b.Type.TypeName(), err.Error())
			return
		}
		b.imported(ctx, values, resp)
		return
	}
	b.Import(ctx, req.ID, resp)
}

// Import imports the object of the import id raw, as ImportState does: a
// resource with an ImportState of its own (one that also takes a name)
// calls it with the id it found.
func (b *Base[C, K]) Import(ctx context.Context, raw string, resp *resource.ImportStateResponse) {
	values, err := b.Type.ID.ParseImport(b.Type.KindName(), raw)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for "+b.Type.TypeName(), err.Error())
		return
	}
	b.imported(ctx, values, resp)
}

// imported writes the parts' values, the provider-side defaults and the
// identity.
func (b *Base[C, K]) imported(ctx context.Context, values []any, resp *resource.ImportStateResponse) {
	b.Type.ID.setImported(ctx, values, &resp.State, &resp.Diagnostics)
	for name, v := range b.Type.ProviderSide {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
	b.SetIdentity(ctx, &resp.State, resp.Identity, &resp.Diagnostics)
}
