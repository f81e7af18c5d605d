package api

import "encoding/json"

// Nullable is a field of a request body that PUT's partial-update semantics
// need in three states: left out (the zero value, so that the field is not
// sent: tag it `json:",omitzero"`), null (clear it on the server), or a
// value.
type Nullable[T any] struct {
	sent  bool
	value *T
}

// Some is a Nullable that sends v.
func Some[T any](v T) Nullable[T] { return Nullable[T]{sent: true, value: &v} }

// Null is a Nullable that sends null.
func Null[T any]() Nullable[T] { return Nullable[T]{sent: true} }

// FromPtr sends *p, or null when p is nil.
func FromPtr[T any](p *T) Nullable[T] {
	if p == nil {
		return Null[T]()
	}
	return Some(*p)
}

// IsZero reports whether the field is left out (for omitzero).
func (n Nullable[T]) IsZero() bool { return !n.sent }

// Get returns the value and whether there is one (false for null and for a
// field left out).
func (n Nullable[T]) Get() (T, bool) {
	if n.value == nil {
		var zero T
		return zero, false
	}
	return *n.value, true
}

// MarshalJSON renders the value, or null.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if n.value == nil {
		return []byte("null"), nil
	}
	return json.Marshal(*n.value)
}
