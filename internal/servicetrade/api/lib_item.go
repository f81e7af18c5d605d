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
