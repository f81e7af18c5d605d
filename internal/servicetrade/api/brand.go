package api

import (
	"context"
)

// Brand is a brand of a company (GET /company/{companyId}/brand/{brandId}).
// The API cannot delete it (DELETE answers 405).
type Brand struct {
	ID          int64      `json:"id"`
	URI         string     `json:"uri"`
	Name        string     `json:"name"`
	DisplayName string     `json:"displayName"`
	Company     *Reference `json:"company"`
	// Logo is the brand's logo attachment (purpose 12, Logo), nil when it
	// has none.
	Logo    *Reference `json:"logo"`
	WebSite *string    `json:"webSite"`
	Details *string    `json:"details"`
}

// LogoID is the id of the brand's logo attachment, nil when it has none.
func (b *Brand) LogoID() *int64 {
	if b.Logo == nil || b.Logo.ID == 0 {
		return nil
	}
	id := b.Logo.ID
	return &id
}

// BrandInput is the body of POST and PUT /company/{companyId}/brand[/{id}].
// The reference requires name on both. An empty DisplayName is not sent
// (ServiceTrade then uses the name on a create); WebSite, Details and LogoID
// are sent as null when nil on an update, which clears them.
type BrandInput struct {
	Name        string           `json:"name"`
	DisplayName string           `json:"displayName,omitempty"`
	LogoID      Nullable[int64]  `json:"logoId,omitzero"`
	WebSite     Nullable[string] `json:"webSite,omitzero"`
	Details     Nullable[string] `json:"details,omitzero"`
}

// brands are the brands of one company, at /company/{id}/brand; a list page
// holds them under "brands".
func brands(companyID int64) collection[Brand] {
	return nested[Brand](companies, companyID, "brand", "brands")
}

// GetBrand reads one brand; IsNotFound(err) when the brand or the company
// does not exist (or the brand is another company's).
func (c *Client) GetBrand(ctx context.Context, companyID, id int64) (*Brand, error) {
	return brands(companyID).get(ctx, c, id)
}

// CreateBrand creates a brand of a company and returns it as stored.
func (c *Client) CreateBrand(ctx context.Context, companyID int64, in BrandInput) (*Brand, error) {
	return brands(companyID).create(ctx, c, in)
}

// UpdateBrand changes a brand and returns it as stored.
func (c *Client) UpdateBrand(ctx context.Context, companyID, id int64, in BrandInput) (*Brand, error) {
	return brands(companyID).update(ctx, c, id, in)
}

// ListBrands returns a company's brands, across all pages; name, when not
// empty, keeps those whose name contains it, ignoring case (ServiceTrade's
// filter: callers wanting an exact name compare themselves).
// IsNotFound(err) when the company does not exist.
func (c *Client) ListBrands(ctx context.Context, companyID int64, name string) ([]Brand, error) {
	return brands(companyID).list(ctx, c, query{}.text("name", name))
}
