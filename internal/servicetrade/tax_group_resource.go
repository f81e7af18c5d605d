package servicetrade

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewTaxGroupResource is the fieldservice_servicetrade_tax_group resource.
func NewTaxGroupResource() resource.Resource {
	return &taxGroupResource{crudResource[taxGroupResourceModel, api.TaxGroup]{
		Base: numbered("tax_group", kit.AllowDuplicateDefault).Base(),
		Get:  (*api.Client).GetTaxGroup, SetDiags: (*taxGroupResourceModel).fromAPI, Del: (*api.Client).DeleteTaxGroup,
		NaturalKey: func(o *api.TaxGroup) string { return o.Code },
	}}
}

type taxGroupResource struct {
	crudResource[taxGroupResourceModel, api.TaxGroup]
}

// Documented maximum lengths, in characters.
const (
	taxGroupCodeMax = 40
	taxGroupNameMax = 100
)

func (r *taxGroupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade sales tax group: a combined sales tax rate that applies to a list of postal codes. " +
			"ServiceTrade uses tax groups when the account's sales tax source (account setting `salesTaxSource`) is `taxgroup`. " +
			"Every attribute is updatable in place; deleting the resource deletes the tax group. Import with the numeric tax group id. " +
			"The code is how accounting identifies a tax group, so creating one fails when a tax group with the same code already exists, " +
			"with the way to import it, unless `allow_duplicate` is true; changing the code of a managed tax group to one another tax group has fails the same way. " +
			"If the answer to the create request is lost, Terraform looks for tax groups with that code: when there is none it sends the request again, " +
			"otherwise it fails with an error listing them, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the tax group."),
			"uri": kit.ComputedString("Absolute API URI of the tax group, as returned by ServiceTrade."),
			"code": kit.RequiredString(fmt.Sprintf("Tax group code, as accounting knows it (such as `WAKE2021`): 1 to %d characters, compared exactly (case-sensitive). "+
				"Updatable in place.", taxGroupCodeMax), stringvalidator.UTF8LengthBetween(1, taxGroupCodeMax)),
			"name": kit.RequiredString(fmt.Sprintf("Name of the tax group (such as `Wake County`): 1 to %d characters. Updatable in place.", taxGroupNameMax),
				stringvalidator.UTF8LengthBetween(1, taxGroupNameMax)),
			"state": kit.RequiredString("State the tax group belongs to, as ServiceTrade stores it: free text, normally the state's abbreviation (`NC`), "+
				"not checked against a list. Updatable in place.", stringvalidator.LengthAtLeast(1)),
			"combined_rate": schema.Float64Attribute{
				Required: true,
				Description: "Combined sales tax rate as a decimal fraction between 0 and 1: `0.085` is 8.5 %. Updatable in place. " +
					"Compared numerically: a rate ServiceTrade returns within a millionth of the configured one " +
					"(such as `0.08499999` for `0.085`) is the same rate and never shows as a change.",
				Validators: []validator.Float64{float64validator.Between(0, 1)},
			},
			"postal_codes": schema.SetAttribute{
				Optional:    true,
				Computed:    true,
				ElementType: types.StringType,
				Default:     setdefault.StaticValue(types.SetValueMust(types.StringType, []attr.Value{})),
				Description: "Postal codes the tax group applies to, as a set of strings (such as `\"27513\"`; quote them, so that leading zeros stay). " +
					"Defaults to none. Updatable in place: ServiceTrade replaces the whole list on every update, so codes added outside Terraform " +
					"are removed at the next apply.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"allow_duplicate": kit.AllowDuplicate(kit.Duplicate{Vendor: "ServiceTrade", Noun: "tax group", Kind: "tax group", Attr: "code",
				When: " (a taint, or a `replace_triggered_by`)", Risk: "two tax groups of one code, which accounting cannot tell apart"}),
			"created": kit.ComputedInt64("When the tax group was created, as a Unix timestamp (seconds)."),
			"updated": schema.Int64Attribute{
				Computed: true,
				Description: "When the tax group was last changed, as a Unix timestamp (seconds). Known after apply whenever Terraform changes the tax group; " +
					"a change made outside Terraform shows at the next refresh.",
				PlanModifiers: []planmodifier.Int64{keptUnlessSent{}},
			},
		},
	}
}

// keptUnlessSent plans `updated` as recorded unless the plan changes an
// attribute sent to ServiceTrade (every PUT moves it): a change of
// allow_duplicate alone makes no request, and neither does a rate that is
// the same rate (sendsChange).
type keptUnlessSent struct{}

func (keptUnlessSent) Description(context.Context) string {
	return "Keeps the recorded value unless an attribute sent to ServiceTrade changes."
}

func (m keptUnlessSent) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (keptUnlessSent) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || !req.PlanValue.IsUnknown() {
		return
	}
	var plan, state taxGroupResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || plan.sendsChange(state.taxGroupModel) {
		return
	}
	resp.PlanValue = req.StateValue
}

func (r *taxGroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan taxGroupResourceModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.TaxGroup, bool) {
		in, d := plan.toInput(ctx)
		if diags.Append(d...); diags.HasError() {
			return nil, false
		}
		// ServiceTrade is not documented to keep codes unique, so a create
		// whose answer was lost is never adopted. But the code is how
		// accounting identifies a tax group: it is the natural key checked
		// before the create, unless allow_duplicate says a duplicate is
		// meant (a create_before_destroy replacement); after a lost answer,
		// the tax groups with the code are listed and the create is sent
		// again only when there is none.
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade tax group %q failed", in.Code),
			func(ctx context.Context) (*api.TaxGroup, error) { return client.CreateTaxGroup(ctx, in) },
			kit.ByNaturalKey(kit.Natural[api.TaxGroup]{
				Attribute: "code", Value: in.Code, Describe: fmt.Sprintf("code %q", in.Code), Match: fmt.Sprintf("with code %q", in.Code),
				Why: "The code is how accounting identifies a tax group: two tax groups of one code cannot be told apart.",
				List: func(ctx context.Context) ([]api.TaxGroup, error) {
					return client.ListTaxGroups(ctx, api.TaxGroupFilter{})
				},
				// After a lost answer, only the tax groups whose code
				// contains it (ByNaturalKey keeps the exact ones).
				Find: func(ctx context.Context) ([]api.TaxGroup, error) {
					return client.ListTaxGroups(ctx, api.TaxGroupFilter{Code: in.Code})
				},
				Key: func(tg api.TaxGroup) string { return tg.Code }, ID: func(tg api.TaxGroup) string { return formatID(tg.ID) },
				AllowDuplicate: plan.AllowDuplicate.ValueBool(),
			}))
	})
}

func (r *taxGroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state taxGroupResourceModel
	// A change of allow_duplicate alone concerns only the provider:
	// UpdateWith saves it without calling ServiceTrade.
	r.UpdateFrom(ctx, req, resp, &plan, &state, func(ctx context.Context, client *api.Client, id int64) (*api.TaxGroup, error) {
		if !plan.sendsChange(state.taxGroupModel) {
			// Only provider-side attributes change, or the rate's
			// representation (a configured 0.0975 and the 0.0975 ServiceTrade
			// returned, as a float): no request, as planned (`updated` kept).
			return nil, nil
		}
		in, diags := plan.toInput(ctx)
		if err := kit.DiagsError(diags); err != nil {
			return nil, err
		}
		if in.Code != state.Code.ValueString() && !plan.AllowDuplicate.ValueBool() {
			if err := codeFree(ctx, client, id, in.Code); err != nil {
				return nil, err
			}
		}
		// Every field is sent: postalCodes replaces the whole list.
		return client.UpdateTaxGroup(ctx, id, in)
	})
}

// codeFree refuses to give tax group id a code another tax group has.
func codeFree(ctx context.Context, client *api.Client, id int64, code string) error {
	// The API's code filter is a substring match: keep the exact codes.
	list, err := client.ListTaxGroups(ctx, api.TaxGroupFilter{Code: code, ExcludeID: id})
	if err != nil {
		return fmt.Errorf("checking whether another tax group has the code %q failed: %w", code, err)
	}
	var ids []string
	for _, tg := range list {
		if tg.Code == code && tg.ID != id {
			ids = append(ids, formatID(tg.ID))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return errors.New(fmt.Sprintf("Another ServiceTrade tax group already has the code %q (id %s). ", code, strings.Join(ids, ", ")) +
		"The code is how accounting identifies a tax group: two tax groups of one code cannot be told apart. " +
		"Give this tax group another code, change or delete the other tax group first (or import it and manage it here), " +
		"or set allow_duplicate = true on this resource to share the code on purpose.")
}
