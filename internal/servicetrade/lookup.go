package servicetrade

import (
	"fmt"
	"slices"
	"strings"
)

// matchOption changes how exactlyOne compares keys.
type matchOption int

// ignoreCase compares keys case-insensitively, for keys such as e-mail
// addresses that the vendor treats so.
const ignoreCase matchOption = 1

// exactlyOne picks the single item whose key equals want, after a server-side
// filter that matches substrings. It explains zero or several matches. The
// match is case-sensitive unless ignoreCase is given.
func exactlyOne[T any](kind, field, want string, items []T, key func(T) string, id func(T) int64, opts ...matchOption) (T, error) {
	fold := slices.Contains(opts, ignoreCase)
	var matches []T
	for _, it := range items {
		if k := key(it); k == want || fold && strings.EqualFold(k, want) {
			matches = append(matches, it)
		}
	}
	var zero T
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		how := "exact and case-sensitive"
		if fold {
			how = "exact but ignores case"
		}
		return zero, fmt.Errorf("no ServiceTrade %s has the %s %q (the match is %s)", kind, field, want, how)
	default:
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = formatID(id(m))
		}
		return zero, fmt.Errorf("%d ServiceTrade %s have the %s %q (ids %s); look it up by id instead", len(matches), plural(kind), field, want, strings.Join(ids, ", "))
	}
}

// plural is the English plural of a kind of object: "regions", "companies",
// and "terms" or "payment terms" unchanged.
func plural(kind string) string {
	switch {
	case strings.HasSuffix(kind, "s"):
		return kind
	case len(kind) > 1 && strings.HasSuffix(kind, "y") && !strings.ContainsAny(kind[len(kind)-2:len(kind)-1], "aeiou"):
		return kind[:len(kind)-1] + "ies"
	default:
		return kind + "s"
	}
}
