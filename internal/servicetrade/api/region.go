package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

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

func regionPath(id int64) string { return "/region/" + strconv.FormatInt(id, 10) }

// GetRegion reads one region; IsNotFound(err) when it does not exist.
func (c *Client) GetRegion(ctx context.Context, id int64) (*Region, error) {
	return fetch[Region](ctx, c, http.MethodGet, regionPath(id), nil, nil)
}

// CreateRegion creates a region and returns it as stored.
func (c *Client) CreateRegion(ctx context.Context, in RegionInput) (*Region, error) {
	return fetch[Region](ctx, c, http.MethodPost, "/region", nil, in)
}

// UpdateRegion replaces a region's fields and returns it as stored.
func (c *Client) UpdateRegion(ctx context.Context, id int64, in RegionInput) (*Region, error) {
	return fetch[Region](ctx, c, http.MethodPut, regionPath(id), nil, in)
}

// DeleteRegion deletes a region (the API answers 200, not 204).
func (c *Client) DeleteRegion(ctx context.Context, id int64) error {
	return c.call(ctx, http.MethodDelete, regionPath(id), nil, nil, nil)
}

// ListRegions returns every region matching f, across all pages. Note that
// list entries carry an empty offices array: use GetRegion for offices.
func (c *Client) ListRegions(ctx context.Context, f RegionFilter) ([]Region, error) {
	q := url.Values{}
	if f.Name != "" {
		q.Set("name", f.Name)
	}
	if len(f.OfficeIDs) > 0 {
		q.Set("officeIds", JoinIDs(f.OfficeIDs))
	}
	return listAll[Region](ctx, c, "/region", q, "regions")
}

// JoinIDs renders ids as the comma-delimited string ServiceTrade filters take.
func JoinIDs(ids []int64) string {
	b := make([]byte, 0, len(ids)*4)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(b)
}
