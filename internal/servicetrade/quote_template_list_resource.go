package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type quoteTemplateListFilter struct {
	Name      types.String `tfsdk:"name"`
	CompanyID types.Int64  `tfsdk:"company_id"`
}

// NewQuoteTemplateListResource lists fieldservice_servicetrade_quote_template
// objects. Their items are resources of their own, listed per template by
// fieldservice_servicetrade_quote_template_item.
func NewQuoteTemplateListResource() list.ListResource {
	return listResource(NewQuoteTemplateResource,
		"Lists the quote templates of the ServiceTrade account, every one or those the filter selects, to import them (`terraform query`). "+
			"A template's items are listed by `fieldservice_servicetrade_quote_template_item`, within their template.",
		map[string]listschema.Attribute{
			"name": kit.FilterString("Only templates whose name contains this text (ServiceTrade's own `name` filter, \"string to find in the quote template name\"; the reference does not say whether case matters). " +
				"Unset: templates of any name."),
			"company_id": kit.FilterID("Only templates related to this company, as ServiceTrade's `companyIds` filter answers them (the reference does not say whether " +
				"templates that apply to every company are included). Unset: templates of every company and those of none."),
		},
		func(ctx context.Context, c *api.Client, f *quoteTemplateListFilter, found func(kit.Found) bool) error {
			filter := api.QuoteTemplateFilter{Name: f.Name.ValueString()}
			if id := f.CompanyID.ValueInt64(); id != 0 {
				filter.CompanyIDs = []int64{id}
			}
			templates, err := c.ListQuoteTemplates(ctx, filter)
			return kit.Each(templates, err, found, func(t api.QuoteTemplate) kit.Found { return numberedFound(t.ID, t.Name) })
		})
}
