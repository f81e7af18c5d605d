package kit

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// List is a whole plural data source: every object of a kind, or those the
// configuration's filters keep, as one computed list attribute named after
// the type ("webhooks"), each element set from one object. The model M
// holds the filters and the list, a slice of the element model E, so that
// its type is the one the schema declares.
type List[C, M, T, E any] struct {
	DataBase[C]
	// Description is the data source's.
	Description string
	// Filters are the optional attributes that narrow the list, beside it
	// in the schema; nil for none.
	Filters map[string]schema.Attribute
	// Items describes the list, Element the attributes of one element (all
	// computed).
	Items   string
	Element map[string]schema.Attribute
	// List returns the objects the configuration's filters keep; All, for
	// a list without filters, every object: the client's method, such as
	// (*api.Client).ListWebhooks.
	List func(ctx context.Context, c C, cfg *M) ([]T, error)
	All  func(c C, ctx context.Context) ([]T, error)
	// Order, when set, sorts the objects (stably) before they are shown.
	Order func(a, b T) int
	// Refetch, when set, reads each object listed again, for kinds whose
	// list entries lack what only the read by id returns; it returns nil to
	// leave out an object gone since the listing, or to fail after adding
	// its own error.
	Refetch func(ctx context.Context, c C, listed *T, diags *diag.Diagnostics) *T
	// Of is the model's list.
	Of func(*M) *[]E
	// Set maps one object to its element, or SetDiags for a mapping that
	// can fail.
	Set      func(*E, *T)
	SetDiags func(*E, *T) diag.Diagnostics
}

// Schema is the filters and the computed list.
func (d *List[C, M, T, E]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := make(map[string]schema.Attribute, len(d.Filters)+1)
	for name, a := range d.Filters {
		attrs[name] = a
	}
	attrs[d.Type.Name] = ReadOnlyObjects(d.Items, d.Element)
	resp.Schema = schema.Schema{Description: d.Description, Attributes: attrs}
}

// Read lists the objects and sets the state's list from them.
func (d *List[C, M, T, E]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	list := d.List
	if d.All != nil {
		list = func(ctx context.Context, c C, _ *M) ([]T, error) { return d.All(c, ctx) }
	}
	var m M
	d.ReadWith(ctx, req, resp, &m, func(ctx context.Context, c C, diags *diag.Diagnostics) bool {
		all, err := list(ctx, c, &m)
		if err != nil {
			// "Listing ServiceTrade external systems failed"
			diags.AddError("Listing "+d.Type.Vendor.Name+" "+strings.ReplaceAll(d.Type.Name, "_", " ")+" failed", err.Error())
			return false
		}
		if d.Order != nil {
			slices.SortStableFunc(all, d.Order)
		}
		items, ok := d.elements(ctx, c, all, diags)
		*d.Of(&m) = items
		return ok && !diags.HasError()
	})
}

// elements maps the objects listed (each read again first, with Refetch)
// to the list's elements; false when a read again failed.
func (d *List[C, M, T, E]) elements(ctx context.Context, c C, all []T, diags *diag.Diagnostics) ([]E, bool) {
	set := d.Set
	if d.SetDiags != nil {
		set = func(e *E, v *T) { diags.Append(d.SetDiags(e, v)...) }
	}
	// Not nil: no objects is an empty list, not a null one.
	out := make([]E, 0, len(all))
	for i := range all {
		v := &all[i]
		if d.Refetch != nil {
			errs := diags.ErrorsCount()
			if v = d.Refetch(ctx, c, v, diags); v == nil {
				if diags.ErrorsCount() > errs {
					return nil, false
				}
				continue // gone since the listing
			}
		}
		var e E
		set(&e, v)
		out = append(out, e)
	}
	return out, true
}
