package kimoby

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
)

type webhookListFilter struct {
	URL types.String `tfsdk:"url"`
}

// NewWebhookListResource lists fieldservice_kimoby_webhook objects.
func NewWebhookListResource() list.ListResource {
	return kit.NewListResource(kit.ListResource[*api.Client, webhookListFilter]{
		Vendor: vendor, Resource: NewWebhookResource,
		Description: "Lists the webhooks of the Kimoby account, every one or those whose url contains `url`, oldest first, to import them (`terraform query`). " +
			"Each is shown by its url. The authentication key of a listed webhook is null, as after an import: Kimoby returns it only at creation.",
		Filter: map[string]listschema.Attribute{
			"url": kit.FilterString("Only webhooks whose url contains this text, compared exactly (case-sensitive). " +
				"Kimoby's list has no filter, so the provider filters the whole list. Unset: every webhook."),
		},
		Find: func(ctx context.Context, c *api.Client, f *webhookListFilter, found func(kit.Found) bool) error {
			// The shared listing, not a fresh one: Kimoby has no GET by id,
			// so the Read of each webhook found searches that listing, and
			// searching the same one finds each webhook found, with one
			// request for the whole search.
			hooks, err := c.Webhooks(ctx)
			if err == nil {
				part := f.URL.ValueString()
				hooks = slices.DeleteFunc(hooks, func(w api.Webhook) bool { return !strings.Contains(w.URL, part) })
				slices.SortFunc(hooks, func(a, b api.Webhook) int {
					return cmp.Or(cmp.Compare(normalizeTime(a.CreatedAt), normalizeTime(b.CreatedAt)), cmp.Compare(a.ID, b.ID))
				})
			}
			return kit.Each(hooks, err, found, func(w api.Webhook) kit.Found { return kit.Found{ID: w.ID, Name: w.URL} })
		},
	})()
}
