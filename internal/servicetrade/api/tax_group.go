package api

import "context"

// TaxGroup is a sales tax group: a combined rate that applies to a list of
// postal codes (GET /taxgroup/{id}). ServiceTrade uses tax groups when the
// account setting salesTaxSource is "taxgroup".
type TaxGroup struct {
	ID    int64  `json:"id"`
	URI   string `json:"uri"`
	Code  string `json:"code"`
	Name  string `json:"name"`
	State string `json:"state"`
	// CombinedRate is a decimal fraction: 0.085 is 8.5 %.
	CombinedRate float64  `json:"combinedRate"`
	PostalCodes  []string `json:"postalCodes"`
	Created      int64    `json:"created"`
	Updated      int64    `json:"updated"`
}

// TaxGroupInput is the body of POST /taxgroup and of PUT /taxgroup/{id}.
// Every field is sent on both: POST requires code, name, combinedRate and
// state, and PUT takes every one of them; postalCodes replaces the whole
// list on PUT, so it is always sent ([] for none, never omitted).
type TaxGroupInput struct {
	Code         string   `json:"code"`
	Name         string   `json:"name"`
	State        string   `json:"state"`
	CombinedRate float64  `json:"combinedRate"`
	PostalCodes  []string `json:"postalCodes"`
}

// TaxGroupFilter narrows GET /taxgroup. Code, Name and PostalCode are
// substring matches on the server (a caller wanting an exact match filters
// the answer again); State is an exact match. ExcludeID leaves out the tax
// group with that id.
type TaxGroupFilter struct {
	Code, Name, State, PostalCode string
	ExcludeID                     int64
}

// taxGroups are at /taxgroup; a list page holds them under "taxGroups".
var taxGroups = collection[TaxGroup]{path: "/taxgroup", listKey: "taxGroups", listed: everyObject}

// GetTaxGroup reads one tax group; IsNotFound(err) when it does not exist.
func (c *Client) GetTaxGroup(ctx context.Context, id int64) (*TaxGroup, error) {
	return taxGroups.get(ctx, c, id)
}

// CreateTaxGroup creates a tax group and returns it as stored.
func (c *Client) CreateTaxGroup(ctx context.Context, in TaxGroupInput) (*TaxGroup, error) {
	return taxGroups.create(ctx, c, in.withPostalCodes())
}

// UpdateTaxGroup replaces a tax group's fields (postal codes included) and
// returns it as stored.
func (c *Client) UpdateTaxGroup(ctx context.Context, id int64, in TaxGroupInput) (*TaxGroup, error) {
	return taxGroups.update(ctx, c, id, in.withPostalCodes())
}

// DeleteTaxGroup deletes a tax group (the API answers 204).
func (c *Client) DeleteTaxGroup(ctx context.Context, id int64) error {
	return taxGroups.delete(ctx, c, id)
}

// ListTaxGroups returns every tax group matching f, across all pages.
func (c *Client) ListTaxGroups(ctx context.Context, f TaxGroupFilter) ([]TaxGroup, error) {
	return taxGroups.list(ctx, c, query{}.
		text("code", f.Code).text("name", f.Name).text("state", f.State).text("postalCode", f.PostalCode).
		id("excludeTaxGroupId", f.ExcludeID))
}

// withPostalCodes sends no postal codes as [] rather than null.
func (in TaxGroupInput) withPostalCodes() TaxGroupInput {
	if in.PostalCodes == nil {
		in.PostalCodes = []string{}
	}
	return in
}
