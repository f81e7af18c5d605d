package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

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
