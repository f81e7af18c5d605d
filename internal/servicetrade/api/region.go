package api

import "context"

// Region is a geographic region (GET /region/{id}).
type Region struct {
	ID      int64       `json:"id"`
	URI     string      `json:"uri"`
	Name    string      `json:"name"`
	Color   *string     `json:"color"`
	Points  []Point     `json:"points"`
	Offices []Reference `json:"offices"`
}

// Point is one [latitude, longitude] pair of a region's boundary.
type Point [2]float64

// Reference is the {id, uri, name} part of any nested object.
type Reference struct {
	ID   int64  `json:"id"`
	URI  string `json:"uri,omitempty"`
	Name string `json:"name,omitempty"`
}

// RegionInput is the body of POST and PUT /region. Every field is sent: PUT
// replaces arrays wholesale, and a null color clears it.
type RegionInput struct {
	Name      string  `json:"name"`
	Points    []Point `json:"points"`
	Color     *string `json:"color"`
	OfficeIDs []int64 `json:"officeIds"`
}

// RegionFilter narrows GET /region. Name is a case-insensitive substring
// match on the server.
type RegionFilter struct {
	Name      string
	OfficeIDs []int64
}

// regions are at /region; a list page holds them under "regions".
var regions = collection[Region]{path: "/region", listKey: "regions"}

// GetRegion reads one region; IsNotFound(err) when it does not exist.
func (c *Client) GetRegion(ctx context.Context, id int64) (*Region, error) {
	return regions.get(ctx, c, id)
}

// CreateRegion creates a region and returns it as stored.
func (c *Client) CreateRegion(ctx context.Context, in RegionInput) (*Region, error) {
	return regions.create(ctx, c, in)
}

// UpdateRegion replaces a region's fields and returns it as stored.
func (c *Client) UpdateRegion(ctx context.Context, id int64, in RegionInput) (*Region, error) {
	return regions.update(ctx, c, id, in)
}

// DeleteRegion deletes a region (the API answers 200, not 204).
func (c *Client) DeleteRegion(ctx context.Context, id int64) error {
	return regions.delete(ctx, c, id)
}

// ListRegions returns every region matching f, across all pages. Note that
// list entries carry an empty offices array: use GetRegion for offices.
func (c *Client) ListRegions(ctx context.Context, f RegionFilter) ([]Region, error) {
	return regions.list(ctx, c, query{}.text("name", f.Name).ids("officeIds", f.OfficeIDs))
}
