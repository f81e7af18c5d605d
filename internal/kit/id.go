package kit

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/english"
)

// ID says how the id of one type of object reads: from the state, where
// it is held in one or two attributes, and from an import id, plain ("5")
// or composite ("<contract_id>/<rule_id>"). K is the key the API calls
// take: an int64, a string, or a Child.
type ID[K any] struct {
	// Parts are the id's attributes: one for a plain id, the parent's then
	// the object's for a composite one.
	Parts []Part
	// Example is a valid composite import id, quoted in its error:
	// "4294967297/4294967302". Note follows it there, in parentheses.
	Example, Note string
	// Key builds the key from the parts' parsed values, in order.
	Key func(values []any) K
	// Format is the key as an import id (and as the id in the natural-key
	// index).
	Format func(K) string
	// Describe, when set, names an object in messages ("rule 5 of
	// ServiceTrade contract 7"); otherwise "<vendor> <kind> <key>".
	Describe func(vendor string, key K) string
}

// Part is one attribute of an id.
type Part struct {
	// Attr is the attribute holding it: "id", "contract_id".
	Attr string
	// Label names it in the composite format: "rule_id" in
	// "<contract_id>/<rule_id>". Empty: Attr.
	Label string
	// Int is true when the attribute is a number (a parent id); the object's
	// own id is always a string attribute.
	Int bool
	// Parse reads the part, or says what it should look like. It returns
	// the value for Key: an int64 for Int parts.
	Parse func(raw string) (any, error)
}

func (p Part) label() string {
	if p.Label != "" {
		return p.Label
	}
	return p.Attr
}

// Plain is the ID of an object known by one id, read by parse.
func Plain[K any](parse func(raw string) (K, error), format func(K) string) ID[K] {
	return ID[K]{
		Parts:  []Part{{Attr: "id", Parse: func(raw string) (any, error) { return parse(raw) }}},
		Key:    func(v []any) K { return as[K](v[0]) },
		Format: format,
	}
}

// Number is the ID of an object known by a positive whole number (an
// int64), held as its decimal string. what names such a number in the
// error of an invalid one ("a Kickserv employee number"), example shows a
// valid one ("12").
func Number(what, example string) ID[int64] {
	return Plain(func(raw string) (int64, error) { return ParseNumber(raw, what, example) }, FormatNumber)
}

// ParseNumber reads a positive whole number, or says what it should look
// like: "<what> is a positive whole number such as <example>, got …".
func ParseNumber(raw, what, example string) (int64, error) {
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%s is a positive whole number such as %s, got %q", what, example, raw)
	}
	return n, nil
}

// FormatNumber is a number id as its decimal string.
func FormatNumber(n int64) string { return strconv.FormatInt(n, 10) }

// Child is the key of an object that the API addresses through its
// parent: a contract's rule, a quote template's item.
type Child struct{ Parent, ID int64 }

// ChildOf is the ID of an object held as parent (a number attribute) and
// id, imported as "<parent>/<id>". parent and child parse each part.
func ChildOf(parent, child Part, example, note string, describe func(vendor string, key Child) string) ID[Child] {
	parent.Int = true
	if child.Attr == "" {
		child.Attr = "id"
	}
	return ID[Child]{
		Parts: []Part{parent, child}, Example: example, Note: note, Describe: describe,
		Key:    func(v []any) Child { return Child{Parent: as[int64](v[0]), ID: as[int64](v[1])} },
		Format: func(k Child) string { return FormatNumber(k.Parent) + "/" + FormatNumber(k.ID) },
	}
}

// format is the composite import id's form: "<contract_id>/<rule_id>".
func (id ID[K]) format() string {
	labels := make([]string, len(id.Parts))
	for i, p := range id.Parts {
		labels[i] = "<" + p.label() + ">"
	}
	return strings.Join(labels, "/")
}

// ParseImport reads an import id into the parts' values. Spaces around
// the parts are ignored.
func (id ID[K]) ParseImport(kind, raw string) ([]any, error) {
	if len(id.Parts) == 1 {
		v, err := id.Parts[0].Parse(strings.TrimSpace(raw))
		return []any{v}, err
	}
	fields := strings.Split(raw, "/")
	if len(fields) != len(id.Parts) {
		return nil, fmt.Errorf("the import ID of %s is %q, such as %q%s; got %q", english.A(kind), id.format(), id.Example, parenthesised(id.Note), raw)
	}
	values := make([]any, len(fields))
	for i, f := range fields {
		v, err := id.Parts[i].Parse(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("in import ID %q (%q): %w", raw, id.format(), err)
		}
		values[i] = v
	}
	return values, nil
}

// setImported writes the parsed parts into the imported state.
func (id ID[K]) setImported(ctx context.Context, values []any, state *tfsdk.State, diags *diag.Diagnostics) {
	for i, p := range id.Parts {
		if p.Int {
			diags.Append(state.SetAttribute(ctx, path.Root(p.Attr), values[i])...)
		} else {
			diags.Append(state.SetAttribute(ctx, path.Root(p.Attr), fmt.Sprint(values[i]))...)
		}
	}
}

// attributeGetter is what state and plan share.
type attributeGetter interface {
	GetAttribute(context.Context, path.Path, any) diag.Diagnostics
}

// FromState reads the key of the object in state (or plan), or adds an
// error on the attribute that does not hold a valid id.
func (id ID[K]) FromState(ctx context.Context, kind string, state attributeGetter, diags *diag.Diagnostics) (K, bool) {
	var zero K
	values := make([]any, len(id.Parts))
	for i, p := range id.Parts {
		var raw string
		if p.Int {
			var n types.Int64
			if diags.Append(state.GetAttribute(ctx, path.Root(p.Attr), &n)...); diags.HasError() {
				return zero, false
			}
			if n.IsNull() || n.IsUnknown() {
				diags.AddAttributeError(path.Root(p.Attr), fmt.Sprintf("Invalid %s id in state", kind),
					fmt.Sprintf("The %s's %s is missing from the state; re-import it with %q.", kind, p.Attr, id.format()))
				return zero, false
			}
			raw = strconv.FormatInt(n.ValueInt64(), 10)
		} else {
			var s types.String
			if diags.Append(state.GetAttribute(ctx, path.Root(p.Attr), &s)...); diags.HasError() {
				return zero, false
			}
			raw = s.ValueString()
		}
		v, err := p.Parse(raw)
		if err != nil {
			diags.AddAttributeError(path.Root(p.Attr), fmt.Sprintf("Invalid %s id in state", kind), err.Error())
			return zero, false
		}
		values[i] = v
	}
	return id.Key(values), true
}

func parenthesised(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

// as is a part's parsed value as its Key expects it; another type is a bug
// in the ID's definition.
func as[T any](v any) T {
	t, ok := v.(T)
	if !ok {
		panic(fmt.Sprintf("kit: an id part parsed to %T where its key expects %T", v, t))
	}
	return t
}
