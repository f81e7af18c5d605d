package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var quoteTemplateKind = objectKind[api.QuoteTemplate]{name: "quote template", id: func(t api.QuoteTemplate) int64 { return t.ID }, get: (*api.Client).GetQuoteTemplate}

// NewQuoteTemplateDataSource is the fieldservice_servicetrade_quote_template
// data source.
func NewQuoteTemplateDataSource() datasource.DataSource {
	d := lookupSource[quoteTemplateDataModel, api.QuoteTemplate]("quote_template", "template",
		"Looks up one ServiceTrade quote template, with its line items, by `id` or by exact `name`. "+
			"Fails when no template, or more than one, has that name: names are not unique, so use `id` for duplicates.",
		[]sourceKey[api.QuoteTemplate]{{attr: "name", description: "Exact, case-sensitive name of the template.", of: func(t api.QuoteTemplate) string { return t.Name }}},
		map[string]schema.Attribute{
			"uri":         kit.ReadOnlyString("Absolute API URI of the template."),
			"description": kit.ReadOnlyString("Description of the template, or null."),
			"company_id":  kit.ReadOnlyInt64("Id of the company the template is restricted to, or null when it applies to every company."),
			"terms_id":    kit.ReadOnlyInt64("Id of the template's terms and conditions, or null."),
			"created":     kit.ReadOnlyInt64("Creation time, as a Unix timestamp in seconds."),
			"updated":     kit.ReadOnlyInt64("Last update time, as a Unix timestamp in seconds."),
			"items":       quoteTemplateItemsSchema(),
		})
	d.Spec = amongNamed[quoteTemplateDataModel](quoteTemplateKind, func(c *api.Client, ctx context.Context, name string) ([]api.QuoteTemplate, error) {
		return c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: name})
	})
	// A template found by name is read by id, so that the items are
	// those of the single GET.
	d.Refetch = quoteTemplateKind.readAgain
	d.SetDiags = (*quoteTemplateDataModel).fromAPI
	return d
}

type quoteTemplateDataModel struct {
	quoteTemplateFields
	Created types.Int64 `tfsdk:"created"`
	Updated types.Int64 `tfsdk:"updated"`
	Items   types.List  `tfsdk:"items"`
}

// quoteTemplateItemsSchema describes the items list of the data sources.
func quoteTemplateItemsSchema() schema.ListNestedAttribute {
	return kit.ReadOnlyObjects("The template's line items, in ServiceTrade's order (by `order_index`, items without one last). "+
		"Manage them with `fieldservice_servicetrade_quote_template_item` (import id `<template id>/<item id>`).", map[string]schema.Attribute{
		"id":              kit.ReadOnlyString("Numeric id of the item."),
		"uri":             kit.ReadOnlyString("Absolute API URI of the item."),
		"description":     kit.ReadOnlyString("Text of the line, or null."),
		"quantity":        kit.ReadOnlyFloat64("Quantity of the line."),
		"lib_item_id":     kit.ReadOnlyInt64("Id of the line's lib item, or null."),
		"service_line_id": kit.ReadOnlyInt64("Id of the line's service line, or null."),
		"order_index":     kit.ReadOnlyInt64("Position of the line, or null."),
	})
}

// fromAPI fills the model from the API object: the template's attributes
// mapped as the resource maps them, then its times and items.
func (m *quoteTemplateDataModel) fromAPI(qt *api.QuoteTemplate) diag.Diagnostics {
	var f quoteTemplateFields
	f.fromAPI(qt)
	items := make([]attr.Value, 0, len(qt.Items))
	for i := range qt.Items {
		items = append(items, quoteTemplateItemObject(&qt.Items[i]))
	}
	// The element type is the schema's, so that the two cannot disagree.
	list, diags := types.ListValue(quoteTemplateItemsSchema().NestedObject.Type(), items)
	*m = quoteTemplateDataModel{
		quoteTemplateFields: f,
		Created:             types.Int64Value(qt.Created), Updated: types.Int64Value(qt.Updated), Items: list,
	}
	return diags
}
