package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var (
	_ resource.ResourceWithConfigure   = (*quoteTemplateResource)(nil)
	_ resource.ResourceWithImportState = (*quoteTemplateResource)(nil)
)

// NewQuoteTemplateResource is the fieldservice_servicetrade_quote_template
// resource.
func NewQuoteTemplateResource() resource.Resource { return &quoteTemplateResource{} }

type quoteTemplateResource struct{ base }

// forceDeleteRounds bounds how often Delete empties the template and
// retries when items keep appearing (someone adding items concurrently).
const forceDeleteRounds = 3

func (r *quoteTemplateResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_servicetrade_quote_template"
}

func (r *quoteTemplateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade quote template: a named, reusable set of quote line items, optionally restricted to one customer company and carrying terms and conditions. " +
			"Its line items are managed with `fieldservice_servicetrade_quote_template_item` resources, not here. " +
			"ServiceTrade refuses to delete a template that still has items (409): Terraform deletes the item resources that depend on the template first, " +
			"and items created outside Terraform make the destroy fail unless `force_delete` is true. Import with the numeric template id. " +
			"Creating a template fails when one with the same name already exists (two templates of one name cannot be told apart in ServiceTrade's lists), with the way to import it, " +
			"unless `allow_duplicate` is true (needed to replace a template with `create_before_destroy` and keep its name). " +
			"If the answer to the create request is lost, Terraform looks for the template: when none exists it sends the request again, " +
			"otherwise it fails with an error listing the existing templates of that name, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "Numeric ServiceTrade id of the quote template.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"uri": schema.StringAttribute{
				Computed:      true,
				Description:   "Absolute API URI of the quote template, as returned by ServiceTrade.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:    true,
				Description: "Name of the template, shown in ServiceTrade's template lists. Not unique. Updatable in place.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"description": schema.StringAttribute{
				Optional:    true,
				Description: "Description of the quotes that will result from this template. Omit for none; removing it clears it. Updatable in place.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"company_id": schema.Int64Attribute{
				Optional: true,
				Description: "Id of the company the template is restricted to: when set, the template only applies to quotes for that company. " +
					"Omit (or remove) for a template that applies to every company. Look companies up with the `fieldservice_servicetrade_company` data source. Updatable in place.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"terms_id": schema.Int64Attribute{
				Optional: true,
				Description: "Id of the terms and conditions that apply to quotes made from the template. Omit (or remove) for none, the API's default. " +
					"Look terms up with the `fieldservice_servicetrade_terms` data source. ServiceTrade refuses to delete terms that a template uses. Updatable in place.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"force_delete": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				Description: "What destroying the template does when it still has line items that Terraform does not manage (made in the ServiceTrade UI, say). " +
					"`false` (the default): the destroy fails with a message saying how many items remain, because ServiceTrade refuses to delete a template with items. " +
					"`true`: those items are deleted first, then the template. Provider-side only; changing it updates the state without calling ServiceTrade.",
			},
			"allow_duplicate": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				Description: "Whether to create the template even when another quote template with the same `name` exists. " +
					"Defaults to `false`: the create is refused, with the way to import the existing template, so that a second apply after a create whose answer was lost " +
					"cannot make a duplicate behind your back. Set it to `true` to replace the template with `create_before_destroy` and the same `name` " +
					"(a taint, or a `replace_triggered_by`): Terraform does not tell the provider which object a new one replaces, so otherwise the new template " +
					"cannot be told from a duplicate and the replacement is refused. The risk: two templates of one name, which cannot be told apart in ServiceTrade's template lists, " +
					"for as long as both exist (during such a replacement, until the old one is deleted; for good, if the other one is not the one being replaced). " +
					"Provider-side only: changing it updates the state in place without calling ServiceTrade.",
			},
		},
	}
}

// quoteTemplateID parses the id in state, or adds an error.
func quoteTemplateID(m quoteTemplateModel, diags *diag.Diagnostics) (int64, bool) {
	id, err := parseID("quote template", m.ID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("id"), "Invalid quote template id in state", err.Error())
		return 0, false
	}
	return id, true
}

func (r *quoteTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan quoteTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in := plan.toInput()
	// Names are not unique in ServiceTrade, so a create whose answer was
	// lost is never adopted. But the name is how people pick a template
	// (two of one name cannot be told apart in ServiceTrade's lists): it
	// is the natural key checked before the create, unless
	// allow_duplicate says a duplicate is meant (a create_before_destroy
	// replacement).
	key := &lostcreate.Key{
		Index: r.data.Keys.Index(quoteTemplateKeys), Value: in.Name, Describe: fmt.Sprintf("name %q", in.Name), Attribute: "name",
		List: func(ctx context.Context) ([]naturalkey.Entry, error) {
			list, err := client.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{})
			return naturalkey.Entries(list, err, func(t api.QuoteTemplate) (naturalkey.Entry, bool) {
				return naturalkey.Entry{ID: formatID(t.ID), Key: t.Name}, true
			})
		},
		Why:            "Two quote templates of one name cannot be told apart in ServiceTrade's template lists.",
		AllowDuplicate: "allow_duplicate",
		Unchecked:      plan.AllowDuplicate.ValueBool(),
	}
	lookup := lostcreate.Lookup[api.QuoteTemplate]{
		Vendor: vendor.Name, Kind: "quote template", ResourceType: "fieldservice_servicetrade_quote_template", Match: fmt.Sprintf("named %q", in.Name),
		Find: func(ctx context.Context) ([]api.QuoteTemplate, error) {
			list, err := client.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: in.Name})
			return lostcreate.Keep(list, err, func(t api.QuoteTemplate) bool { return t.Name == in.Name })
		},
		ImportID: func(t api.QuoteTemplate) string { return formatID(t.ID) },
		Key:      key,
	}
	created, ok := lostcreate.Create(ctx, &resp.Diagnostics, fmt.Sprintf("Creating ServiceTrade quote template %q failed", in.Name), r.data.Retry,
		func(ctx context.Context) (*api.QuoteTemplate, error) { return client.CreateQuoteTemplate(ctx, in) }, lookup)
	if !ok {
		return
	}
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *quoteTemplateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state quoteTemplateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := quoteTemplateID(state, &resp.Diagnostics)
	if !ok {
		return
	}
	qt, err := client.GetQuoteTemplate(ctx, id)
	if api.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading ServiceTrade quote template %d failed", id), err.Error())
		return
	}
	state.fromAPI(qt)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *quoteTemplateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan, state quoteTemplateModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := quoteTemplateID(state, &resp.Diagnostics)
	if !ok {
		return
	}
	// A change of force_delete or allow_duplicate alone concerns only the
	// provider.
	if plan.Name.Equal(state.Name) && plan.Description.Equal(state.Description) &&
		plan.CompanyID.Equal(state.CompanyID) && plan.TermsID.Equal(state.TermsID) {
		state.ForceDelete = plan.ForceDelete
		state.AllowDuplicate = plan.AllowDuplicate
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		return
	}
	in := plan.toInput()
	updated, err := client.UpdateQuoteTemplate(ctx, id, in)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating ServiceTrade quote template %d (%q) failed", id, in.Name), err.Error())
		return
	}
	// A rename moves the template's natural key, for creates later in
	// this run.
	r.data.Keys.Index(quoteTemplateKeys).Put(formatID(id), updated.Name)
	plan.fromAPI(updated)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *quoteTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state quoteTemplateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := quoteTemplateID(state, &resp.Diagnostics)
	if !ok {
		return
	}
	summary := fmt.Sprintf("Deleting ServiceTrade quote template %d (%q) failed", id, state.Name.ValueString())
	for round := 0; ; round++ {
		err := client.DeleteQuoteTemplate(ctx, id)
		if err == nil || api.IsNotFound(err) {
			// Its name is free again for a create in this run.
			r.data.Keys.Index(quoteTemplateKeys).Remove(formatID(id))
			return
		}
		if !api.IsConflict(err) {
			resp.Diagnostics.AddError(summary, err.Error())
			return
		}
		// 409 "quotetemplate still has child items": items Terraform does
		// not manage here (its own item resources are deleted first).
		items, listErr := client.ListQuoteTemplateItems(ctx, id)
		if api.IsNotFound(listErr) {
			r.data.Keys.Index(quoteTemplateKeys).Remove(formatID(id))
			return // deleted by someone else meanwhile
		}
		if listErr != nil {
			resp.Diagnostics.AddError(summary, fmt.Sprintf("%s\n\nListing the template's remaining items also failed: %s", err, listErr))
			return
		}
		if len(items) == 0 && round < forceDeleteRounds {
			continue // the items went meanwhile: try again
		}
		if !state.ForceDelete.ValueBool() {
			resp.Diagnostics.AddError(summary, remainingItemsMessage(id, len(items), err))
			return
		}
		if round >= forceDeleteRounds {
			resp.Diagnostics.AddError(summary, fmt.Sprintf("The template still had %d items after deleting its items %d times: something keeps adding items to it. %s", len(items), forceDeleteRounds, err))
			return
		}
		for _, it := range items {
			if err := client.DeleteQuoteTemplateItem(ctx, id, it.ID); err != nil && !api.IsNotFound(err) {
				resp.Diagnostics.AddError(summary, fmt.Sprintf("force_delete is true, but deleting the template's item %d (%q) failed: %s", it.ID, it.Description, err))
				return
			}
		}
	}
}

// quoteTemplateKeys names the index of quote templates by name
// (lostcreate.Key).
const quoteTemplateKeys = "servicetrade quote template"

// remainingItemsMessage explains the 409 of a template that still has items
// and what to do about it.
func remainingItemsMessage(id int64, n int, err error) string {
	count := fmt.Sprintf("%d line items", n)
	if n == 1 {
		count = "1 line item"
	}
	return fmt.Sprintf("The quote template still has %s that this Terraform configuration does not manage, and ServiceTrade refuses to delete a template that has items. "+
		"Delete those items first (in ServiceTrade, or by importing them as fieldservice_servicetrade_quote_template_item resources with the id \"%d/<item id>\" and removing them), "+
		"or set force_delete = true on this template, apply, and destroy again to delete its items along with it.\n\nServiceTrade said: %s", count, id, err)
}

func (r *quoteTemplateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if _, err := parseID("quote template", req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID for fieldservice_servicetrade_quote_template", err.Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
