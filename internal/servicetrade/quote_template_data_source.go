package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewQuoteTemplateDataSource is the fieldservice_servicetrade_quote_template
// data source.
func NewQuoteTemplateDataSource() datasource.DataSource {
	return &kit.Lookup[*api.Client, quoteTemplateDataModel, api.QuoteTemplate]{
		DataBase: vendor.DataSource("quote_template", "id", "name"), Definition: quoteTemplateDataSchema(), Spec: quoteTemplateSpec,
		// Read by id, so that the items are those of the single GET.
		Refetch:  readAgain("quote template", (*api.Client).GetQuoteTemplate, func(v *api.QuoteTemplate) int64 { return v.ID }),
		SetDiags: (*quoteTemplateDataModel).fromAPI,
	}
}

type quoteTemplateDataModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	URI         types.String `tfsdk:"uri"`
	Description types.String `tfsdk:"description"`
	CompanyID   types.Int64  `tfsdk:"company_id"`
	TermsID     types.Int64  `tfsdk:"terms_id"`
	Created     types.Int64  `tfsdk:"created"`
	Updated     types.Int64  `tfsdk:"updated"`
	Items       types.List   `tfsdk:"items"`
}

// quoteTemplateItemsSchema describes the items list of the data sources.
func quoteTemplateItemsSchema() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Computed: true,
		Description: "The template's line items, in ServiceTrade's order (by `order_index`, items without one last). " +
			"Manage them with `fieldservice_servicetrade_quote_template_item` (import id `<template id>/<item id>`).",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":              schema.StringAttribute{Computed: true, Description: "Numeric id of the item."},
			"uri":             schema.StringAttribute{Computed: true, Description: "Absolute API URI of the item."},
			"description":     schema.StringAttribute{Computed: true, Description: "Text of the line, or null."},
			"quantity":        schema.Float64Attribute{Computed: true, Description: "Quantity of the line."},
			"lib_item_id":     schema.Int64Attribute{Computed: true, Description: "Id of the line's lib item, or null."},
			"service_line_id": schema.Int64Attribute{Computed: true, Description: "Id of the line's service line, or null."},
			"order_index":     schema.Int64Attribute{Computed: true, Description: "Position of the line, or null."},
		}},
	}
}

func quoteTemplateDataSchema() schema.Schema {
	return schema.Schema{
		Description: "Looks up one ServiceTrade quote template, with its line items, by `id` or by exact `name`. " +
			"Fails when no template, or more than one, has that name: names are not unique, so use `id` for duplicates.",
		Attributes: map[string]schema.Attribute{
			"id":          schema.StringAttribute{Optional: true, Computed: true, Description: "Numeric id of the template. Give exactly one of `id` and `name`."},
			"name":        schema.StringAttribute{Optional: true, Computed: true, Description: "Exact, case-sensitive name of the template. Give exactly one of `id` and `name`."},
			"uri":         schema.StringAttribute{Computed: true, Description: "Absolute API URI of the template."},
			"description": schema.StringAttribute{Computed: true, Description: "Description of the template, or null."},
			"company_id":  schema.Int64Attribute{Computed: true, Description: "Id of the company the template is restricted to, or null when it applies to every company."},
			"terms_id":    schema.Int64Attribute{Computed: true, Description: "Id of the template's terms and conditions, or null."},
			"created":     schema.Int64Attribute{Computed: true, Description: "Creation time, as a Unix timestamp in seconds."},
			"updated":     schema.Int64Attribute{Computed: true, Description: "Last update time, as a Unix timestamp in seconds."},
			"items":       quoteTemplateItemsSchema(),
		},
	}
}

func quoteTemplateSpec(ctx context.Context, client *api.Client, cfg *quoteTemplateDataModel) lookup.Spec[api.QuoteTemplate] {
	// Get only takes the id: Refetch reads the object, once.
	return lookup.Spec[api.QuoteTemplate]{
		Kind: kindOf("quote template", func(t api.QuoteTemplate) int64 { return t.ID }),
		ID:   cfg.ID,
		Get:  byID("quote template", func(id int64) (*api.QuoteTemplate, error) { return &api.QuoteTemplate{ID: id}, nil }),
		Keys: []lookup.Key[api.QuoteTemplate]{{Attr: "name", Value: cfg.Name, Of: func(t api.QuoteTemplate) string { return t.Name }}},
		List: func(k lookup.Key[api.QuoteTemplate]) ([]api.QuoteTemplate, error) {
			return client.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: k.Value.ValueString()})
		},
	}
}

// fromAPI fills the model from the API object.
func (m *quoteTemplateDataModel) fromAPI(qt *api.QuoteTemplate) diag.Diagnostics {
	items := make([]attr.Value, 0, len(qt.Items))
	for i := range qt.Items {
		items = append(items, quoteTemplateItemObject(&qt.Items[i]))
	}
	// The element type is the schema's, so that the two cannot disagree.
	list, diags := types.ListValue(quoteTemplateItemsSchema().NestedObject.Type(), items)
	*m = quoteTemplateDataModel{
		ID:          types.StringValue(formatID(qt.ID)),
		Name:        types.StringValue(qt.Name),
		URI:         types.StringValue(qt.URI),
		Description: qtString(qt.Description),
		CompanyID:   types.Int64PointerValue(qt.CompanyID()),
		TermsID:     types.Int64PointerValue(qt.TermsID()),
		Created:     types.Int64Value(qt.Created),
		Updated:     types.Int64Value(qt.Updated),
		Items:       list,
	}
	return diags
}
