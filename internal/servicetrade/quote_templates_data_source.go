package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewQuoteTemplatesDataSource is the
// fieldservice_servicetrade_quote_templates data source.
func NewQuoteTemplatesDataSource() datasource.DataSource {
	return &quoteTemplatesDataSource{dataBase: vendor.DataSource("quote_templates")}
}

type quoteTemplatesDataSource struct{ dataBase }

// quoteTemplatesModel is the data source's state. The list is a slice of
// the element model, so that its type is the one the schema declares.
type quoteTemplatesModel struct {
	Name           types.String                `tfsdk:"name"`
	QuoteTemplates []quoteTemplateSummaryModel `tfsdk:"quote_templates"`
}

// quoteTemplateSummaryModel is one template of the list.
type quoteTemplateSummaryModel struct {
	ID          types.String `tfsdk:"id"`
	URI         types.String `tfsdk:"uri"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	CompanyID   types.Int64  `tfsdk:"company_id"`
	TermsID     types.Int64  `tfsdk:"terms_id"`
	// Not nil: a template without items has an empty list, not a null one.
	ItemIDs []string `tfsdk:"item_ids"`
}

func (d *quoteTemplatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the ServiceTrade quote templates of the account, including those Terraform did not create, optionally filtered by name: " +
			"use it with `for_each` in `import` blocks to adopt an existing account's templates (and, through `item_ids`, their items).",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Optional:    true,
				Description: "Keep only templates whose name contains this text, case-insensitively (ServiceTrade's own `name` filter). Omit for all templates.",
			},
			"quote_templates": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The matching templates, in ServiceTrade's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":          schema.StringAttribute{Computed: true, Description: "Numeric id of the template (the import id of `fieldservice_servicetrade_quote_template`)."},
					"uri":         schema.StringAttribute{Computed: true, Description: "Absolute API URI of the template."},
					"name":        schema.StringAttribute{Computed: true, Description: "Name of the template."},
					"description": schema.StringAttribute{Computed: true, Description: "Description of the template, or null."},
					"company_id":  schema.Int64Attribute{Computed: true, Description: "Id of the company the template is restricted to, or null."},
					"terms_id":    schema.Int64Attribute{Computed: true, Description: "Id of the template's terms and conditions, or null."},
					"item_ids": schema.ListAttribute{
						Computed: true, ElementType: types.StringType,
						Description: "Ids of the template's line items, in ServiceTrade's order (import an item as `<template id>/<item id>`).",
					},
				}},
			},
		},
	}
}

func (d *quoteTemplatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m quoteTemplatesModel
	d.ReadWith(ctx, req, resp, &m, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) bool {
		list, err := client.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: m.Name.ValueString()})
		if err != nil {
			diags.AddError("Listing ServiceTrade quote templates failed", err.Error())
			return false
		}
		// Not nil: no templates is an empty list, not a null one.
		m.QuoteTemplates = make([]quoteTemplateSummaryModel, len(list))
		for i := range list {
			m.QuoteTemplates[i].fromAPI(&list[i])
		}
		return true
	})
}

// fromAPI fills the model from a list entry.
func (m *quoteTemplateSummaryModel) fromAPI(qt *api.QuoteTemplate) {
	itemIDs := make([]string, 0, len(qt.Items))
	for _, it := range qt.Items {
		itemIDs = append(itemIDs, formatID(it.ID))
	}
	*m = quoteTemplateSummaryModel{
		ID:          types.StringValue(formatID(qt.ID)),
		URI:         types.StringValue(qt.URI),
		Name:        types.StringValue(qt.Name),
		Description: qtString(qt.Description),
		CompanyID:   types.Int64PointerValue(qt.CompanyID()),
		TermsID:     types.Int64PointerValue(qt.TermsID()),
		ItemIDs:     itemIDs,
	}
}
