package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewQuoteTemplatesDataSource is the
// fieldservice_servicetrade_quote_templates data source.
func NewQuoteTemplatesDataSource() datasource.DataSource {
	return &kit.List[*api.Client, quoteTemplatesModel, api.QuoteTemplate, quoteTemplateSummaryModel]{
		DataBase: vendor.DataSource("quote_templates"),
		Description: "Lists the ServiceTrade quote templates of the account, including those Terraform did not create, optionally filtered by name: " +
			"use it with `for_each` in `import` blocks to adopt an existing account's templates (and, through `item_ids`, their items).",
		Filters: nameFilter("templates"),
		Items:   "The matching templates, in ServiceTrade's order.",
		Element: map[string]schema.Attribute{
			"id":          kit.ReadOnlyString("Numeric id of the template (the import id of `fieldservice_servicetrade_quote_template`)."),
			"uri":         kit.ReadOnlyString("Absolute API URI of the template."),
			"name":        kit.ReadOnlyString("Name of the template."),
			"description": kit.ReadOnlyString("Description of the template, or null."),
			"company_id":  kit.ReadOnlyInt64("Id of the company the template is restricted to, or null."),
			"terms_id":    kit.ReadOnlyInt64("Id of the template's terms and conditions, or null."),
			"item_ids": kit.ReadOnlyList(types.StringType,
				"Ids of the template's line items, in ServiceTrade's order (import an item as `<template id>/<item id>`)."),
		},
		List: func(ctx context.Context, client *api.Client, cfg *quoteTemplatesModel) ([]api.QuoteTemplate, error) {
			return client.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: cfg.Name.ValueString()})
		},
		Of:  func(m *quoteTemplatesModel) *[]quoteTemplateSummaryModel { return &m.QuoteTemplates },
		Set: (*quoteTemplateSummaryModel).fromAPI,
	}
}

type quoteTemplatesModel struct {
	Name           types.String                `tfsdk:"name"`
	QuoteTemplates []quoteTemplateSummaryModel `tfsdk:"quote_templates"`
}

// quoteTemplateSummaryModel is one template of the list.
type quoteTemplateSummaryModel struct {
	quoteTemplateFields
	// Not nil: a template without items has an empty list, not a null one.
	ItemIDs []string `tfsdk:"item_ids"`
}

// fromAPI fills the model from a list entry.
func (m *quoteTemplateSummaryModel) fromAPI(qt *api.QuoteTemplate) {
	itemIDs := make([]string, 0, len(qt.Items))
	for _, it := range qt.Items {
		itemIDs = append(itemIDs, formatID(it.ID))
	}
	*m = quoteTemplateSummaryModel{ItemIDs: itemIDs}
	m.quoteTemplateFields.fromAPI(qt)
}
