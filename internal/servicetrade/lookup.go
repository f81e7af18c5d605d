package servicetrade

import (
	"fmt"
	"strings"
)

// exactlyOne picks the single item whose key equals want, after a server-side
// filter that matches substrings. It explains zero or several matches.
func exactlyOne[T any](kind, field, want string, items []T, key func(T) string, id func(T) int64) (T, error) {
	var matches []T
	for _, it := range items {
		if key(it) == want {
			matches = append(matches, it)
		}
	}
	var zero T
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return zero, fmt.Errorf("no ServiceTrade %s has the %s %q (the match is exact and case-sensitive)", kind, field, want)
	default:
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = formatID(id(m))
		}
		return zero, fmt.Errorf("%d ServiceTrade %ss have the %s %q (ids %s); look it up by id instead", len(matches), kind, field, want, strings.Join(ids, ", "))
	}
}
