package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewQuoteTemplatesDataSource is the
// fieldservice_servicetrade_quote_templates data source.
func NewQuoteTemplatesDataSource() datasource.DataSource { return &quoteTemplatesDataSource{} }

type quoteTemplatesDataSource struct{ dsBase }

type quoteTemplatesModel struct {
	Name           types.String `tfsdk:"name"`
	QuoteTemplates types.List   `tfsdk:"quote_templates"`
}

var quoteTemplateSummaryAttrTypes = map[string]attr.Type{
	"id":          types.StringType,
	"uri":         types.StringType,
	"name":        types.StringType,
	"description": types.StringType,
	"company_id":  types.Int64Type,
	"terms_id":    types.Int64Type,
	"item_ids":    types.ListType{ElemType: types.StringType},
}

func (d *quoteTemplatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_servicetrade_quote_templates"
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
	client, ok := d.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var cfg quoteTemplatesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	list, err := client.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: cfg.Name.ValueString()})
	if err != nil {
		resp.Diagnostics.AddError("Listing ServiceTrade quote templates failed", err.Error())
		return
	}
	out := make([]attr.Value, 0, len(list))
	for i := range list {
		qt := &list[i]
		itemIDs := make([]attr.Value, 0, len(qt.Items))
		for _, it := range qt.Items {
			itemIDs = append(itemIDs, types.StringValue(formatID(it.ID)))
		}
		obj, diags := types.ObjectValue(quoteTemplateSummaryAttrTypes, map[string]attr.Value{
			"id":          types.StringValue(formatID(qt.ID)),
			"uri":         types.StringValue(qt.URI),
			"name":        types.StringValue(qt.Name),
			"description": qtString(qt.Description),
			"company_id":  types.Int64PointerValue(qt.CompanyID()),
			"terms_id":    types.Int64PointerValue(qt.TermsID()),
			"item_ids":    types.ListValueMust(types.StringType, itemIDs),
		})
		resp.Diagnostics.Append(diags...)
		out = append(out, obj)
	}
	templates, diags := types.ListValue(types.ObjectType{AttrTypes: quoteTemplateSummaryAttrTypes}, out)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.QuoteTemplates = templates
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
