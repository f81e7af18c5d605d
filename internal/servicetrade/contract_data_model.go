package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// contractDataModel is the state of the contract data source: the
// resource's attributes, with plain strings for the days.
type contractDataModel struct {
	ID                 types.String  `tfsdk:"id"`
	Name               types.String  `tfsdk:"name"`
	VendorID           types.Int64   `tfsdk:"vendor_id"`
	CustomerID         types.Int64   `tfsdk:"customer_id"`
	URI                types.String  `tfsdk:"uri"`
	Type               types.String  `tfsdk:"type"`
	ParentID           types.Int64   `tfsdk:"parent_id"`
	RegionID           types.Int64   `tfsdk:"region_id"`
	OfficeID           types.Int64   `tfsdk:"office_id"`
	LocationID         types.Int64   `tfsdk:"location_id"`
	OwnerID            types.Int64   `tfsdk:"owner_id"`
	SalesID            types.Int64   `tfsdk:"sales_id"`
	JobTermsID         types.Int64   `tfsdk:"job_terms_id"`
	QuoteTermsID       types.Int64   `tfsdk:"quote_terms_id"`
	InvoiceTermsID     types.Int64   `tfsdk:"invoice_terms_id"`
	PaymentTermsID     types.Int64   `tfsdk:"payment_terms_id"`
	StartsOn           types.String  `tfsdk:"starts_on"`
	ExpiresOn          types.String  `tfsdk:"expires_on"`
	ReviewOn           types.String  `tfsdk:"review_on"`
	JobType            types.String  `tfsdk:"job_type"`
	Description        types.String  `tfsdk:"description"`
	ExpectedRevenue    types.Float64 `tfsdk:"expected_revenue"`
	ExpectedMargin     types.Float64 `tfsdk:"expected_margin"`
	CustomerPo         types.String  `tfsdk:"customer_po"`
	InvoiceNotes       types.String  `tfsdk:"invoice_notes"`
	InvoiceDetailLevel types.Set     `tfsdk:"invoice_detail_level"`
	QuoteDetailLevel   types.Set     `tfsdk:"quote_detail_level"`
	Active             types.Bool    `tfsdk:"active"`
	Revenue            types.Float64 `tfsdk:"revenue"`
	ActualMargin       types.Float64 `tfsdk:"actual_margin"`
	TotalCost          types.Float64 `tfsdk:"total_cost"`
	Complexity         types.String  `tfsdk:"complexity"`
	Created            types.Int64   `tfsdk:"created"`
	Updated            types.Int64   `tfsdk:"updated"`
}

// fromAPI fills the model from the API object, mapped as the resource maps
// it.
func (m *contractDataModel) fromAPI(c *api.Contract) diag.Diagnostics {
	var r contractModel
	diags := r.fromAPI(c)
	*m = contractDataModel{
		ID: r.ID, Name: r.Name, VendorID: r.VendorID, CustomerID: r.CustomerID, URI: r.URI, Type: r.Type,
		ParentID: r.ParentID, RegionID: r.RegionID, OfficeID: r.OfficeID, LocationID: r.LocationID,
		OwnerID: r.OwnerID, SalesID: r.SalesID, JobTermsID: r.JobTermsID, QuoteTermsID: r.QuoteTermsID,
		InvoiceTermsID: r.InvoiceTermsID, PaymentTermsID: r.PaymentTermsID,
		StartsOn: r.StartsOn.StringValue, ExpiresOn: r.ExpiresOn.StringValue, ReviewOn: r.ReviewOn.StringValue,
		JobType: r.JobType, Description: r.Description, ExpectedRevenue: r.ExpectedRevenue, ExpectedMargin: r.ExpectedMargin,
		CustomerPo: r.CustomerPo, InvoiceNotes: r.InvoiceNotes, InvoiceDetailLevel: r.InvoiceDetailLevel, QuoteDetailLevel: r.QuoteDetailLevel,
		Active: r.Active, Revenue: r.Revenue, ActualMargin: r.ActualMargin, TotalCost: r.TotalCost, Complexity: r.Complexity,
		Created: r.Created, Updated: r.Updated,
	}
	return diags
}
