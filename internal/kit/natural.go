package kit

import (
	"context"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
)

// Natural describes, for ByNaturalKey, an object that people know by a
// natural key the API does not keep unique (a webhook's URL, a template's
// name): the key is checked before the create, unless a duplicate is
// asked for (allow_duplicate), and a create whose answer was lost is never
// adopted.
type Natural[T any] struct {
	// Attribute holds the key ("hook_url"); Value is its planned value and
	// Describe completes "a <kind> with …" (`hook URL "…"`).
	Attribute, Value, Describe string
	// Match completes "a <kind> …" in the lookup's messages: `for hook URL "…"`.
	Match string
	// Why says in a sentence why a second object with the key is refused.
	Why string
	// List lists every object of the kind (every page); Find, when set,
	// lists them afresh for the lookup after a lost answer (by default
	// List, whose answer the kind's index never caches).
	List, Find func(context.Context) ([]T, error)
	// Key and ID are an object's key and import id.
	Key, ID func(T) string
	// AllowDuplicate is the value of the resource's allow_duplicate.
	AllowDuplicate bool
}

// ByNaturalKey is the lostcreate.Lookup of such an object.
func ByNaturalKey[T any](n Natural[T]) lostcreate.Lookup[T] {
	find := n.Find
	if find == nil {
		find = n.List
	}
	return lostcreate.Lookup[T]{
		Match: n.Match,
		Find: func(ctx context.Context) ([]T, error) {
			list, err := find(ctx)
			return lostcreate.Keep(list, err, func(x T) bool { return n.Key(x) == n.Value })
		},
		ImportID: n.ID,
		Key: &lostcreate.Key{
			Value: n.Value, Describe: n.Describe, Attribute: n.Attribute, Why: n.Why,
			List:           Entries(n.List, func(x T) (string, string) { return n.ID(x), n.Key(x) }),
			AllowDuplicate: "allow_duplicate", Unchecked: n.AllowDuplicate,
		},
	}
}
