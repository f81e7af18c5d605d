package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// termsListFilter is empty: "No query parameters are supported" on GET
// /terms.
type termsListFilter struct{}

// NewTermsListResource lists fieldservice_servicetrade_terms objects.
func NewTermsListResource() list.ListResource {
	return listResource(NewTermsResource,
		"Lists every set of terms and conditions of the ServiceTrade account, including the account's default terms, to import them (`terraform query`). "+
			"The API's terms list takes no filter (\"an index call will return all terms\"), so neither does this list.",
		map[string]listschema.Attribute{},
		func(ctx context.Context, c *api.Client, _ *termsListFilter, found func(kit.Found) bool) error {
			all, err := c.ListTerms(ctx)
			return kit.Each(all, err, found, func(t api.Terms) kit.Found { return numberedFound(t.ID, t.Name) })
		})
}
