package api

import "context"

// Company is a ServiceTrade company: a customer, a vendor (the account's own
// company is one), or both.
type Company struct {
	ID              int64    `json:"id"`
	URI             string   `json:"uri"`
	RefNumber       string   `json:"refNumber"`
	Name            string   `json:"name"`
	Status          string   `json:"status"`
	Customer        bool     `json:"customer"`
	Vendor          bool     `json:"vendor"`
	PartsVendor     bool     `json:"partsVendor"`
	PrimeContractor bool     `json:"primeContractor"`
	PhoneNumber     string   `json:"phoneNumber"`
	Address         *Address `json:"address"`
}

// CompanyFilter narrows GET /company. Name is a case-insensitive substring
// match on the server; Status is one of active, pending, inactive, on_hold.
type CompanyFilter struct {
	Name   string
	Status string
}

// companies are at /company; a list page holds them under "companies".
var companies = collection[Company]{path: "/company", listKey: "companies"}

// GetCompany reads one company; IsNotFound(err) when it does not exist.
func (c *Client) GetCompany(ctx context.Context, id int64) (*Company, error) {
	return companies.get(ctx, c, id)
}

// ListCompanies returns every company matching f, across all pages.
func (c *Client) ListCompanies(ctx context.Context, f CompanyFilter) ([]Company, error) {
	return companies.list(ctx, c, query{}.text("name", f.Name).text("status", f.Status))
}
