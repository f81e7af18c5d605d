package api

import (
	"context"
	"errors"
	"net/http"
)

// Contract types that POST /contract creates. Quote contracts (created from
// a quote and a job) are not managed by this client.
const (
	ContractTypeDefault  = "default"
	ContractTypeCompany  = "company"
	ContractTypeTemplate = "template"
)

// ContractTypes are the types a contract can be created with.
var ContractTypes = []string{ContractTypeDefault, ContractTypeCompany, ContractTypeTemplate}

// Documented values of a contract's detail levels (each a set).
var (
	InvoiceDetailLevels = []string{"public", "items", "noprices", "items_by_type", "type_detail"}
	QuoteDetailLevels   = []string{"public", "items", "noprices", "time_and_materials", "by_type", "type_detail"}
	// DefaultDetailLevels is what ServiceTrade reports for both detail
	// levels of a contract created without them; for quotes it holds
	// "items_by_type", which is not among QuoteDetailLevels.
	DefaultDetailLevels = []string{"public", "items_by_type", "type_detail"}
)

// Contract is a ServiceTrade contract (GET /contract/{id}). Referenced
// objects come back nested ({id, uri, name, ...}) or null. The reference's
// examples repeat keys (active, complexity, expectedRevenue, ...): the last
// occurrence wins, as encoding/json does.
type Contract struct {
	ID       int64      `json:"id"`
	URI      string     `json:"uri"`
	Name     string     `json:"name"`
	Type     string     `json:"type"`
	Vendor   *Reference `json:"vendor"`
	Customer *Reference `json:"customer"`
	Parent   *Reference `json:"parent"`
	// StartsOn, ExpiresOn and ReviewOn are Unix timestamps. The API keeps
	// the day only: reads show midnight, but the POST response echoes the
	// values as sent.
	StartsOn  *int64     `json:"startsOn"`
	ExpiresOn *int64     `json:"expiresOn"`
	ReviewOn  *int64     `json:"reviewOn"`
	Owner     *Reference `json:"owner"`
	Sales     *Reference `json:"sales"`
	Region    *Reference `json:"region"`
	Office    *Reference `json:"office"`
	Location  *Reference `json:"location"`
	// LocationContext is "location", "entityFilter" or "all" (empty for
	// quote contracts, where the API returns null).
	LocationContext string     `json:"locationContext"`
	EntityFilter    *Reference `json:"entityFilter"`
	JobType         *string    `json:"jobType"`
	Active          bool       `json:"active"`
	// Description and InvoiceNotes are "" when unset.
	Description     string   `json:"description"`
	ExpectedRevenue *float64 `json:"expectedRevenue"`
	ExpectedMargin  *float64 `json:"expectedMargin"`
	// CustomerPo is nil when unset (the API returns null).
	CustomerPo *string `json:"customerPo"`
	// Read-only figures.
	TotalCost         *float64 `json:"totalCost"`
	AllItemsHaveCosts bool     `json:"allItemsHaveCosts"`
	ActualMargin      *float64 `json:"actualMargin"`
	Revenue           *float64 `json:"revenue"`
	RevenueAsOf       *int64   `json:"revenueAsOf"`
	Complexity        string   `json:"complexity"`
	// Terms and payment terms applied by default to the contract's jobs,
	// quotes and invoices.
	JobTerms           *Reference `json:"jobTerms"`
	QuoteTerms         *Reference `json:"quoteTerms"`
	InvoiceTerms       *Reference `json:"invoiceTerms"`
	PaymentTerms       *Reference `json:"paymentTerms"`
	InvoiceNotes       string     `json:"invoiceNotes"`
	InvoiceDetailLevel []string   `json:"invoiceDetailLevel"`
	QuoteDetailLevel   []string   `json:"quoteDetailLevel"`
	Created            int64      `json:"created"`
	Updated            int64      `json:"updated"`
}

// RefID is the id of a nested reference, or nil when it is null.
func RefID(r *Reference) *int64 {
	if r == nil || r.ID == 0 {
		return nil
	}
	id := r.ID
	return &id
}

// ContractFields are the parameters that POST and PUT share. A field left
// at its zero value is not sent; Null clears it (the docs say so for
// ownerId and salesId). VendorID is only for default and company contracts,
// CustomerID and LocationID only for company contracts: the API refuses
// them otherwise.
type ContractFields struct {
	VendorID       Nullable[int64] `json:"vendorId,omitzero"`
	CustomerID     Nullable[int64] `json:"customerId,omitzero"`
	ParentID       Nullable[int64] `json:"parentId,omitzero"`
	RegionID       Nullable[int64] `json:"regionId,omitzero"`
	OfficeID       Nullable[int64] `json:"officeId,omitzero"`
	LocationID     Nullable[int64] `json:"locationId,omitzero"`
	OwnerID        Nullable[int64] `json:"ownerId,omitzero"`
	SalesID        Nullable[int64] `json:"salesId,omitzero"`
	JobTermsID     Nullable[int64] `json:"jobTermsId,omitzero"`
	QuoteTermsID   Nullable[int64] `json:"quoteTermsId,omitzero"`
	InvoiceTermsID Nullable[int64] `json:"invoiceTermsId,omitzero"`
	PaymentTermsID Nullable[int64] `json:"paymentTermsId,omitzero"`
	// Dates are Unix timestamps; the API keeps the day.
	StartsOn        Nullable[int64]   `json:"startsOn,omitzero"`
	ExpiresOn       Nullable[int64]   `json:"expiresOn,omitzero"`
	ReviewOn        Nullable[int64]   `json:"reviewOn,omitzero"`
	JobType         Nullable[string]  `json:"jobType,omitzero"`
	Description     Nullable[string]  `json:"description,omitzero"`
	ExpectedRevenue Nullable[float64] `json:"expectedRevenue,omitzero"`
	ExpectedMargin  Nullable[float64] `json:"expectedMargin,omitzero"`
	InvoiceNotes    Nullable[string]  `json:"invoiceNotes,omitzero"`
	// Detail levels: nil is not sent; an empty slice sends [].
	InvoiceDetailLevel []string `json:"invoiceDetailLevel,omitzero"`
	QuoteDetailLevel   []string `json:"quoteDetailLevel,omitzero"`
	Active             *bool    `json:"active,omitempty"`
}

// ContractInput is the body of POST /contract for a default, company or
// template contract. Type and CustomerPo can only be set here: PUT ignores
// them.
type ContractInput struct {
	Type       string           `json:"type"`
	Name       string           `json:"name"`
	CustomerPo Nullable[string] `json:"customerPo,omitzero"`
	ContractFields
}

// ContractUpdate is the body of PUT /contract/{id}, a partial update.
type ContractUpdate struct {
	Name *string `json:"name,omitempty"`
	ContractFields
}

// DeactivateOptions are the optional cancellations of
// POST /contract/{id}/deactivate; only the true ones are sent.
type DeactivateOptions struct {
	CancelServices          bool `json:"cancelServices,omitempty"`
	CancelJobs              bool `json:"cancelJobs,omitempty"`
	CancelQuotes            bool `json:"cancelQuotes,omitempty"`
	CancelRecurringInvoices bool `json:"cancelRecurringInvoices,omitempty"`
}

// ContractFilter narrows GET /contract. The API refuses (405) a listing
// without a vendor, customer or job. Name is a case-insensitive substring
// match on the server.
type ContractFilter struct {
	VendorID   int64
	CustomerID int64
	JobID      int64
	ParentID   int64
	LocationID int64
	Name       string
}

// ErrContractFilter is returned by ListContracts when the filter has no
// vendor, customer or job, which the API answers with 405.
var ErrContractFilter = errors.New("listing ServiceTrade contracts needs a vendor id, a customer id or a job id: the API has no unfiltered contract list")

// contracts are at /contract; a list page holds them under "contracts".
var contracts = collection[Contract]{path: "/contract", listKey: "contracts"}

// GetContract reads one contract, active or not; IsNotFound(err) when it
// does not exist.
func (c *Client) GetContract(ctx context.Context, id int64) (*Contract, error) {
	return contracts.get(ctx, c, id)
}

// CreateContract creates a contract and returns the API's echo, whose dates
// are the values sent (a later GET shows the stored day).
func (c *Client) CreateContract(ctx context.Context, in ContractInput) (*Contract, error) {
	return contracts.create(ctx, c, in)
}

// UpdateContract changes the fields set in in and returns the contract as
// stored.
func (c *Client) UpdateContract(ctx context.Context, id int64, in ContractUpdate) (*Contract, error) {
	return contracts.update(ctx, c, id, in)
}

// DeactivateContract is the API's substitute for DELETE (which it does not
// have): the contract stays, with active false. It answers 204.
func (c *Client) DeactivateContract(ctx context.Context, id int64, opts DeactivateOptions) error {
	return c.call(ctx, http.MethodPost, contracts.at(id)+"/deactivate", nil, opts, nil)
}

// ListContracts returns every contract matching f, across all pages. The API
// answers a listing that matches nothing with 404; that is an empty result
// here.
func (c *Client) ListContracts(ctx context.Context, f ContractFilter) ([]Contract, error) {
	if f.VendorID == 0 && f.CustomerID == 0 && f.JobID == 0 {
		return nil, ErrContractFilter
	}
	q := query{}.id("vendorId", f.VendorID).id("customerId", f.CustomerID).id("jobId", f.JobID).
		id("parentId", f.ParentID).id("locationId", f.LocationID).text("name", f.Name)
	list, err := contracts.list(ctx, c, q)
	if IsNotFound(err) {
		return nil, nil
	}
	return list, err
}
