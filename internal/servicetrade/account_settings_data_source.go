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

// accountSettingsDataSource is the fieldservice_servicetrade_account_settings
// data source: the one GET /accountsettings, which takes no argument.
type accountSettingsDataSource struct {
	kit.DataBase[*api.Client]
}

// NewAccountSettingsDataSource is the
// fieldservice_servicetrade_account_settings data source.
func NewAccountSettingsDataSource() datasource.DataSource {
	return &accountSettingsDataSource{DataBase: vendor.DataSource("account_settings")}
}

type accountSettingsModel struct {
	JobTypes                  types.List   `tfsdk:"job_types"`
	ItemTypes                 types.List   `tfsdk:"item_types"`
	MobileJobTaskWorkflow     types.List   `tfsdk:"mobile_job_task_workflow"`
	MobileJobItemConfirmation types.List   `tfsdk:"mobile_job_item_confirmation"`
	AssetDefinitionIDs        types.List   `tfsdk:"asset_definition_ids"`
	ChangeOrderTermsID        types.String `tfsdk:"change_order_terms_id"`
	JobTermsID                types.String `tfsdk:"job_terms_id"`
	QuoteTermsID              types.String `tfsdk:"quote_terms_id"`
	InvoiceTermsID            types.String `tfsdk:"invoice_terms_id"`
	AttachmentVisibility      types.List   `tfsdk:"attachment_visibility"`
	DeficiencyVisibility      types.List   `tfsdk:"deficiency_visibility"`
	CommentVisibility         types.List   `tfsdk:"comment_visibility"`
	JobItemVisibility         types.List   `tfsdk:"job_item_visibility"`
	QuoteDetailLevel          types.List   `tfsdk:"quote_detail_level"`
	InvoiceDetailLevel        types.List   `tfsdk:"invoice_detail_level"`
	SalesTaxSource            types.String `tfsdk:"sales_tax_source"`
}

// Schema describes every field of GET /accountsettings.
func (d *accountSettingsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	strings := func(description string) schema.ListAttribute {
		return kit.ReadOnlyList(types.StringType, description+" In ServiceTrade's order; empty for none.")
	}
	terms := func(of string) schema.StringAttribute {
		return kit.ReadOnlyString("Id of the terms applied by default to " + of + " (see the `fieldservice_servicetrade_terms` data source), " +
			"or null when the account has none. ServiceTrade refuses to delete terms that are an account default.")
	}
	resp.Schema = schema.Schema{
		Description: "Reads the ServiceTrade account's settings: the job and item types in use, the default terms, visibility settings and detail levels, " +
			"and the source of sales tax rates. The settings are changed in ServiceTrade's web application: the API only reads them.",
		Attributes: map[string]schema.Attribute{
			"job_types":                    strings("Names of the job types selected in the account (`service_call`, `inspection`, …), the values a contract's `job_type` takes."),
			"item_types":                   strings("Names of the item types selected in the account (`part`, `labor`, …)."),
			"mobile_job_task_workflow":     strings("Task-driven workflow selected for the mobile app (`comment`, `attachment`, `deficiency`, …)."),
			"mobile_job_item_confirmation": strings("Where part usage must be confirmed in the mobile app (`jobs`, `projects`)."),
			"asset_definition_ids":         strings("Numeric ids of the asset definitions selected in the account."),
			"change_order_terms_id":        terms("change orders"),
			"job_terms_id":                 terms("jobs"),
			"quote_terms_id":               terms("quotes"),
			"invoice_terms_id":             terms("invoices"),
			"attachment_visibility":        strings("Default visibility of attachments (`private`, `tech`, `public`, …)."),
			"deficiency_visibility":        strings("Default visibility of deficiencies."),
			"comment_visibility":           strings("Default visibility of comments."),
			"job_item_visibility":          strings("Default visibility of job items."),
			"quote_detail_level":           strings("Default detail level of quotes (`public`, `items`, `time_and_materials`, …)."),
			"invoice_detail_level":         strings("Default detail level of invoices (`public`, `items_by_type`, `type_detail`, …)."),
			"sales_tax_source":             kit.ReadOnlyString("Source of sales tax rates: `manual`, or `taxgroup` when the account's tax groups apply."),
		},
	}
}

// Read reads the settings.
func (d *accountSettingsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m accountSettingsModel
	d.ReadWith(ctx, req, resp, &m, func(ctx context.Context, c *api.Client, diags *diag.Diagnostics) bool {
		s, err := c.GetAccountSettings(ctx)
		if err != nil {
			diags.AddError("Reading the ServiceTrade account settings failed", err.Error())
			return false
		}
		diags.Append(m.fromAPI(s)...)
		return !diags.HasError()
	})
}

// fromAPI fills the model from the settings. A list the API leaves null is
// empty.
func (m *accountSettingsModel) fromAPI(s *api.AccountSettings) diag.Diagnostics {
	var diags diag.Diagnostics
	list := func(vs []string) types.List {
		elems := make([]attr.Value, 0, len(vs))
		for _, v := range vs {
			elems = append(elems, types.StringValue(v))
		}
		l, d := types.ListValue(types.StringType, elems)
		diags.Append(d...)
		return l
	}
	id := func(p *int64) types.String {
		if p == nil {
			return types.StringNull()
		}
		return types.StringValue(formatID(*p))
	}
	assets := make([]string, 0, len(s.AssetDefinitions))
	for _, a := range s.AssetDefinitions {
		assets = append(assets, formatID(a))
	}
	*m = accountSettingsModel{
		JobTypes:                  list(s.JobTypes),
		ItemTypes:                 list(s.ItemTypes),
		MobileJobTaskWorkflow:     list(s.MobileJobTaskWorkflow),
		MobileJobItemConfirmation: list(s.MobileJobItemConfirmation),
		AssetDefinitionIDs:        list(assets),
		ChangeOrderTermsID:        id(s.ChangeOrderTermsID),
		JobTermsID:                id(s.JobTermsID),
		QuoteTermsID:              id(s.QuoteTermsID),
		InvoiceTermsID:            id(s.InvoiceTermsID),
		AttachmentVisibility:      list(s.AttachmentVisibility),
		DeficiencyVisibility:      list(s.DeficiencyVisibility),
		CommentVisibility:         list(s.CommentVisibility),
		JobItemVisibility:         list(s.JobItemVisibility),
		QuoteDetailLevel:          list(s.QuoteDetailLevel),
		InvoiceDetailLevel:        list(s.InvoiceDetailLevel),
		SalesTaxSource:            types.StringValue(s.SalesTaxSource),
	}
	return diags
}
