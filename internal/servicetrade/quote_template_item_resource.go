package servicetrade

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/planmodifiers"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

var (
	_ resource.ResourceWithConfigure        = (*quoteTemplateItemResource)(nil)
	_ resource.ResourceWithImportState      = (*quoteTemplateItemResource)(nil)
	_ resource.ResourceWithConfigValidators = (*quoteTemplateItemResource)(nil)
)

// NewQuoteTemplateItemResource is the
// fieldservice_servicetrade_quote_template_item resource.
func NewQuoteTemplateItemResource() resource.Resource { return &quoteTemplateItemResource{} }

type quoteTemplateItemResource struct{ base }

func (r *quoteTemplateItemResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_servicetrade_quote_template_item"
}

func (r *quoteTemplateItemResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A line item of a ServiceTrade quote template: a quantity of a lib item (price-book part, labor, service...) or of a described ad-hoc item. " +
			"Give a `description`, a `lib_item_id`, or both. ServiceTrade resolves what is left out when the item is created: a description that is the name of a lib item " +
			"(such as `CCW Zirconium Flange`) gets that lib item, the service line comes from the lib item, and an item given only a lib item takes its name as description; " +
			"those server-filled values are recorded without planning a change. Deleting the resource deletes the item. " +
			"Import with `<quote_template_id>/<item_id>`, since ServiceTrade deletes items through their template. " +
			"If the answer to the create request is lost, Terraform looks for the item: when none exists it sends the request again, " +
			"otherwise it fails with an error listing the template's existing items with that description (or lib item), to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "Numeric ServiceTrade id of the item.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"uri": schema.StringAttribute{
				Computed:      true,
				Description:   "Absolute API URI of the item (`.../quotetemplateitem/<id>`), as returned by ServiceTrade.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"quote_template_id": schema.Int64Attribute{
				Required: true,
				Description: "Id of the quote template the item belongs to, usually `fieldservice_servicetrade_quote_template.<name>.id`. " +
					"Changing it forces replacement: the item is deleted from the old template and created on the new one.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"quantity": schema.Float64Attribute{
				Required:    true,
				Description: "How many units of the item the line charges; greater than 0, fractions allowed (`1.5`). Compared numerically. Updatable in place.",
				Validators:  []validator.Float64{validators.Positive("quantity")},
			},
			"description": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Description: "Text of the line. Required unless `lib_item_id` is set. When it is left out, ServiceTrade uses the lib item's name, which is then recorded; " +
					"removing it from the configuration later keeps the current text. When it exactly names a lib item and `lib_item_id` is left out, " +
					"ServiceTrade links that lib item on creation. Updatable in place.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{
					planmodifiers.ServerFilledString("lib_item_id", "ServiceTrade takes the description from the lib item"),
				},
			},
			"lib_item_id": schema.Int64Attribute{
				Optional: true,
				Computed: true,
				Description: "Id of the lib item the line is an instance of (look it up with the `fieldservice_servicetrade_lib_item` data source). " +
					"Required unless `description` is set. When it is left out and the description names a lib item, ServiceTrade fills it in on creation " +
					"and it is recorded without a change being planned; removing it from the configuration later keeps the current lib item. Updatable in place.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{
					planmodifiers.ServerFilledInt64("description", "ServiceTrade may resolve the lib item from the description"),
				},
			},
			"service_line_id": schema.Int64Attribute{
				Optional: true,
				Computed: true,
				Description: "Id of the line's service line (look it up with the `fieldservice_servicetrade_service_line` data source). " +
					"Required when there is no lib item or the lib item has no service line; otherwise ServiceTrade takes the lib item's service line, " +
					"which is recorded without a change being planned. Set it to override the lib item's. Updatable in place.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{
					planmodifiers.ServerFilledInt64("lib_item_id", "ServiceTrade takes the service line from the lib item"),
				},
			},
			"order_index": schema.Int64Attribute{
				Optional: true,
				Description: "Position of the item in the template: items are listed from low to high value, items without one (the default) last. " +
					"Omit or remove for none. Updatable in place.",
			},
		},
	}
}

func (r *quoteTemplateItemResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("description"), path.MatchRoot("lib_item_id")),
	}
}

// itemIDs parses the ids in state, or adds an error.
func itemIDs(m quoteTemplateItemModel, diags *diag.Diagnostics) (templateID, itemID int64, ok bool) {
	itemID, err := parseID("quote template item", m.ID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("id"), "Invalid quote template item id in state", err.Error())
		return 0, 0, false
	}
	if m.QuoteTemplateID.IsNull() || m.QuoteTemplateID.IsUnknown() || m.QuoteTemplateID.ValueInt64() <= 0 {
		diags.AddAttributeError(path.Root("quote_template_id"), "Invalid quote template id in state", "The item's quote_template_id is missing from the state; re-import the item with \"<quote_template_id>/<item_id>\".")
		return 0, 0, false
	}
	return m.QuoteTemplateID.ValueInt64(), itemID, true
}

// settle returns the item as stored. The reference's create example echoes
// a quantity different from the one sent (a doc bug); if a response ever
// does, the item is read back once, so that state holds what ServiceTrade
// stored.
func settle(ctx context.Context, client *api.Client, it *api.QuoteTemplateItem, planned float64) (*api.QuoteTemplateItem, error) {
	if it.Quantity == planned {
		return it, nil
	}
	return client.GetQuoteTemplateItem(ctx, it.ID)
}

func (r *quoteTemplateItemResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan quoteTemplateItemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tid := plan.QuoteTemplateID.ValueInt64()
	in := plan.toInput()
	summary := fmt.Sprintf("Creating an item on ServiceTrade quote template %d failed", tid)
	// Items are not unique (a template may list one part twice): no
	// natural key is checked, and a create whose answer was lost is never
	// adopted. They are matched by description, or by lib item when none
	// is configured.
	match, same := fmt.Sprintf("on quote template %d", tid), func(api.QuoteTemplateItem) bool { return true }
	switch {
	case in.Description != nil:
		match = fmt.Sprintf("with description %q %s", *in.Description, match)
		same = func(it api.QuoteTemplateItem) bool { return it.Description == *in.Description }
	case in.LibItemID != nil:
		match = fmt.Sprintf("of lib item %d %s", *in.LibItemID, match)
		same = func(it api.QuoteTemplateItem) bool { id := it.LibItemID(); return id != nil && *id == *in.LibItemID }
	}
	created, ok := lostcreate.Create(ctx, &resp.Diagnostics, summary, r.data.Retry,
		func(ctx context.Context) (*api.QuoteTemplateItem, error) {
			return client.CreateQuoteTemplateItem(ctx, tid, in)
		},
		lostcreate.Lookup[api.QuoteTemplateItem]{
			Vendor: vendor.Name, Kind: "quote template item", ResourceType: "fieldservice_servicetrade_quote_template_item", Match: match,
			Find: func(ctx context.Context) ([]api.QuoteTemplateItem, error) {
				list, err := client.ListQuoteTemplateItems(ctx, tid)
				return lostcreate.Keep(list, err, same)
			},
			ImportID: func(it api.QuoteTemplateItem) string { return formatID(tid) + "/" + formatID(it.ID) },
		})
	if !ok {
		return
	}
	settled, err := settle(ctx, client, created, plan.Quantity.ValueFloat64())
	if err != nil {
		// The item exists: keep it in the state (tainted by the error, so
		// that the next apply replaces it) rather than leave it unseen.
		resp.Diagnostics.AddError(summary, fmt.Sprintf("ServiceTrade created item %d but reading it back failed: %s", created.ID, err))
		plan.fromAPI(created)
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	plan.fromAPI(settled)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *quoteTemplateItemResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state quoteTemplateItemModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	_, id, ok := itemIDs(state, &resp.Diagnostics)
	if !ok {
		return
	}
	// The flat path finds the item whatever its template, so an item moved
	// to another template shows as a change of quote_template_id.
	it, err := client.GetQuoteTemplateItem(ctx, id)
	if api.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading ServiceTrade quote template item %d failed", id), err.Error())
		return
	}
	state.fromAPI(it)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *quoteTemplateItemResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan, state quoteTemplateItemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tid, id, ok := itemIDs(state, &resp.Diagnostics)
	if !ok {
		return
	}
	updated, err := client.UpdateQuoteTemplateItem(ctx, tid, id, plan.toInput())
	if err == nil {
		updated, err = settle(ctx, client, updated, plan.Quantity.ValueFloat64())
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating ServiceTrade quote template item %d (template %d) failed", id, tid), err.Error())
		return
	}
	plan.fromAPI(updated)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *quoteTemplateItemResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state quoteTemplateItemModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tid, id, ok := itemIDs(state, &resp.Diagnostics)
	if !ok {
		return
	}
	// DELETE is documented only on the nested path. 404 means the item or
	// its template is already gone.
	if err := client.DeleteQuoteTemplateItem(ctx, tid, id); err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting ServiceTrade quote template item %d (template %d) failed", id, tid), err.Error())
	}
}

func (r *quoteTemplateItemResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	tid, id, err := parseItemImportID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for fieldservice_servicetrade_quote_template_item", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), formatID(id))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("quote_template_id"), tid)...)
}

// parseItemImportID reads "<quote_template_id>/<item_id>".
func parseItemImportID(raw string) (templateID, itemID int64, err error) {
	parts := strings.Split(raw, "/")
	if len(parts) != 2 {
		return 0, 0, fmt.Errorf("the import ID of a quote template item is \"<quote_template_id>/<item_id>\", such as \"4294967297/4294967302\" (ServiceTrade deletes items through their template); got %q", raw)
	}
	if templateID, err = parseID("quote template", strings.TrimSpace(parts[0])); err != nil {
		return 0, 0, fmt.Errorf("in import ID %q (\"<quote_template_id>/<item_id>\"): %w", raw, err)
	}
	if itemID, err = parseID("quote template item", strings.TrimSpace(parts[1])); err != nil {
		return 0, 0, fmt.Errorf("in import ID %q (\"<quote_template_id>/<item_id>\"): %w", raw, err)
	}
	return templateID, itemID, nil
}
