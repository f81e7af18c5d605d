package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

// contractModel is the state of a fieldservice_servicetrade_contract.
type contractModel struct {
	contractAttributes
	StartsOn  dayValue `tfsdk:"starts_on"`
	ExpiresOn dayValue `tfsdk:"expires_on"`
	ReviewOn  dayValue `tfsdk:"review_on"`
	// Applied when the contract is destroyed (deactivated).
	CancelServices          types.Bool `tfsdk:"cancel_services"`
	CancelJobs              types.Bool `tfsdk:"cancel_jobs"`
	CancelQuotes            types.Bool `tfsdk:"cancel_quotes"`
	CancelRecurringInvoices types.Bool `tfsdk:"cancel_recurring_invoices"`
}

// contractAttributes are the attributes of a contract that the resource
// and the data source hold alike: all but the days, which the data source
// holds as plain strings, and the resource's destroy-time options. One
// list, so that the data source maps a contract as the resource does.
type contractAttributes struct {
	ID                 types.String  `tfsdk:"id"`
	URI                types.String  `tfsdk:"uri"`
	Type               types.String  `tfsdk:"type"`
	Name               types.String  `tfsdk:"name"`
	VendorID           types.Int64   `tfsdk:"vendor_id"`
	CustomerID         types.Int64   `tfsdk:"customer_id"`
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
	JobType            types.String  `tfsdk:"job_type"`
	Description        types.String  `tfsdk:"description"`
	ExpectedRevenue    types.Float64 `tfsdk:"expected_revenue"`
	ExpectedMargin     types.Float64 `tfsdk:"expected_margin"`
	CustomerPo         types.String  `tfsdk:"customer_po"`
	InvoiceNotes       types.String  `tfsdk:"invoice_notes"`
	InvoiceDetailLevel types.Set     `tfsdk:"invoice_detail_level"`
	QuoteDetailLevel   types.Set     `tfsdk:"quote_detail_level"`
	Active             types.Bool    `tfsdk:"active"`
	// Read-only.
	Revenue      types.Float64 `tfsdk:"revenue"`
	ActualMargin types.Float64 `tfsdk:"actual_margin"`
	TotalCost    types.Float64 `tfsdk:"total_cost"`
	Complexity   types.String  `tfsdk:"complexity"`
	Created      types.Int64   `tfsdk:"created"`
	Updated      types.Int64   `tfsdk:"updated"`
}

// takesVendor, takesCustomer: which contract types take a vendor and a
// customer (and a location).
func takesVendor(typ string) bool {
	return typ == api.ContractTypeDefault || typ == api.ContractTypeCompany
}
func takesCustomer(typ string) bool { return typ == api.ContractTypeCompany }

// nullable is what is sent for an optional attribute v whose value is
// value: that value when v is known; otherwise, on PUT (clearIt), null,
// which clears it, and on POST nothing.
func nullable[T any](v attr.Value, clearIt bool, value T) api.Nullable[T] {
	switch {
	case !v.IsNull() && !v.IsUnknown():
		return api.Some(value)
	case clearIt:
		return api.Null[T]()
	}
	return api.Nullable[T]{}
}

// nullableID is what is sent for an optional id.
func nullableID(v types.Int64, clearIt bool) api.Nullable[int64] {
	return nullable(v, clearIt, v.ValueInt64())
}

func nullableFloat(v types.Float64, clearIt bool) api.Nullable[float64] {
	return nullable(v, clearIt, v.ValueFloat64())
}

func nullableString(v types.String, clearIt bool) api.Nullable[string] {
	return nullable(v, clearIt, v.ValueString())
}

// nullableDate is what is sent for a day: its timestamp (contractDateUnix).
func nullableDate(v dayValue, clearIt bool, diags *diag.Diagnostics, attribute string) api.Nullable[int64] {
	if v.IsNull() || v.IsUnknown() {
		return nullable[int64](v, clearIt, 0)
	}
	ts, err := contractDateUnix(v.ValueString())
	if err != nil {
		diags.AddError("Invalid "+attribute, err.Error())
		return api.Nullable[int64]{}
	}
	return api.Some(ts)
}

// fields builds the parameters POST and PUT share from a planned model. On
// PUT (update true) unset optional values are sent as null, which clears
// them; on POST they are left out. Companies and the location are only sent
// for the types that take them, as the API refuses them otherwise.
func (m contractModel) fields(ctx context.Context, update bool) (api.ContractFields, diag.Diagnostics) {
	var diags diag.Diagnostics
	typ := m.Type.ValueString()
	f := api.ContractFields{
		ParentID:        nullableID(m.ParentID, update),
		RegionID:        nullableID(m.RegionID, update),
		OfficeID:        nullableID(m.OfficeID, update),
		OwnerID:         nullableID(m.OwnerID, update),
		SalesID:         nullableID(m.SalesID, update),
		JobTermsID:      nullableID(m.JobTermsID, update),
		QuoteTermsID:    nullableID(m.QuoteTermsID, update),
		InvoiceTermsID:  nullableID(m.InvoiceTermsID, update),
		PaymentTermsID:  nullableID(m.PaymentTermsID, update),
		StartsOn:        nullableDate(m.StartsOn, update, &diags, "starts_on"),
		ExpiresOn:       nullableDate(m.ExpiresOn, update, &diags, "expires_on"),
		ReviewOn:        nullableDate(m.ReviewOn, update, &diags, "review_on"),
		JobType:         nullableString(m.JobType, update),
		Description:     nullableString(m.Description, false),
		ExpectedRevenue: nullableFloat(m.ExpectedRevenue, update),
		ExpectedMargin:  nullableFloat(m.ExpectedMargin, update),
		InvoiceNotes:    nullableString(m.InvoiceNotes, false),
	}
	if takesVendor(typ) {
		f.VendorID = nullableID(m.VendorID, false)
	}
	if takesCustomer(typ) {
		f.CustomerID = nullableID(m.CustomerID, false)
		f.LocationID = nullableID(m.LocationID, update)
	}
	for _, set := range []struct {
		v   types.Set
		dst *[]string
	}{{m.InvoiceDetailLevel, &f.InvoiceDetailLevel}, {m.QuoteDetailLevel, &f.QuoteDetailLevel}} {
		// Unknown (omitted at creation): the API's default applies.
		if set.v.IsNull() || set.v.IsUnknown() {
			continue
		}
		levels := []string{}
		diags.Append(set.v.ElementsAs(ctx, &levels, false)...)
		// ServiceTrade's default is what a create without detail levels
		// gets: it is not sent, since ServiceTrade refuses its
		// "items_by_type" for quotes.
		if !update && validators.SameSet(levels, api.DefaultDetailLevels) {
			continue
		}
		*set.dst = levels
	}
	if !m.Active.IsNull() && !m.Active.IsUnknown() {
		active := m.Active.ValueBool()
		f.Active = &active
	}
	return f, diags
}

// toInput builds the POST body.
func (m contractModel) toInput(ctx context.Context) (api.ContractInput, diag.Diagnostics) {
	f, diags := m.fields(ctx, false)
	return api.ContractInput{
		Type:           m.Type.ValueString(),
		Name:           m.Name.ValueString(),
		CustomerPo:     nullableString(m.CustomerPo, false),
		ContractFields: f,
	}, diags
}

// toUpdate builds the PUT body: every updatable field, so that what the
// configuration no longer sets is cleared. type and customer_po force
// replacement and are not PUT parameters.
func (m contractModel) toUpdate(ctx context.Context) (api.ContractUpdate, diag.Diagnostics) {
	f, diags := m.fields(ctx, true)
	name := m.Name.ValueString()
	return api.ContractUpdate{Name: &name, ContractFields: f}, diags
}

// deactivateOptions are the cancel_* options of the state, for the
// deactivation that stands for a destroy (null means false).
func (m contractModel) deactivateOptions() api.DeactivateOptions {
	return api.DeactivateOptions{
		CancelServices:          m.CancelServices.ValueBool(),
		CancelJobs:              m.CancelJobs.ValueBool(),
		CancelQuotes:            m.CancelQuotes.ValueBool(),
		CancelRecurringInvoices: m.CancelRecurringInvoices.ValueBool(),
	}
}

// fromAPI fills the model from the API object. Dates are set to the day the
// API holds; the day type's semantic equality keeps the configuration's
// spelling (a timestamp, or a date) when it denotes that day.
func (m *contractModel) fromAPI(c *api.Contract) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(formatID(c.ID))
	m.URI = types.StringValue(c.URI)
	m.Type = types.StringValue(c.Type)
	m.Name = types.StringValue(c.Name)
	for _, ref := range []struct {
		dst *types.Int64
		ref *api.Reference
	}{
		{&m.VendorID, c.Vendor}, {&m.CustomerID, c.Customer}, {&m.ParentID, c.Parent},
		{&m.RegionID, c.Region}, {&m.OfficeID, c.Office}, {&m.LocationID, c.Location},
		{&m.OwnerID, c.Owner}, {&m.SalesID, c.Sales},
		{&m.JobTermsID, c.JobTerms}, {&m.QuoteTermsID, c.QuoteTerms}, {&m.InvoiceTermsID, c.InvoiceTerms},
		{&m.PaymentTermsID, c.PaymentTerms},
	} {
		*ref.dst = types.Int64PointerValue(api.RefID(ref.ref))
	}
	m.StartsOn = dayFromUnix(c.StartsOn)
	m.ExpiresOn = dayFromUnix(c.ExpiresOn)
	m.ReviewOn = dayFromUnix(c.ReviewOn)
	m.JobType = nonEmptyString(c.JobType)
	m.Description = types.StringValue(c.Description)
	m.ExpectedRevenue = types.Float64PointerValue(c.ExpectedRevenue)
	m.ExpectedMargin = types.Float64PointerValue(c.ExpectedMargin)
	m.CustomerPo = nonEmptyString(c.CustomerPo)
	m.InvoiceNotes = types.StringValue(c.InvoiceNotes)
	for _, set := range []struct {
		dst    *types.Set
		levels []string
	}{{&m.InvoiceDetailLevel, c.InvoiceDetailLevel}, {&m.QuoteDetailLevel, c.QuoteDetailLevel}} {
		elems := make([]attr.Value, 0, len(set.levels))
		for _, l := range set.levels {
			elems = append(elems, types.StringValue(l))
		}
		v, d := types.SetValue(types.StringType, elems)
		diags.Append(d...)
		*set.dst = v
	}
	m.Active = types.BoolValue(c.Active)
	m.Revenue = types.Float64PointerValue(c.Revenue)
	m.ActualMargin = types.Float64PointerValue(c.ActualMargin)
	m.TotalCost = types.Float64PointerValue(c.TotalCost)
	m.Complexity = types.StringValue(c.Complexity)
	m.Created = types.Int64Value(c.Created)
	m.Updated = types.Int64Value(c.Updated)
	return diags
}

// nonEmptyString maps nil and "" to null.
func nonEmptyString(s *string) types.String {
	if s == nil || *s == "" {
		return types.StringNull()
	}
	return types.StringValue(*s)
}
