package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

// NewWebhookResource is the fieldservice_servicetrade_webhook resource.
func NewWebhookResource() resource.Resource {
	return &webhookResource{crudResource[webhookResourceModel, api.Webhook]{
		Base: numbered("webhook", kit.AllowDuplicateDefault).Base(),
		Get:  (*api.Client).GetWebhook, Set: (*webhookResourceModel).fromAPI, Del: (*api.Client).DeleteWebhook,
		Change: updateWebhook,
	}}
}

// updateWebhook sends enabled and include_changesets. hook_url forces
// replacement, so it is never sent: PUT does not take it.
func updateWebhook(ctx context.Context, c *api.Client, id int64, plan, _ *webhookResourceModel) (*api.Webhook, error) {
	updated, err := c.UpdateWebhook(ctx, id, api.WebhookUpdate{
		Enabled:           plan.Enabled.ValueBoolPointer(),
		IncludeChangesets: plan.IncludeChangesets.ValueBoolPointer(),
	})
	// The plan promised the refreshed confirmed value; if the confirmation
	// completed between that refresh and this update, keep the promise and
	// let the next refresh record it rather than fail the apply.
	if err == nil && !plan.Confirmed.IsUnknown() {
		updated.Confirmed = plan.Confirmed.ValueBool()
	}
	return updated, err
}

type webhookResource struct {
	crudResource[webhookResourceModel, api.Webhook]
}

func (r *webhookResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade webhook: a URL that receives an HTTP POST for every change to the account's jobs, appointments, " +
			"companies, locations, invoices, quotes and other notifying entities. The URL must be publicly reachable, accept POST and " +
			"answer with a status between 200 and 499 within 5 seconds; a hook receives nothing until ServiceTrade has confirmed it, " +
			"which normally happens right after creation. An account can have several webhooks, each receiving every message. " +
			"Deleting the resource deletes the webhook. Import with the numeric webhook id. " +
			"Creating a webhook fails when one with the same hook URL already exists (it would receive every event twice), with the way to import it, " +
			"unless `allow_duplicate` is true (needed to replace a webhook with `create_before_destroy` and keep its hook URL). " +
			"If the answer to the create request is lost, Terraform looks for the webhook: when there is none it sends the request again, " +
			"otherwise it fails with an error listing the existing webhooks for that hook URL, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the webhook."),
			"uri": kit.ComputedString("Absolute API URI of the webhook, as returned by ServiceTrade."),
			"hook_url": kit.CreateOnly(kit.RequiredString("URL that receives the notifications, as an absolute `http://` or `https://` URL. "+
				"ServiceTrade cannot change it on an existing webhook, so changing it forces replacement (a new webhook, with a new id, "+
				"that must be confirmed again).", validators.URL("http", "https"))),
			"enabled": kit.OptionalBool(true, "Whether the webhook receives notifications. Defaults to `true`; updatable in place. "+
				"A disabled webhook receives nothing, and on re-enabling only messages sent after that moment."),
			"include_changesets": kit.OptionalBool(false, "Whether `updated` notifications carry a `changeset` (field, old value, new value). "+
				"ServiceTrade tracks changesets for jobs and job items only. Defaults to `false`; updatable in place."),
			"allow_duplicate": kit.AllowDuplicate(kit.Duplicate{Vendor: "ServiceTrade", Noun: "webhook", Kind: "webhook", Attr: "hook_url",
				When: " (a taint, or a `replace_triggered_by`)", Risk: "a second webhook to the same URL receives every event twice"}),
			// Known from state on every plan except a create or replacement,
			// so that its flip from false to true never shows as a change.
			"confirmed": kit.ComputedBool("Whether ServiceTrade has confirmed the webhook; unconfirmed webhooks receive nothing. " +
				"It is `false` right after creation and becomes `true` once ServiceTrade has checked the URL (normally at once), " +
				"which the next refresh records without planning any change."),
		},
	}
}

func (r *webhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan webhookResourceModel
	// confirmed is false in the answer; the next refresh records the
	// confirmation.
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.Webhook, bool) {
		in := api.WebhookInput{
			HookURL:           plan.HookURL.ValueString(),
			Enabled:           plan.Enabled.ValueBoolPointer(),
			IncludeChangesets: plan.IncludeChangesets.ValueBoolPointer(),
		}
		// Several webhooks may share a hook URL in ServiceTrade, so a
		// create whose answer was lost is never adopted. But the hook URL
		// is how people know a webhook, and a second webhook to the same
		// URL fires every event twice: it is the natural key checked
		// before the create, unless allow_duplicate says a duplicate is
		// meant (a create_before_destroy replacement).
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade webhook for %q failed", in.HookURL),
			func(ctx context.Context) (*api.Webhook, error) { return client.CreateWebhook(ctx, in) },
			kit.ByNaturalKey(kit.Natural[api.Webhook]{
				Attribute: "hook_url", Value: in.HookURL, Describe: fmt.Sprintf("hook URL %q", in.HookURL), Match: fmt.Sprintf("for hook URL %q", in.HookURL),
				Why:  "A second webhook to the same URL would receive every event twice.",
				List: client.ListWebhooks, Key: func(w api.Webhook) string { return w.HookURL }, ID: func(w api.Webhook) string { return formatID(w.ID) },
				AllowDuplicate: plan.AllowDuplicate.ValueBool(),
			}))
	})
}
