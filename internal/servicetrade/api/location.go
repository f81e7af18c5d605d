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
	RefNumber   string   `json:"refNumber"`
	Status      string   `json:"status"`
	Taxable     bool     `json:"taxable"`
	// Company owns the location (the account's own company for offices).
	Company *Reference `json:"company"`
	// Offices serve a customer location; GET returns their short form.
	Offices []Reference `json:"offices"`
}

// LocationFilter narrows GET /location. Name is a case-insensitive
// substring of the name or store number. OfficesOnly lists offices (vendor
// locations) only; otherwise every location is listed, customer or office
// (the API's own default is customer locations only).
type LocationFilter struct {
	Name        string
	OfficesOnly bool
	CompanyIDs  []int64
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
	return fetch[Location](ctx, c, http.MethodGet, "/location/"+strconv.FormatInt(id, 10), nil, nil)
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

// ListLocations returns every location matching f, across all pages.
func (c *Client) ListLocations(ctx context.Context, f LocationFilter) ([]Location, error) {
	q := url.Values{"limit": {"500"}}
	if f.OfficesOnly {
		q.Set("isVendor", "true")
	} else {
		q.Set("isCustomer", "false")
	}
	if f.Name != "" {
		q.Set("name", f.Name)
	}
	if len(f.CompanyIDs) > 0 {
		q.Set("companyId", JoinIDs(f.CompanyIDs))
	}
	return listAll[Location](ctx, c, "/location", q, "locations")
}
