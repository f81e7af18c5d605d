package kimoby

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/planmodifiers"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

// NewWebhookResource is the fieldservice_kimoby_webhook resource.
func NewWebhookResource() resource.Resource {
	return &webhookResource{crudResource[webhookModel, api.Webhook]{
		Base: webhookType.Base(),
		// No GET by id: the list, fetched once and shared by every Read of
		// this run, is searched. Not found: deleted outside Terraform, or
		// by Kimoby after a 410 Gone.
		Get: (*api.Client).GetWebhook, Set: (*webhookModel).fromAPI,
		// Its url is then free again for a create in this run (a
		// replacement).
		Del: (*api.Client).DeleteWebhook,
		// The url is the natural key: an update moves it, for creates
		// later in this run.
		NaturalKey: func(w *api.Webhook) string { return w.URL },
		Change:     updateWebhook,
	}}
}

// updateWebhook sends the url, the only thing Kimoby lets change
// (rotate_key replaces; a change of allow_duplicate alone is provider-side
// and sends nothing).
func updateWebhook(ctx context.Context, c *api.Client, id string, plan, state *webhookModel) (*api.Webhook, error) {
	updated, err := c.UpdateWebhook(ctx, id, api.WebhookInput{URL: plan.URL.ValueString()})
	if err != nil {
		return nil, err
	}
	// The update answer has no key; the docs do not say whether the key
	// survives a url change. It is assumed to, as nothing says otherwise.
	plan.AuthenticationKey = state.AuthenticationKey
	return updated, nil
}

type webhookResource struct {
	crudResource[webhookModel, api.Webhook]
}

func (r *webhookResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A Kimoby webhook: Kimoby POSTs every event (`message_created`, `message_updated`, `customer_unsubscribed`, `customer_resubscribed`) to its `url`; " +
			"there is no per-webhook event selection. Each delivery is signed in the `X-Kimoby-Signature` header with the `authentication_key` " +
			"(see the `kimoby_webhook_signature` function). Kimoby deletes a webhook whose receiver answers `410 Gone`; the next plan then shows it for re-creation, with a new key. " +
			"Deleting the resource deletes the webhook. Import with the webhook id (`WH…`); the key cannot be imported. " +
			"Creating a webhook fails when one with the same url already exists (it would receive every event twice), with the way to import it, " +
			"unless `allow_duplicate` is true: set it to rotate the key with `create_before_destroy`, without a gap in deliveries. " +
			"If the answer to the create request is lost, Terraform looks for the webhook: when there is none it sends the request again, " +
			"otherwise it fails with an error listing the existing webhooks for that url, to import (without its key) or delete.",
		Attributes: map[string]schema.Attribute{
			"id": kit.IDAttribute("Kimoby id of the webhook, such as `WH487d9d59d5511879e2eda871b5cac50c`."),
			"url": kit.RequiredString("URL of the endpoint that receives the events. Must be an absolute `https://` URL (Kimoby refuses other schemes; checked at plan time). "+
				"Updatable in place: the webhook and its key are kept, but since the signature covers the URL, signatures of later deliveries change.",
				validators.URL("https")),
			"authentication_key": schema.StringAttribute{
				Computed:  true,
				Sensitive: true,
				Description: "Secret that signs the deliveries (`X-Kimoby-Signature`). Kimoby returns it only in the answer to the creation, so it is kept in state from then on " +
					"and never refreshed: a key changed outside Terraform cannot be seen. It is null after `terraform import`, since no API returns it. " +
					"Kimoby has no rotate call: change `rotate_key` to get a new webhook with a new key.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"rotate_key": kit.CreateOnly(kit.OptionalString("Any value; changing it (including setting or removing it) forces replacement: the webhook is deleted and a new one is created, with a new id and a new " +
				"`authentication_key`. Use it to rotate the key, for example with a date such as `2024-06`. Not sent to Kimoby. " +
				"After an import it is null, so a configuration that sets it plans a replacement, which is also the way to get a key into state for an imported webhook.")),
			"allow_duplicate": kit.AllowDuplicate(kit.Duplicate{Vendor: "Kimoby", Noun: "webhook", Kind: "webhook", Attr: "url",
				When: ", which is how to rotate the key without a gap in deliveries (`rotate_key` with `create_before_destroy`: the new webhook, with its new key, " +
					"exists before the old one is deleted)",
				Risk: "a second webhook to the same url receives every event twice", During: ", each delivery signed with its webhook's own key"}),
			"created_at": kit.ComputedString("When the webhook was created, RFC 3339 in UTC."),
			"updated_at": schema.StringAttribute{
				Computed:    true,
				Description: "When the webhook was last changed, RFC 3339 in UTC. Changes when `url` changes; the plan shows it as known after apply only then.",
				// Kimoby moves updated_at only when it changes something,
				// and the url is the only thing it lets change.
				PlanModifiers: []planmodifier.String{planmodifiers.KeepUnlessChanged("url")},
			},
		},
	}
}

func (r *webhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan webhookModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.Webhook, bool) {
		u := plan.URL.ValueString()
		// Several webhooks may share a url, and the authentication key is
		// only in the lost answer: a create whose answer was lost is never
		// adopted. But the url is how people know a webhook, and a second
		// webhook to the same url fires every event twice: it is the
		// natural key checked before the create, against the listing
		// shared by every Read of this run (no extra request when the run
		// refreshed webhooks), unless allow_duplicate says a duplicate is
		// meant (a key rotation with create_before_destroy).
		created, ok := kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating Kimoby webhook for %q failed", u),
			func(ctx context.Context) (*api.Webhook, error) {
				return client.CreateWebhook(ctx, api.WebhookInput{URL: u})
			},
			kit.ByNaturalKey(kit.Natural[api.Webhook]{
				Attribute: "url", Value: u, Describe: fmt.Sprintf("url %q", u), Match: fmt.Sprintf("for url %q", u),
				Why: "A second webhook to the same url would receive every event twice.",
				// The lookup after a lost answer lists afresh, not the
				// shared listing.
				List: client.Webhooks, Find: client.ListWebhooks,
				Key: func(w api.Webhook) string { return w.URL }, ID: func(w api.Webhook) string { return w.ID },
				AllowDuplicate: plan.AllowDuplicate.ValueBool(),
			}))
		if !ok {
			return nil, false
		}
		if created.AuthenticationKey == "" {
			plan.AuthenticationKey = types.StringNull()
			diags.AddWarning("Kimoby returned no authentication key",
				fmt.Sprintf("Kimoby created webhook %s but its answer carried no authentication_key, so the key is not in state and cannot be read later. "+
					"Change rotate_key to create a new webhook if you need the key.", created.ID))
		} else {
			plan.AuthenticationKey = types.StringValue(created.AuthenticationKey)
		}
		return created, true
	})
}
