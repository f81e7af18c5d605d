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

var quoteTemplateItemKind = objectKind[api.QuoteTemplateItem]{name: "quote template item", id: func(it api.QuoteTemplateItem) int64 { return it.ID }}

// NewQuoteTemplateItemDataSource is the
// fieldservice_servicetrade_quote_template_item data source.
func NewQuoteTemplateItemDataSource() datasource.DataSource {
	d := lookupSource[quoteTemplateItemModel, api.QuoteTemplateItem]("quote_template_item", "item",
		"Looks up one line item of a ServiceTrade quote template, by `id` or by exact `description`, within the template `quote_template_id`. "+
			"Fails when no item, or more than one, of that template has that description.",
		[]sourceKey[api.QuoteTemplateItem]{{attr: "description", description: "Exact, case-sensitive text of the item.", of: func(it api.QuoteTemplateItem) string { return it.Description }}},
		map[string]schema.Attribute{
			"quote_template_id": kit.DataParentID("Id of the quote template the item belongs to."),
			"uri":               kit.ReadOnlyString("Absolute API URI of the item."),
			"quantity":          kit.ReadOnlyFloat64("Quantity of the line."),
			"lib_item_id":       kit.ReadOnlyInt64("Id of the line's lib item, or null."),
			"service_line_id":   kit.ReadOnlyInt64("Id of the line's service line, or null."),
			"order_index":       kit.ReadOnlyInt64("Position of the line among the template's items, or null (listed last)."),
		})
	d.Spec = func(ctx context.Context, client *api.Client, cfg *quoteTemplateItemModel) lookup.Spec[api.QuoteTemplateItem] {
		tid := cfg.QuoteTemplateID.ValueInt64()
		s := quoteTemplateItemKind.spec(ctx, client, listAll(func() ([]api.QuoteTemplateItem, error) { return client.ListQuoteTemplateItems(ctx, tid) }))
		s.Get = byIDOf("quote template item", func(id int64) string { return fmt.Sprintf("item %d of ServiceTrade quote template %d", id, tid) },
			func(id int64) (*api.QuoteTemplateItem, error) { return client.GetQuoteTemplateItemOf(ctx, tid, id) })
		s.Scope = fmt.Sprintf("of quote template %d", tid)
		s.Explain = func(msg string, _ bool) string { return fmt.Sprintf("In quote template %d: %s", tid, msg) }
		return s
	}
	// fromAPI fills the configuration: quote_template_id stays as
	// configured when the item names no template, order_index null when
	// the API gives none.
	d.Set = (*quoteTemplateItemModel).fromAPI
	return d
}
