package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*webhookResource)(nil)
	_ resource.ResourceWithImportState = (*webhookResource)(nil)
)

// NewWebhookResource is the fieldservice_servicetrade_webhook resource.
func NewWebhookResource() resource.Resource { return &webhookResource{} }

type webhookResource struct{ base }

func (r *webhookResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_servicetrade_webhook"
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
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "Numeric ServiceTrade id of the webhook.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"uri": schema.StringAttribute{
				Computed:      true,
				Description:   "Absolute API URI of the webhook, as returned by ServiceTrade.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"hook_url": schema.StringAttribute{
				Required: true,
				Description: "URL that receives the notifications, as an absolute `http://` or `https://` URL. " +
					"ServiceTrade cannot change it on an existing webhook, so changing it forces replacement (a new webhook, with a new id, " +
					"that must be confirmed again).",
				Validators:    []validator.String{validators.URL("http", "https")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"enabled": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
				Description: "Whether the webhook receives notifications. Defaults to `true`; updatable in place. " +
					"A disabled webhook receives nothing, and on re-enabling only messages sent after that moment.",
			},
			"include_changesets": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				Description: "Whether `updated` notifications carry a `changeset` (field, old value, new value). " +
					"ServiceTrade tracks changesets for jobs and job items only. Defaults to `false`; updatable in place.",
			},
			"allow_duplicate": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				Description: "Whether to create the webhook even when another webhook with the same `hook_url` exists. " +
					"Defaults to `false`: the create is refused, with the way to import the existing webhook, so that a second apply after a create whose answer was lost " +
					"cannot make a duplicate behind your back. Set it to `true` to replace the webhook with `create_before_destroy` and the same `hook_url` " +
					"(a taint, or a `replace_triggered_by`): Terraform does not tell the provider which object a new one replaces, so otherwise the new webhook " +
					"cannot be told from a duplicate and the replacement is refused. The risk: a second webhook to the same URL receives every event twice, " +
					"for as long as both exist (during such a replacement, until the old one is deleted; for good, if the other one is not the one being replaced). " +
					"Provider-side only: changing it updates the state in place without calling ServiceTrade.",
			},
			"confirmed": schema.BoolAttribute{
				Computed: true,
				Description: "Whether ServiceTrade has confirmed the webhook; unconfirmed webhooks receive nothing. " +
					"It is `false` right after creation and becomes `true` once ServiceTrade has checked the URL (normally at once), " +
					"which the next refresh records without planning any change.",
				// Known from state on every plan except a create or
				// replacement, so that its flip from false to true never
				// shows as a change.
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

// webhookID parses the id in state, or adds an error.
func webhookID(m webhookResourceModel, diags *diag.Diagnostics) (int64, bool) {
	id, err := parseID("webhook", m.ID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("id"), "Invalid webhook id in state", err.Error())
		return 0, false
	}
	return id, true
}

func (r *webhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan webhookResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in := api.WebhookInput{
		HookURL:           plan.HookURL.ValueString(),
		Enabled:           plan.Enabled.ValueBoolPointer(),
		IncludeChangesets: plan.IncludeChangesets.ValueBoolPointer(),
	}
	// Several webhooks may share a hook URL in ServiceTrade, so a create
	// whose answer was lost is never adopted. But the hook URL is how
	// people know a webhook, and a second webhook to the same URL fires
	// every event twice: it is the natural key checked before the create,
	// unless allow_duplicate says a duplicate is meant (a
	// create_before_destroy replacement).
	key := &lostcreate.Key{
		Index: r.data.Keys.Index(webhookKeys), Value: in.HookURL, Describe: fmt.Sprintf("hook URL %q", in.HookURL), Attribute: "hook_url",
		List: func(ctx context.Context) ([]naturalkey.Entry, error) {
			list, err := client.ListWebhooks(ctx)
			return naturalkey.Entries(list, err, func(w api.Webhook) (naturalkey.Entry, bool) {
				return naturalkey.Entry{ID: formatID(w.ID), Key: w.HookURL}, true
			})
		},
		Why:            "A second webhook to the same URL would receive every event twice.",
		AllowDuplicate: "allow_duplicate",
		Unchecked:      plan.AllowDuplicate.ValueBool(),
	}
	lookup := lostcreate.Lookup[api.Webhook]{
		Vendor: vendor, Kind: "webhook", ResourceType: "fieldservice_servicetrade_webhook", Match: fmt.Sprintf("for hook URL %q", in.HookURL),
		Find: func(ctx context.Context) ([]api.Webhook, error) {
			list, err := client.ListWebhooks(ctx)
			return lostcreate.Keep(list, err, func(w api.Webhook) bool { return w.HookURL == in.HookURL })
		},
		ImportID: func(w api.Webhook) string { return formatID(w.ID) },
		Key:      key,
	}
	created, ok := lostcreate.Create(ctx, &resp.Diagnostics, fmt.Sprintf("Creating ServiceTrade webhook for %q failed", in.HookURL), r.data.Retry,
		func(ctx context.Context) (*api.Webhook, error) { return client.CreateWebhook(ctx, in) }, lookup)
	if !ok {
		return
	}
	// confirmed is false here; the next refresh records the confirmation.
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *webhookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state webhookResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := webhookID(state, &resp.Diagnostics)
	if !ok {
		return
	}
	wh, err := client.GetWebhook(ctx, id)
	if api.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading ServiceTrade webhook %d failed", id), err.Error())
		return
	}
	state.fromAPI(wh)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *webhookResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan, state webhookResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := webhookID(state, &resp.Diagnostics)
	if !ok {
		return
	}
	// A change of allow_duplicate alone concerns only the provider.
	if plan.Enabled.Equal(state.Enabled) && plan.IncludeChangesets.Equal(state.IncludeChangesets) {
		state.AllowDuplicate = plan.AllowDuplicate
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		return
	}
	// hook_url forces replacement, so it is never sent: PUT does not take it.
	in := api.WebhookUpdate{
		Enabled:           plan.Enabled.ValueBoolPointer(),
		IncludeChangesets: plan.IncludeChangesets.ValueBoolPointer(),
	}
	updated, err := client.UpdateWebhook(ctx, id, in)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating ServiceTrade webhook %d (%s) failed", id, state.HookURL.ValueString()), err.Error())
		return
	}
	planned := plan.Confirmed
	plan.fromAPI(updated)
	// The plan promised the refreshed confirmed value; if the confirmation
	// completed between that refresh and this update, keep the promise and
	// let the next refresh record it rather than fail the apply.
	if !planned.IsUnknown() {
		plan.Confirmed = planned
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *webhookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state webhookResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := webhookID(state, &resp.Diagnostics)
	if !ok {
		return
	}
	if err := client.DeleteWebhook(ctx, id); err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting ServiceTrade webhook %d failed", id), err.Error())
		return
	}
	// Its hook URL is free again for a create in this run (a replacement).
	r.data.Keys.Index(webhookKeys).Remove(formatID(id))
}

// webhookKeys names the index of webhooks by hook URL (lostcreate.Key).
const webhookKeys = "servicetrade webhook"

func (r *webhookResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if _, err := parseID("webhook", req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID for fieldservice_servicetrade_webhook", err.Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
