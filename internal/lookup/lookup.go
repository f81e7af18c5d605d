// Package lookup finds the one object a single-object data source names:
// by id, or by one of several keys compared exactly (optionally ignoring
// case) among every object the vendor lists. The messages for no match and
// for several matches are written here only, so that every data source of
// every vendor explains a failed look-up the same way.
package lookup

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Kind names the objects a look-up searches, for its messages.
type Kind[T any] struct {
	Vendor string // "ServiceTrade"
	Name   string // "company"; the plural is derived (see Plural)
	// Ident is the identifier of an object, listed when several match so
	// that the user can pick one.
	Ident func(T) string
	// IdentAttr is the attribute that takes Ident, suggested when several
	// match; "id" when empty. Its plural names the list ("ids").
	IdentAttr, IdentPlural string
	// Qualifier follows Name when nothing matches, such as
	// ", active or inactive," for a search that covers both.
	Qualifier string
	// CountSearched adds how many objects were searched when nothing
	// matches, for vendors whose list is the only way to find an object.
	CountSearched bool
}

// Key is one attribute an object can be looked up by.
type Key[T any] struct {
	Attr  string       // attribute of the data source, such as "name"
	Field string       // its words in messages ("e-mail address"); Attr when empty
	Value types.String // configured value; null when the key is not used
	Of    func(T) string
	// IgnoreCase compares case-insensitively, for keys such as e-mail
	// addresses that the vendor treats so.
	IgnoreCase bool
}

func (k Key[T]) field() string {
	if k.Field != "" {
		return k.Field
	}
	return k.Attr
}

// Spec is one look-up: by ID with Get when ID is configured, otherwise by
// the first configured key among what List returns for it (every page).
type Spec[T any] struct {
	Kind Kind[T]
	ID   types.String
	// Get reads the object by id, adding its own diagnostics (invalid id,
	// failed read). Nil when the vendor cannot read by id: make the id a
	// key then.
	Get  func(id string) (*T, diag.Diagnostics)
	Keys []Key[T]
	List func(Key[T]) ([]T, error)
	// Scope, when set, says what List lists the objects of ("of contract
	// 7"), for the message of a failed list.
	Scope string
	// Explain, when set, adds the look-up's context (the scope searched,
	// how to widen it) to a no-match or several-matches message.
	Explain func(msg string, none bool) string
}

// One finds the object Spec names, or adds an error to diags and returns
// nil.
func One[T any](diags *diag.Diagnostics, s Spec[T]) *T {
	if !s.ID.IsNull() && s.Get != nil {
		v, d := s.Get(s.ID.ValueString())
		diags.Append(d...)
		if d.HasError() {
			return nil
		}
		return v
	}
	for _, key := range s.Keys {
		if key.Value.IsNull() {
			continue
		}
		want := key.Value.ValueString()
		list, err := s.List(key)
		if err != nil {
			scope := ""
			if s.Scope != "" {
				scope = " " + s.Scope
			}
			diags.AddError(fmt.Sprintf("Listing %s %s%s to find the %s %q failed", s.Kind.Vendor, Plural(s.Kind.Name), scope, key.field(), want), err.Error())
			return nil
		}
		match, err := Match(s.Kind, key, list)
		if err != nil {
			msg := err.Error()
			if s.Explain != nil {
				var lookupErr *Error
				none := errors.As(err, &lookupErr) && lookupErr.Found == 0
				msg = s.Explain(msg, none)
			}
			diags.AddAttributeError(path.Root(key.Attr), fmt.Sprintf("%s %s lookup failed", s.Kind.Vendor, s.Kind.Name), msg)
			return nil
		}
		return &match
	}
	diags.AddError(fmt.Sprintf("No %s %s to look up", s.Kind.Vendor, s.Kind.Name),
		"The configuration gives neither an id nor a key to look up; this is a bug in the provider's configuration validators.")
	return nil
}

// Error is a look-up that found no object, or several.
type Error struct {
	Found int // how many objects matched: 0, or 2 and more
	msg   string
}

func (e *Error) Error() string { return e.msg }

// Match picks the single item of list whose key equals key.Value; it
// returns an *Error explaining zero or several matches.
func Match[T any](k Kind[T], key Key[T], list []T) (T, error) {
	want := key.Value.ValueString()
	var matches []T
	for _, it := range list {
		if v := key.Of(it); v == want || key.IgnoreCase && strings.EqualFold(v, want) {
			matches = append(matches, it)
		}
	}
	var zero T
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		how := "the match is exact and case-sensitive"
		if key.IgnoreCase {
			how = "the match is exact but ignores case"
		}
		if k.CountSearched {
			how += fmt.Sprintf("; %d %s were searched", len(list), Plural(k.Name))
		}
		return zero, &Error{0, fmt.Sprintf("no %s %s%s has the %s %q (%s)", k.Vendor, k.Name, k.Qualifier, key.field(), want, how)}
	default:
		attr, ids := k.IdentAttr, k.IdentPlural
		if attr == "" {
			attr, ids = "id", "ids"
		}
		idents := make([]string, len(matches))
		for i, m := range matches {
			idents[i] = k.Ident(m)
		}
		return zero, &Error{len(matches), fmt.Sprintf("%d %s %s have the %s %q (%s %s); look it up by %s instead",
			len(matches), k.Vendor, Plural(k.Name), key.field(), want, ids, strings.Join(idents, ", "), attr)}
	}
}

// NotFound is the message of a read by id (Spec.Get) that the vendor
// answers with "not found", worded as a look-up that matched nothing; why
// says what the id is, to help find the right one.
func (k Kind[T]) NotFound(field, want, why string) string {
	return fmt.Sprintf("no %s %s has the %s %s (%s)", k.Vendor, k.Name, field, want, why)
}

// Plural is the English plural of a kind of object: "regions",
// "companies", and "terms" or "payment terms" unchanged.
func Plural(kind string) string {
	switch {
	case strings.HasSuffix(kind, "s"):
		return kind
	case len(kind) > 1 && strings.HasSuffix(kind, "y") && !strings.ContainsAny(kind[len(kind)-2:len(kind)-1], "aeiou"):
		return kind[:len(kind)-1] + "ies"
	default:
		return kind + "s"
	}
}

// Int64 is a configured whole-number id as the string Spec.ID takes; null
// stays null.
func Int64(v types.Int64) types.String {
	if v.IsNull() || v.IsUnknown() {
		return types.StringNull()
	}
	return types.StringValue(strconv.FormatInt(v.ValueInt64(), 10))
}
