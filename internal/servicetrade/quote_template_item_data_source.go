package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewQuoteTemplateItemDataSource is the
// fieldservice_servicetrade_quote_template_item data source.
func NewQuoteTemplateItemDataSource() datasource.DataSource {
	return &kit.Lookup[*api.Client, quoteTemplateItemModel, api.QuoteTemplateItem]{
		DataBase: vendor.DataSource("quote_template_item", "id", "description"),
		Definition: schema.Schema{
			Description: "Looks up one line item of a ServiceTrade quote template, by `id` or by exact `description`, within the template `quote_template_id`. " +
				"Fails when no item, or more than one, of that template has that description.",
			Attributes: map[string]schema.Attribute{
				"quote_template_id": schema.Int64Attribute{Required: true, Description: "Id of the quote template the item belongs to."},
				"id":                schema.StringAttribute{Optional: true, Computed: true, Description: "Numeric id of the item. Give exactly one of `id` and `description`."},
				"description":       schema.StringAttribute{Optional: true, Computed: true, Description: "Exact, case-sensitive text of the item. Give exactly one of `id` and `description`."},
				"uri":               schema.StringAttribute{Computed: true, Description: "Absolute API URI of the item."},
				"quantity":          schema.Float64Attribute{Computed: true, Description: "Quantity of the line."},
				"lib_item_id":       schema.Int64Attribute{Computed: true, Description: "Id of the line's lib item, or null."},
				"service_line_id":   schema.Int64Attribute{Computed: true, Description: "Id of the line's service line, or null."},
				"order_index":       schema.Int64Attribute{Computed: true, Description: "Position of the line among the template's items, or null (listed last)."},
			},
		},
		Spec: func(ctx context.Context, client *api.Client, cfg *quoteTemplateItemModel) lookup.Spec[api.QuoteTemplateItem] {
			tid := cfg.QuoteTemplateID.ValueInt64()
			return lookup.Spec[api.QuoteTemplateItem]{
				Kind: kindOf("quote template item", func(it api.QuoteTemplateItem) int64 { return it.ID }),
				ID:   cfg.ID,
				Get: byIDOf("quote template item", func(id int64) string { return fmt.Sprintf("item %d of ServiceTrade quote template %d", id, tid) },
					func(id int64) (*api.QuoteTemplateItem, error) { return client.GetQuoteTemplateItemOf(ctx, tid, id) }),
				Keys:    []lookup.Key[api.QuoteTemplateItem]{{Attr: "description", Value: cfg.Description, Of: func(it api.QuoteTemplateItem) string { return it.Description }}},
				List:    listAll(func() ([]api.QuoteTemplateItem, error) { return client.ListQuoteTemplateItems(ctx, tid) }),
				Scope:   fmt.Sprintf("of quote template %d", tid),
				Explain: func(msg string, _ bool) string { return fmt.Sprintf("In quote template %d: %s", tid, msg) },
			}
		},
		// fromAPI fills the configuration: quote_template_id stays as
		// configured when the item names no template, order_index null when
		// the API gives none.
		Set: (*quoteTemplateItemModel).fromAPI,
	}
}
