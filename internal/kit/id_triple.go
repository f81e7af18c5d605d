package kit

import "fmt"

// Triple is the key of an object known by three parts and no id of its
// own: a ServiceTrade external id is known by its entity's type, the
// entity's id and the external system's name.
type Triple[A, B, C any] struct {
	First  A
	Second B
	Third  C
}

// TripleOf is the ID of an object held in three attributes, a, b and c in
// that order, and imported as "<a>/<b>/<c>" (such as example; a note, when
// not empty, follows it in parentheses in the error of a malformed one).
// Each part parses its own field, with the one parser and error format of
// every composite id (ID.ParseImport); a number attribute is marked Int and
// parses to an int64. A part's value cannot contain "/", so the resource
// validates its string parts accordingly. describe, when set, names an
// object in messages. The resource's own `id` attribute, if it has one, is
// not a part: it holds Format(key) and is set by the resource's mapping.
func TripleOf[A, B, C any](a, b, c Part, example, note string, describe func(vendor string, key Triple[A, B, C]) string) ID[Triple[A, B, C]] {
	return ID[Triple[A, B, C]]{
		Parts: []Part{a, b, c}, Example: example, Note: note, Describe: describe,
		Key: func(v []any) Triple[A, B, C] {
			return Triple[A, B, C]{First: as[A](v[0]), Second: as[B](v[1]), Third: as[C](v[2])}
		},
		Format: FormatTriple[A, B, C],
	}
}

// FormatTriple is a Triple as its import id: "<first>/<second>/<third>",
// numbers in decimal.
func FormatTriple[A, B, C any](k Triple[A, B, C]) string {
	return fmt.Sprint(k.First) + "/" + fmt.Sprint(k.Second) + "/" + fmt.Sprint(k.Third)
}
