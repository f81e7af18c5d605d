// Package english holds the few rules of English grammar that messages
// built from a kind's name need, so that every message follows them alike.
package english

import "strings"

// A returns noun with its indefinite article: "a region", "an external
// system", "a user" (a "u" said "you" takes "a").
func A(noun string) string {
	if strings.HasPrefix(noun, "us") || strings.HasPrefix(noun, "uni") {
		return "a " + noun
	}
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}
