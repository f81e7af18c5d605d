package api

import "context"

// Terms is a set of terms and conditions that contracts, quotes and invoices
// reference (GET /terms/{id}).
type Terms struct {
	ID      int64  `json:"id"`
	URI     string `json:"uri"`
	Name    string `json:"name"`
	Content string `json:"content"`
}

// TermsInput is the body of POST and PUT /terms. Both fields are required on
// POST; PUT sends both, so that the stored terms equal the input.
type TermsInput struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

// allTerms are at /terms; a list page holds them under "terms".
var allTerms = collection[Terms]{path: "/terms", listKey: "terms", listed: everyObject}

// GetTerms reads one set of terms; IsNotFound(err) when it does not exist.
func (c *Client) GetTerms(ctx context.Context, id int64) (*Terms, error) {
	return allTerms.get(ctx, c, id)
}

// ListTerms returns every set of terms of the account: the index takes no
// filters.
func (c *Client) ListTerms(ctx context.Context) ([]Terms, error) {
	return allTerms.list(ctx, c, nil)
}

// CreateTerms creates terms and returns them as stored.
func (c *Client) CreateTerms(ctx context.Context, in TermsInput) (*Terms, error) {
	return allTerms.create(ctx, c, in)
}

// UpdateTerms changes terms and returns them as stored. (The reference's
// example uses POST /terms/{id}; PUT is the documented verb.)
func (c *Client) UpdateTerms(ctx context.Context, id int64, in TermsInput) (*Terms, error) {
	return allTerms.update(ctx, c, id, in)
}

// DeleteTerms deletes terms (204). IsConflict(err) when contracts, quote
// templates or account settings still reference them; IsNotFound(err) when
// they are already gone.
func (c *Client) DeleteTerms(ctx context.Context, id int64) error {
	return allTerms.delete(ctx, c, id)
}
