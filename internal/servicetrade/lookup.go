package servicetrade

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// kindOf is the lookup.Kind of one kind of ServiceTrade object, listed by
// numeric id when several match.
func kindOf[T any](name string, id func(T) int64) lookup.Kind[T] {
	return lookup.Kind[T]{Vendor: "ServiceTrade", Name: name, Ident: func(v T) string { return formatID(id(v)) }}
}

// byID is the lookup.Spec Get of a ServiceTrade data source: it parses the
// configured id and reads the object with get.
func byID[T any](kind string, get func(int64) (*T, error)) func(string) (*T, diag.Diagnostics) {
	return byIDOf(kind, func(id int64) string { return fmt.Sprintf("ServiceTrade %s %d", kind, id) }, get)
}

// byIDOf is byID for an object read within another one, which describe
// names in the message of a failed read ("rule 5 of ServiceTrade contract
// 7").
func byIDOf[T any](kind string, describe func(int64) string, get func(int64) (*T, error)) func(string) (*T, diag.Diagnostics) {
	return func(raw string) (*T, diag.Diagnostics) {
		var diags diag.Diagnostics
		id, err := parseID(kind, raw)
		if err != nil {
			diags.AddAttributeError(path.Root("id"), "Invalid "+kind+" id", err.Error())
			return nil, diags
		}
		v, err := get(id)
		if err != nil {
			diags.AddError("Reading "+describe(id)+" failed", err.Error())
		}
		return v, diags
	}
}

// listAll is the lookup.Spec List of a vendor list that takes no filter.
func listAll[T any](list func() ([]T, error)) func(lookup.Key[T]) ([]T, error) {
	return func(lookup.Key[T]) ([]T, error) { return list() }
}

// matchOption changes how exactlyOne compares keys.
type matchOption int

// ignoreCase compares keys case-insensitively, for keys such as e-mail
// addresses that the vendor treats so.
const ignoreCase matchOption = 1

// exactlyOne picks the single item whose key equals want (lookup.Match),
// for callers outside a data source such as an import by name.
func exactlyOne[T any](kind, field, want string, items []T, key func(T) string, id func(T) int64, opts ...matchOption) (T, error) {
	return lookup.Match(kindOf(kind, id),
		lookup.Key[T]{Attr: field, Value: types.StringValue(want), Of: key, IgnoreCase: slices.Contains(opts, ignoreCase)}, items)
}

// objectKind is one kind of ServiceTrade object as its single-object data
// source finds it: its name in messages ("payment terms"), the object's
// numeric id (listed when several match) and the client's read by id, nil
// for an object read within another one (a contract's rule), whose data
// source sets the Spec's Get itself (byIDOf).
type objectKind[T any] struct {
	name string
	id   func(T) int64
	get  func(*api.Client, context.Context, int64) (*T, error)
}

// spec is the kit.Lookup Spec's look-up of an object of the kind: by the
// configured id, read with get, or else by the configured key among what
// list returns (kit.Lookup fills in the id and the keys from the
// configuration). A data source that says more (a scope, an explanation)
// sets more of it.
func (k objectKind[T]) spec(ctx context.Context, client *api.Client, list func(lookup.Key[T]) ([]T, error)) lookup.Spec[T] {
	s := lookup.Spec[T]{Kind: kindOf(k.name, k.id), List: list}
	if k.get != nil {
		s.Get = byID(k.name, func(n int64) (*T, error) { return k.get(client, ctx, n) })
	}
	return s
}

// amongAll is the kit.Lookup Spec of a data source of the kind k whose
// keys are matched among every object list returns, the client's method
// (such as (*api.Client).ListTerms): the API has no filter for them, or
// none that matches whole keys.
func amongAll[M, T any](k objectKind[T], list func(*api.Client, context.Context) ([]T, error)) func(context.Context, *api.Client, *M) lookup.Spec[T] {
	return func(ctx context.Context, client *api.Client, _ *M) lookup.Spec[T] {
		return k.spec(ctx, client, listAll(func() ([]T, error) { return list(client, ctx) }))
	}
}

// amongNamed is the kit.Lookup Spec of a data source of the kind k whose
// name is matched among what the API's name filter returns: list, given
// the configured name (the filter may match more, such as substrings; the
// look-up keeps the exact matches).
func amongNamed[M, T any](k objectKind[T], list func(c *api.Client, ctx context.Context, name string) ([]T, error)) func(context.Context, *api.Client, *M) lookup.Spec[T] {
	return func(ctx context.Context, client *api.Client, _ *M) lookup.Spec[T] {
		return k.spec(ctx, client, func(key lookup.Key[T]) ([]T, error) { return list(client, ctx, key.Value.ValueString()) })
	}
}

// activeOnly is the lookup.Spec Explain of a data source that searches
// active objects (plural, "warehouses") unless include_inactive is true:
// when nothing matched, it says so and how to search the others too.
func activeOnly(includeInactive types.Bool, plural string) func(msg string, none bool) string {
	return func(msg string, none bool) string {
		if none && !includeInactive.ValueBool() {
			msg += ". Only active " + plural + " were searched; set include_inactive = true to search inactive " + plural + " too."
		}
		return msg
	}
}

// readAgain is the kit.Lookup Refetch of a kind whose list entries lack
// what only the read by id returns (a region's offices, a template's
// items): it reads the object found by its id.
func (k objectKind[T]) readAgain(ctx context.Context, client *api.Client, found *T, diags *diag.Diagnostics) *T {
	v, err := k.get(client, ctx, k.id(*found))
	if err != nil {
		diags.AddError(fmt.Sprintf("Reading ServiceTrade %s %d failed", k.name, k.id(*found)), err.Error())
	}
	return v
}
