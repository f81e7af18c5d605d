package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// Location is a ServiceTrade location; offices are vendor locations.
type Location struct {
	ID          int64    `json:"id"`
	URI         string   `json:"uri"`
	Name        string   `json:"name"`
	Lat         *float64 `json:"lat"`
	Lon         *float64 `json:"lon"`
	PhoneNumber string   `json:"phoneNumber"`
	Email       string   `json:"email"`
	Address     *Address `json:"address"`
}

// Address is a postal address.
type Address struct {
	Street     string `json:"street"`
	City       string `json:"city"`
	State      string `json:"state"`
	PostalCode string `json:"postalCode"`
}

// GetLocation reads one location.
func (c *Client) GetLocation(ctx context.Context, id int64) (*Location, error) {
	var l Location
	if err := c.call(ctx, http.MethodGet, "/location/"+strconv.FormatInt(id, 10), nil, nil, &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// ListOffices returns the account's offices (vendor locations) whose name
// contains name (case-insensitive; empty for all).
func (c *Client) ListOffices(ctx context.Context, name string) ([]Location, error) {
	q := url.Values{"isVendor": {"true"}, "limit": {"500"}}
	if name != "" {
		q.Set("name", name)
	}
	return listAll[Location](ctx, c, "/location", q, "locations")
}
