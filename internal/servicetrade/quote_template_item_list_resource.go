package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type quoteTemplateItemListFilter struct {
	QuoteTemplateID types.Int64 `tfsdk:"quote_template_id"`
}

// NewQuoteTemplateItemListResource lists
// fieldservice_servicetrade_quote_template_item objects: the API lists
// items only within their template ("quoteTemplateId must be specified
// when searching for quote items").
func NewQuoteTemplateItemListResource() list.ListResource {
	return listResource(NewQuoteTemplateItemResource,
		"Lists the items of one ServiceTrade quote template, in the template's order, to import them (`terraform query`). "+
			"The API lists items only within their template.",
		map[string]listschema.Attribute{
			"quote_template_id": kit.FilterParentID("Id of the quote template whose items are listed."),
		},
		func(ctx context.Context, c *api.Client, f *quoteTemplateItemListFilter, found func(kit.Found) bool) error {
			tid := f.QuoteTemplateID.ValueInt64()
			items, err := c.ListQuoteTemplateItems(ctx, tid)
			return kit.Each(items, err, found, func(it api.QuoteTemplateItem) kit.Found {
				return childFound(tid, it.ID, quoteTemplateItemName(it))
			})
		})
}

// quoteTemplateItemName is the text a line shows: its description, which
// ServiceTrade fills in from the lib item when none is sent; the lib
// item's name or the id only when an item made elsewhere has none.
func quoteTemplateItemName(it api.QuoteTemplateItem) string {
	switch {
	case it.Description != "":
		return it.Description
	case it.LibItem != nil && it.LibItem.Name != "":
		return it.LibItem.Name
	}
	return fmt.Sprintf("item %d", it.ID)
}
