package api

import "context"

// QuoteTemplate is a reusable set of quote line items (GET
// /quotetemplate/{id}).
type QuoteTemplate struct {
	ID   int64  `json:"id"`
	URI  string `json:"uri"`
	Name string `json:"name"`
	// Description is empty when the template has none (the API may answer
	// null or "").
	Description string `json:"description"`
	// Company is the company the template is restricted to, or nil. The
	// API returns it although its field table leaves it out.
	Company *Reference `json:"company"`
	// Terms are the terms and conditions of the template, or nil.
	Terms *Reference `json:"terms"`
	// Items are the template's lines, in the API's order.
	Items   []QuoteTemplateItem `json:"items"`
	Created int64               `json:"created"`
	Updated int64               `json:"updated"`
}

// CompanyID is the id of the template's company, or nil.
func (t *QuoteTemplate) CompanyID() *int64 { return RefID(t.Company) }

// TermsID is the id of the template's terms, or nil.
func (t *QuoteTemplate) TermsID() *int64 { return RefID(t.Terms) }

// QuoteTemplateInput is the body of POST and PUT /quotetemplate. Every
// field is sent: an empty description clears it, and a nil CompanyID or
// TermsID sends null, which clears them on PUT ("defaults to null" on
// POST).
type QuoteTemplateInput struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	CompanyID   *int64 `json:"companyId"`
	TermsID     *int64 `json:"termsId"`
}

// QuoteTemplateFilter narrows GET /quotetemplate. Name is a
// case-insensitive substring match on the server; CompanyIDs keeps
// templates of any of those companies.
type QuoteTemplateFilter struct {
	Name       string
	CompanyIDs []int64
}

// quoteTemplates are at /quotetemplate; a list page holds them under
// "quoteTemplates".
var quoteTemplates = collection[QuoteTemplate]{path: "/quotetemplate", listKey: "quoteTemplates", listed: everyObject}

// GetQuoteTemplate reads one template with its items; IsNotFound(err) when
// it does not exist.
func (c *Client) GetQuoteTemplate(ctx context.Context, id int64) (*QuoteTemplate, error) {
	return quoteTemplates.get(ctx, c, id)
}

// CreateQuoteTemplate creates a template (without items) and returns it as
// stored.
func (c *Client) CreateQuoteTemplate(ctx context.Context, in QuoteTemplateInput) (*QuoteTemplate, error) {
	return quoteTemplates.create(ctx, c, in)
}

// UpdateQuoteTemplate replaces a template's fields (not its items) and
// returns it as stored.
func (c *Client) UpdateQuoteTemplate(ctx context.Context, id int64, in QuoteTemplateInput) (*QuoteTemplate, error) {
	return quoteTemplates.update(ctx, c, id, in)
}

// DeleteQuoteTemplate deletes a template (204). IsConflict(err) when it
// still has items ("quotetemplate still has child items"): delete them
// first. IsNotFound(err) when it is already gone.
func (c *Client) DeleteQuoteTemplate(ctx context.Context, id int64) error {
	return quoteTemplates.delete(ctx, c, id)
}

// ListQuoteTemplates returns every template matching f, with their items,
// across all pages.
func (c *Client) ListQuoteTemplates(ctx context.Context, f QuoteTemplateFilter) ([]QuoteTemplate, error) {
	return quoteTemplates.list(ctx, c, query{}.text("name", f.Name).ids("companyIds", f.CompanyIDs))
}
