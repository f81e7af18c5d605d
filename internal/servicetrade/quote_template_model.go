package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// quoteTemplateModel is the state of the quote template resource.
type quoteTemplateModel struct {
	quoteTemplateFields
	ForceDelete types.Bool `tfsdk:"force_delete"`
	// AllowDuplicate concerns only the provider: it skips the check of
	// the name before a create.
	AllowDuplicate types.Bool `tfsdk:"allow_duplicate"`
}

// quoteTemplateFields are what the resource, the quote_template data
// source and each template of the quote_templates list hold of a template
// alike, mapped once by fromAPI.
type quoteTemplateFields struct {
	ID          types.String `tfsdk:"id"`
	URI         types.String `tfsdk:"uri"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	CompanyID   types.Int64  `tfsdk:"company_id"`
	TermsID     types.Int64  `tfsdk:"terms_id"`
}

// fromAPI fills the fields from the API object. An empty description is
// null: the API answers null or "" for a template without one, and the
// schema refuses "".
func (m *quoteTemplateFields) fromAPI(t *api.QuoteTemplate) {
	m.ID = types.StringValue(formatID(t.ID))
	m.URI = types.StringValue(t.URI)
	m.Name = types.StringValue(t.Name)
	m.Description = qtString(t.Description)
	m.CompanyID = types.Int64PointerValue(t.CompanyID())
	m.TermsID = types.Int64PointerValue(t.TermsID())
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
