package api

import (
	"context"
	"strings"
)

// LibItem is a price-book item (part, labor, service, ...) that contract
// rules and quote template items reference (GET /libitem/{id}).
type LibItem struct {
	ID   int64  `json:"id"`
	URI  string `json:"uri"`
	Name string `json:"name"`
	// Code is unique when set; the API returns null for items without one.
	Code string      `json:"code"`
	Type LibItemType `json:"type"`
	// Cost is the standard cost, or nil.
	Cost *float64 `json:"cost"`
	// Price is set only when the item is read in a contract context.
	Price       *float64     `json:"price"`
	Active      bool         `json:"active"`
	Taxable     bool         `json:"taxable"`
	IsGeneric   bool         `json:"isGeneric"`
	Company     *Reference   `json:"company"`
	ServiceLine *ServiceLine `json:"serviceLine"`
	Created     int64        `json:"created"`
	Updated     int64        `json:"updated"`
}

// LibItemType is a lib item's type. GETs return it capitalised ("Part",
// "Other") while requests and the POST echo use lowercase ("part"), so
// compare types with Is or Normalized, never with ==.
type LibItemType string

// LibItemTypes are the types the API accepts, in their request form.
var LibItemTypes = []string{"inspection", "service", "part", "labor", "fee", "material", "general_conditions", "equipment", "subcontractor", "other"}

// Normalized returns the type in the lowercase request form: "Part" gives
// "part" and "General Conditions" gives "general_conditions".
func (t LibItemType) Normalized() string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(string(t))), " ", "_")
}

// Is reports whether t is the type other, ignoring case (and spaces versus
// underscores).
func (t LibItemType) Is(other string) bool { return t.Normalized() == LibItemType(other).Normalized() }

// LibItemFilter narrows GET /libitem. Search, Code and Name are matched by
// the server (Name as a substring); Active nil means the server's default,
// active items only. CompanyIDs adds those companies' specific items to the
// global ones (default: the user's company).
type LibItemFilter struct {
	Search         string
	Code           string
	Name           string
	Type           string
	Active         *bool
	ServiceLineIDs []int64
	CompanyIDs     []int64
}

// libItems are at /libitem; a list page holds them under "libItems".
var libItems = collection[LibItem]{path: "/libitem", listKey: "libItems"}

// GetLibItem reads one lib item, active or not; IsNotFound(err) when it does
// not exist.
func (c *Client) GetLibItem(ctx context.Context, id int64) (*LibItem, error) {
	return libItems.get(ctx, c, id)
}

// ListLibItems returns every lib item matching f, across all pages.
func (c *Client) ListLibItems(ctx context.Context, f LibItemFilter) ([]LibItem, error) {
	q := query{}.text("search", f.Search).text("code", f.Code).text("name", f.Name).
		text("type", LibItemType(f.Type).Normalized()).boolean("active", f.Active).
		ids("serviceLineIds", f.ServiceLineIDs).ids("companyIds", f.CompanyIDs)
	return libItems.list(ctx, c, q)
}

// LibItemInput is the body of POST /libitem. Name and Type are required;
// Type is one of LibItemTypes (the lowercase request form). Fields left out
// (the zero Nullable, nil pointers) take the API's defaults: no code, no
// cost, no service line, a global item, active and taxable.
type LibItemInput struct {
	Name          string            `json:"name"`
	Type          string            `json:"type"`
	Code          Nullable[string]  `json:"code,omitzero"`
	Cost          Nullable[float64] `json:"cost,omitzero"`
	ServiceLineID Nullable[int64]   `json:"serviceLineId,omitzero"`
	CompanyID     Nullable[int64]   `json:"companyId,omitzero"`
	Active        *bool             `json:"active,omitempty"`
	Taxable       *bool             `json:"taxable,omitempty"`
}

// LibItemUpdate is the body of PUT /libitem/{id}, a partial update: only
// the fields set are sent, and Null clears an optional one. The API's
// PUT-only techId (a labor item's cost for one technician) is not part of
// it: with it, cost would not be the item's standard cost.
type LibItemUpdate struct {
	Name          *string           `json:"name,omitempty"`
	Type          *string           `json:"type,omitempty"`
	Code          Nullable[string]  `json:"code,omitzero"`
	Cost          Nullable[float64] `json:"cost,omitzero"`
	ServiceLineID Nullable[int64]   `json:"serviceLineId,omitzero"`
	CompanyID     Nullable[int64]   `json:"companyId,omitzero"`
	Active        *bool             `json:"active,omitempty"`
	Taxable       *bool             `json:"taxable,omitempty"`
}

// CreateLibItem creates a lib item and returns it as the API echoes it:
// with the lowercase type (and a typeId), where GETs capitalise it. A code
// already used by another item is a 400 with the API's message.
func (c *Client) CreateLibItem(ctx context.Context, in LibItemInput) (*LibItem, error) {
	return libItems.create(ctx, c, in)
}

// UpdateLibItem changes the fields set in in and returns the item as
// stored; IsNotFound(err) when it does not exist.
func (c *Client) UpdateLibItem(ctx context.Context, id int64, in LibItemUpdate) (*LibItem, error) {
	return libItems.update(ctx, c, id, in)
}

// DeactivateLibItem sets active=false on a lib item, which stands for the
// delete the API does not have (DELETE answers 405): the item stays, with
// its code, hidden from the default list.
func (c *Client) DeactivateLibItem(ctx context.Context, id int64) error {
	inactive := false
	_, err := c.UpdateLibItem(ctx, id, LibItemUpdate{Active: &inactive})
	return err
}

// ListAllLibItems returns every lib item f selects, active and inactive:
// the API lists one or the other (active by default), so it asks for
// both. f.Active is ignored.
func (c *Client) ListAllLibItems(ctx context.Context, f LibItemFilter) ([]LibItem, error) {
	all := []LibItem{}
	for _, active := range []bool{true, false} {
		f.Active = &active
		list, err := c.ListLibItems(ctx, f)
		if err != nil {
			return nil, err
		}
		all = append(all, list...)
	}
	return all, nil
}
