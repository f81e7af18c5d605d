package kimoby

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kimoby/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/planmodifiers"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*webhookResource)(nil)
	_ resource.ResourceWithImportState = (*webhookResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*webhookResource)(nil)
)

// NewWebhookResource is the fieldservice_kimoby_webhook resource.
func NewWebhookResource() resource.Resource { return &webhookResource{} }

type webhookResource struct{ base }

func (r *webhookResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_kimoby_webhook"
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
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "Kimoby id of the webhook, such as `WH487d9d59d5511879e2eda871b5cac50c`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"url": schema.StringAttribute{
				Required: true,
				Description: "URL of the endpoint that receives the events. Must be an absolute `https://` URL (Kimoby refuses other schemes; checked at plan time). " +
					"Updatable in place: the webhook and its key are kept, but since the signature covers the URL, signatures of later deliveries change.",
				Validators: []validator.String{validators.URL("https")},
			},
			"authentication_key": schema.StringAttribute{
				Computed:  true,
				Sensitive: true,
				Description: "Secret that signs the deliveries (`X-Kimoby-Signature`). Kimoby returns it only in the answer to the creation, so it is kept in state from then on " +
					"and never refreshed: a key changed outside Terraform cannot be seen. It is null after `terraform import`, since no API returns it. " +
					"Kimoby has no rotate call: change `rotate_key` to get a new webhook with a new key.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"rotate_key": schema.StringAttribute{
				Optional: true,
				Description: "Any value; changing it (including setting or removing it) forces replacement: the webhook is deleted and a new one is created, with a new id and a new " +
					"`authentication_key`. Use it to rotate the key, for example with a date such as `2024-06`. Not sent to Kimoby. " +
					"After an import it is null, so a configuration that sets it plans a replacement, which is also the way to get a key into state for an imported webhook.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"allow_duplicate": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				Description: "Whether to create the webhook even when another webhook with the same `url` exists. " +
					"Defaults to `false`: the create is refused, with the way to import the existing webhook, so that a second apply after a create whose answer was lost " +
					"cannot make a duplicate behind your back. Set it to `true` to replace the webhook with `create_before_destroy` and the same `url`, " +
					"which is how to rotate the key without a gap in deliveries (`rotate_key` with `create_before_destroy`: the new webhook, with its new key, " +
					"exists before the old one is deleted): Terraform does not tell the provider which object a new one replaces, so otherwise the new webhook " +
					"cannot be told from a duplicate and the replacement is refused. The risk: a second webhook to the same url receives every event twice, " +
					"for as long as both exist (during such a replacement, until the old one is deleted, each delivery signed with its webhook's own key; " +
					"for good, if the other one is not the one being replaced). " +
					"Provider-side only: changing it updates the state in place without calling Kimoby.",
			},
			"created_at": schema.StringAttribute{
				Computed:      true,
				Description:   "When the webhook was created, RFC 3339 in UTC.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
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
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan webhookModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	u := plan.URL.ValueString()
	// Several webhooks may share a url, and the authentication key is
	// only in the lost answer: a create whose answer was lost is never
	// adopted. But the url is how people know a webhook, and a second
	// webhook to the same url fires every event twice: it is the natural
	// key checked before the create, against the listing shared by every
	// Read of this run (no extra request when the run refreshed webhooks),
	// unless allow_duplicate says a duplicate is meant (a key rotation
	// with create_before_destroy).
	key := &lostcreate.Key{
		Index: r.data.Keys.Index(webhookKeys), Value: u, Describe: fmt.Sprintf("url %q", u), Attribute: "url",
		List: func(ctx context.Context) ([]naturalkey.Entry, error) {
			list, err := client.Webhooks(ctx)
			return naturalkey.Entries(list, err, func(w api.Webhook) (naturalkey.Entry, bool) {
				return naturalkey.Entry{ID: w.ID, Key: w.URL}, true
			})
		},
		Why:            "A second webhook to the same url would receive every event twice.",
		AllowDuplicate: "allow_duplicate",
		Unchecked:      plan.AllowDuplicate.ValueBool(),
	}
	lookup := lostcreate.Lookup[api.Webhook]{
		Vendor: "Kimoby", Kind: "webhook", ResourceType: "fieldservice_kimoby_webhook", Match: fmt.Sprintf("for url %q", u),
		Find: func(ctx context.Context) ([]api.Webhook, error) {
			list, err := client.ListWebhooks(ctx) // fresh, not the shared listing
			return lostcreate.Keep(list, err, func(w api.Webhook) bool { return w.URL == u })
		},
		ImportID: func(w api.Webhook) string { return w.ID },
		Key:      key,
	}
	created, ok := lostcreate.Create(ctx, &resp.Diagnostics, fmt.Sprintf("Creating Kimoby webhook for %q failed", u), r.data.Retry,
		func(ctx context.Context) (*api.Webhook, error) {
			return client.CreateWebhook(ctx, api.WebhookInput{URL: u})
		}, lookup)
	if !ok {
		return
	}
	plan.fromAPI(created)
	if created.AuthenticationKey == "" {
		plan.AuthenticationKey = types.StringNull()
		resp.Diagnostics.AddWarning("Kimoby returned no authentication key",
			fmt.Sprintf("Kimoby created webhook %s but its answer carried no authentication_key, so the key is not in state and cannot be read later. "+
				"Change rotate_key to create a new webhook if you need the key.", created.ID))
	} else {
		plan.AuthenticationKey = types.StringValue(created.AuthenticationKey)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *webhookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state webhookModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	// No GET by id: the list, fetched once and shared by every Read of this
	// run, is searched.
	w, err := client.GetWebhook(ctx, id)
	if api.IsNotFound(err) {
		// Deleted outside Terraform, or by Kimoby after a 410 Gone.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading Kimoby webhook %s failed", id), err.Error())
		return
	}
	state.fromAPI(w)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *webhookResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan, state webhookModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A change of allow_duplicate alone concerns only the provider (the
	// url is the only thing Kimoby lets change; rotate_key replaces).
	if plan.URL.Equal(state.URL) {
		state.AllowDuplicate = plan.AllowDuplicate
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		return
	}
	id, u := state.ID.ValueString(), plan.URL.ValueString()
	updated, err := client.UpdateWebhook(ctx, id, api.WebhookInput{URL: u})
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating Kimoby webhook %s to %q failed", id, u), err.Error())
		return
	}
	// The url is the natural key: it moved, for creates later in this run.
	r.data.Keys.Index(webhookKeys).Put(id, updated.URL)
	plan.fromAPI(updated)
	// The update answer has no key; the docs do not say whether the key
	// survives a url change. It is assumed to, as nothing says otherwise.
	plan.AuthenticationKey = state.AuthenticationKey
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *webhookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state webhookModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if err := client.DeleteWebhook(ctx, id); err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting Kimoby webhook %s failed", id), err.Error())
		return
	}
	// Its url is free again for a create in this run (a replacement).
	r.data.Keys.Index(webhookKeys).Remove(id)
}

// webhookKeys names the index of webhooks by url (lostcreate.Key).
const webhookKeys = "kimoby webhook"


func (r *webhookResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if err := checkID(req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID for fieldservice_kimoby_webhook", err.Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
