package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// webhookListFilter is empty: GET /webhook documents no query parameter.
type webhookListFilter struct{}

// NewWebhookListResource lists fieldservice_servicetrade_webhook objects,
// each shown by its hook URL, which is how people know a webhook.
func NewWebhookListResource() list.ListResource {
	return listResource(NewWebhookResource,
		"Lists every webhook of the ServiceTrade account, enabled or not, each shown by its hook URL, to import them (`terraform query`). "+
			"The API's webhook list takes no filter, so neither does this list.",
		map[string]listschema.Attribute{},
		func(ctx context.Context, c *api.Client, _ *webhookListFilter, found func(kit.Found) bool) error {
			hooks, err := c.ListWebhooks(ctx)
			return kit.Each(hooks, err, found, func(w api.Webhook) kit.Found { return numberedFound(w.ID, w.HookURL) })
		})
}
