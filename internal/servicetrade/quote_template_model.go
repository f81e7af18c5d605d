package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// quoteTemplateModel is the state of the quote template resource.
type quoteTemplateModel struct {
	ID          types.String `tfsdk:"id"`
	URI         types.String `tfsdk:"uri"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	CompanyID   types.Int64  `tfsdk:"company_id"`
	TermsID     types.Int64  `tfsdk:"terms_id"`
	ForceDelete types.Bool   `tfsdk:"force_delete"`
	// AllowDuplicate concerns only the provider: it skips the check of
	// the name before a create.
	AllowDuplicate types.Bool `tfsdk:"allow_duplicate"`
}

// fromAPI fills the model from the API object. An empty description is
// null: the API answers null or "" for a template without one, and the
// schema refuses "".
func (m *quoteTemplateModel) fromAPI(t *api.QuoteTemplate) {
	m.ID = types.StringValue(formatID(t.ID))
	m.URI = types.StringValue(t.URI)
	m.Name = types.StringValue(t.Name)
	m.Description = qtString(t.Description)
	m.CompanyID = types.Int64PointerValue(t.CompanyID())
	m.TermsID = types.Int64PointerValue(t.TermsID())
	m.ForceDelete = falseIfUnset(m.ForceDelete)
	m.AllowDuplicate = falseIfUnset(m.AllowDuplicate)
}

// falseIfUnset gives a provider-side boolean whose default is false that
// default where the state has no value. Only a plan applies an attribute's
// default, and an import's Read starts from a state holding nothing but the
// id: without this, an imported object would plan a change from null to
// false, and ImportStateVerify would see a difference.
func falseIfUnset(v types.Bool) types.Bool {
	if v.IsNull() || v.IsUnknown() {
		return types.BoolValue(false)
	}
	return v
}

// toInput builds the POST/PUT body: every field, so that null clears
// company_id and terms_id, and a removed description is cleared with "".
func (m quoteTemplateModel) toInput() api.QuoteTemplateInput {
	return api.QuoteTemplateInput{
		Name:        m.Name.ValueString(),
		Description: m.Description.ValueString(),
		CompanyID:   m.CompanyID.ValueInt64Pointer(),
		TermsID:     m.TermsID.ValueInt64Pointer(),
	}
}

// qtString maps "" to null.
func qtString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// quoteTemplateItemModel is the state of the quote template item resource.
type quoteTemplateItemModel struct {
	ID              types.String  `tfsdk:"id"`
	URI             types.String  `tfsdk:"uri"`
	QuoteTemplateID types.Int64   `tfsdk:"quote_template_id"`
	Quantity        types.Float64 `tfsdk:"quantity"`
	Description     types.String  `tfsdk:"description"`
	LibItemID       types.Int64   `tfsdk:"lib_item_id"`
	ServiceLineID   types.Int64   `tfsdk:"service_line_id"`
	OrderIndex      types.Int64   `tfsdk:"order_index"`
}

// fromAPI fills the model from the API object. The parent is kept from the
// model when the response names none; order_index likewise when the
// response has no orderIndex member (the reference never shows one).
func (m *quoteTemplateItemModel) fromAPI(it *api.QuoteTemplateItem) {
	m.ID = types.StringValue(formatID(it.ID))
	m.URI = types.StringValue(it.URI)
	if tid := it.TemplateID(); tid != 0 {
		m.QuoteTemplateID = types.Int64Value(tid)
	}
	m.Quantity = types.Float64Value(it.Quantity)
	m.Description = qtString(it.Description)
	m.LibItemID = types.Int64PointerValue(it.LibItemID())
	m.ServiceLineID = types.Int64PointerValue(it.ServiceLineID())
	if it.OrderIndexKnown {
		m.OrderIndex = types.Int64PointerValue(it.OrderIndex)
	} else if m.OrderIndex.IsUnknown() {
		m.OrderIndex = types.Int64Null()
	}
}

// toInput builds the POST/PUT body from a plan: values the plan knows are
// sent; unknown ones (left to the server to resolve) are left out, and
// order_index is always sent, null putting the item back among the
// unordered ones.
func (m quoteTemplateItemModel) toInput() api.QuoteTemplateItemInput {
	in := api.QuoteTemplateItemInput{
		Quantity:      m.Quantity.ValueFloat64Pointer(),
		OrderIndex:    m.OrderIndex.ValueInt64Pointer(),
		SetOrderIndex: true,
	}
	if qtKnown(m.Description) {
		in.Description = m.Description.ValueStringPointer()
	}
	if qtKnown(m.LibItemID) {
		in.LibItemID = m.LibItemID.ValueInt64Pointer()
	}
	if qtKnown(m.ServiceLineID) {
		in.ServiceLineID = m.ServiceLineID.ValueInt64Pointer()
	}
	return in
}

// qtKnown reports whether v is neither null nor unknown.
func qtKnown(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// quoteTemplateItemAttrTypes is an item as an object, for the template data
// source's items list.
var quoteTemplateItemAttrTypes = map[string]attr.Type{
	"id":              types.StringType,
	"uri":             types.StringType,
	"description":     types.StringType,
	"quantity":        types.Float64Type,
	"lib_item_id":     types.Int64Type,
	"service_line_id": types.Int64Type,
	"order_index":     types.Int64Type,
}

// quoteTemplateItemObject renders an item for a data source list.
func quoteTemplateItemObject(it *api.QuoteTemplateItem) attr.Value {
	return types.ObjectValueMust(quoteTemplateItemAttrTypes, map[string]attr.Value{
		"id":              types.StringValue(formatID(it.ID)),
		"uri":             types.StringValue(it.URI),
		"description":     qtString(it.Description),
		"quantity":        types.Float64Value(it.Quantity),
		"lib_item_id":     types.Int64PointerValue(it.LibItemID()),
		"service_line_id": types.Int64PointerValue(it.ServiceLineID()),
		"order_index":     types.Int64PointerValue(it.OrderIndex),
	})
}
