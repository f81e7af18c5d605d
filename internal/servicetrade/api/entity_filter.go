package api

import "context"

// EntityFilter is a named set of a customer company's locations that a
// contract's location context can refer to (GET /entityfilter/{id}). Read
// only: the API answers 405 to POST, PUT and DELETE, and no contract
// parameter sets one.
type EntityFilter struct {
	ID   int64  `json:"id"`
	URI  string `json:"uri"`
	Name string `json:"name"`
	// Type is "location", the only type documented.
	Type string `json:"type"`
	// Company and Locations are returned only by GET /entityfilter/{id},
	// never in a list. Locations is empty (or null) when the filter covers
	// every location of the company.
	Company   *EntityFilterCompany `json:"company"`
	Locations []Reference          `json:"locations"`
}

// EntityFilterCompany is the company of an entity filter, in the short form
// of a company nested in another object: {id, uri, name, status}.
type EntityFilterCompany struct {
	ID     int64  `json:"id"`
	URI    string `json:"uri"`
	Name   string `json:"name"`
	Status string `json:"status"`
}

// EntityFilterFilter narrows GET /entityfilter. Name is a substring of the
// filter's name ("string to find in the filter name"); Type is "location".
type EntityFilterFilter struct {
	Name, Type string
}

// entityFilters are at /entityfilter; a list page holds them under
// "entityFilters".
var entityFilters = collection[EntityFilter]{path: "/entityfilter", listKey: "entityFilters"}

// GetEntityFilter reads one entity filter, with its company and locations;
// IsNotFound(err) when it does not exist.
func (c *Client) GetEntityFilter(ctx context.Context, id int64) (*EntityFilter, error) {
	return entityFilters.get(ctx, c, id)
}

// ListEntityFilters returns every entity filter matching f, across all
// pages, without their company and locations (the list omits them).
func (c *Client) ListEntityFilters(ctx context.Context, f EntityFilterFilter) ([]EntityFilter, error) {
	return entityFilters.list(ctx, c, query{}.text("name", f.Name).text("type", f.Type))
}
