package kit

import "context"

// GetChild is Resource.Get for an object the API reads through its parent
// (a Child key): get takes the parent's id, then the object's, as a client
// method expression such as (*api.Client).GetContractRule does.
func GetChild[C, O any](get func(C, context.Context, int64, int64) (*O, error)) func(C, context.Context, Child) (*O, error) {
	return func(c C, ctx context.Context, key Child) (*O, error) { return get(c, ctx, key.Parent, key.ID) }
}

// DeleteChild is Resource.Del for an object the API deletes through its
// parent: (*api.Client).DeleteContractRule.
func DeleteChild[C any](del func(C, context.Context, int64, int64) error) func(C, context.Context, Child) error {
	return func(c C, ctx context.Context, key Child) error { return del(c, ctx, key.Parent, key.ID) }
}
