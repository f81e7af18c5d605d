package api

import "context"

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

// locations are at /location, offices among them; a list page holds them
// under "locations".
var locations = collection[Location]{path: "/location", listKey: "locations"}

// GetLocation reads one location.
func (c *Client) GetLocation(ctx context.Context, id int64) (*Location, error) {
	return locations.get(ctx, c, id)
}

// ListOffices returns the account's offices (vendor locations) whose name
// contains name (case-insensitive; empty for all).
func (c *Client) ListOffices(ctx context.Context, name string) ([]Location, error) {
	return locations.list(ctx, c, query{"isVendor": {"true"}, "limit": {"500"}}.text("name", name))
}

// ListLocations returns every location matching f, across all pages.
func (c *Client) ListLocations(ctx context.Context, f LocationFilter) ([]Location, error) {
	q := query{"limit": {"500"}}
	if f.OfficesOnly {
		q.text("isVendor", "true")
	} else {
		q.text("isCustomer", "false")
	}
	return locations.list(ctx, c, q.text("name", f.Name).ids("companyId", f.CompanyIDs))
}
