package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/planmodifiers"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

var _ resource.ResourceWithConfigValidators = (*quoteTemplateItemResource)(nil)

// quoteTemplateItemType is fieldservice_servicetrade_quote_template_item:
// an item is known by its template and its own id, and imported as
// "<quote_template_id>/<item_id>".
var quoteTemplateItemType = childType("quote_template_item", "quote template", "item", "4294967297/4294967302",
	"ServiceTrade deletes items through their template")

// NewQuoteTemplateItemResource is the
// fieldservice_servicetrade_quote_template_item resource.
func NewQuoteTemplateItemResource() resource.Resource {
	return &quoteTemplateItemResource{childResource[quoteTemplateItemModel, api.QuoteTemplateItem]{
		Base: quoteTemplateItemType.Base(),
		Get:  getQuoteTemplateItem, Set: (*quoteTemplateItemModel).fromAPI,
		// DELETE is documented only on the nested path. 404 means the item
		// or its template is already gone.
		Del: kit.DeleteChild((*api.Client).DeleteQuoteTemplateItem),
	}}
}

type quoteTemplateItemResource struct {
	childResource[quoteTemplateItemModel, api.QuoteTemplateItem]
}

// getQuoteTemplateItem reads an item by its own id: the flat path finds the
// item whatever its template, so an item moved to another template shows
// as a change of quote_template_id.
func getQuoteTemplateItem(c *api.Client, ctx context.Context, key kit.Child) (*api.QuoteTemplateItem, error) {
	return c.GetQuoteTemplateItem(ctx, key.ID)
}

// serverFilledID is an optional id that ServiceTrade fills in, when it is
// left out, from the attribute from (why says how): recorded without a
// change being planned.
func serverFilledID(description, from, why string) schema.Int64Attribute {
	a := kit.OptionalID(description)
	a.Computed = true
	a.PlanModifiers = []planmodifier.Int64{planmodifiers.ServerFilledInt64(from, why)}
	return a
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
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the item."),
			"uri": kit.ComputedString("Absolute API URI of the item (`.../quotetemplateitem/<id>`), as returned by ServiceTrade."),
			"quote_template_id": kit.ParentID("Id of the quote template the item belongs to, usually `fieldservice_servicetrade_quote_template.<name>.id`. " +
				"Changing it forces replacement: the item is deleted from the old template and created on the new one."),
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
			"lib_item_id": serverFilledID("Id of the lib item the line is an instance of (look it up with the `fieldservice_servicetrade_lib_item` data source). "+
				"Required unless `description` is set. When it is left out and the description names a lib item, ServiceTrade fills it in on creation "+
				"and it is recorded without a change being planned; removing it from the configuration later keeps the current lib item. Updatable in place.",
				"description", "ServiceTrade may resolve the lib item from the description"),
			"service_line_id": serverFilledID("Id of the line's service line (look it up with the `fieldservice_servicetrade_service_line` data source). "+
				"Required when there is no lib item or the lib item has no service line; otherwise ServiceTrade takes the lib item's service line, "+
				"which is recorded without a change being planned. Set it to override the lib item's. Updatable in place.",
				"lib_item_id", "ServiceTrade takes the service line from the lib item"),
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
	var plan quoteTemplateItemModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.QuoteTemplateItem, bool) {
		tid := plan.QuoteTemplateID.ValueInt64()
		in := plan.toInput()
		summary := fmt.Sprintf("Creating an item on ServiceTrade quote template %d failed", tid)
		// Items are not unique (a template may list one part twice): no
		// natural key is checked, and a create whose answer was lost is
		// never adopted. They are matched by description, or by lib item
		// when none is configured.
		match, same := fmt.Sprintf("on quote template %d", tid), func(api.QuoteTemplateItem) bool { return true }
		switch {
		case in.Description != nil:
			match = fmt.Sprintf("with description %q %s", *in.Description, match)
			same = func(it api.QuoteTemplateItem) bool { return it.Description == *in.Description }
		case in.LibItemID != nil:
			match = fmt.Sprintf("of lib item %d %s", *in.LibItemID, match)
			same = func(it api.QuoteTemplateItem) bool { id := it.LibItemID(); return id != nil && *id == *in.LibItemID }
		}
		created, ok := kit.Send(ctx, &r.Base, diags, summary,
			func(ctx context.Context) (*api.QuoteTemplateItem, error) {
				return client.CreateQuoteTemplateItem(ctx, tid, in)
			},
			lostcreate.Lookup[api.QuoteTemplateItem]{
				Match: match,
				Find: func(ctx context.Context) ([]api.QuoteTemplateItem, error) {
					list, err := client.ListQuoteTemplateItems(ctx, tid)
					return lostcreate.Keep(list, err, same)
				},
				ImportID: func(it api.QuoteTemplateItem) string {
					return r.Type.ID.Format(kit.Child{Parent: tid, ID: it.ID})
				},
			})
		if !ok {
			return nil, false
		}
		settled, err := settle(ctx, client, created, plan.Quantity.ValueFloat64())
		if err != nil {
			// The item exists: keep it in the state (tainted by the error,
			// so that the next apply replaces it) rather than leave it
			// unseen.
			diags.AddError(summary, fmt.Sprintf("ServiceTrade created item %d but reading it back failed: %s", created.ID, err))
			return created, true
		}
		return settled, true
	})
}

func (r *quoteTemplateItemResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state quoteTemplateItemModel
	r.UpdateFrom(ctx, req, resp, &plan, &state, func(ctx context.Context, client *api.Client, key kit.Child) (*api.QuoteTemplateItem, error) {
		updated, err := client.UpdateQuoteTemplateItem(ctx, key.Parent, key.ID, plan.toInput())
		if err != nil {
			return nil, err
		}
		return settle(ctx, client, updated, plan.Quantity.ValueFloat64())
	})
}

// parseItemImportID reads "<quote_template_id>/<item_id>" as an import
// does.
func parseItemImportID(raw string) (templateID, itemID int64, err error) {
	t := quoteTemplateItemType
	values, err := t.ID.ParseImport(t.KindName(), raw)
	if err != nil {
		return 0, 0, err
	}
	key := t.ID.Key(values)
	return key.Parent, key.ID, nil
}
