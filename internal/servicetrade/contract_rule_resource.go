package servicetrade

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64default"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var _ resource.ResourceWithValidateConfig = (*contractRuleResource)(nil)

// contractRuleType is fieldservice_servicetrade_contract_rule: a rule is
// known by its contract and its own id, and imported as
// "<contract_id>/<rule_id>".
var contractRuleType = childType("contract_rule", "contract", "rule", "4294967301/4294967310", "")

// NewContractRuleResource is the fieldservice_servicetrade_contract_rule
// resource.
func NewContractRuleResource() resource.Resource {
	return &contractRuleResource{childResource[contractRuleModel, api.ContractRule]{
		Base: contractRuleType.Base(),
		// A rule is read and deleted through its contract. 404: the rule or
		// its contract is gone.
		Get: kit.GetChild((*api.Client).GetContractRule), SetDiags: (*contractRuleModel).refresh,
		Del:    kit.DeleteChild((*api.Client).DeleteContractRule),
		Change: kit.UpdatesChecked((*contractRuleModel).toUpdate, kit.UpdateChild((*api.Client).UpdateContractRule)),
	}}
}

type contractRuleResource struct {
	childResource[contractRuleModel, api.ContractRule]
}

func (r *contractRuleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A pricing rule of a ServiceTrade contract: a unit price, a range, bundle or stack price, a minimum, a not-to-exceed amount, " +
			"a markup or margin percentage, an administrative charge, or an additional charge per service line. " +
			"Deleting it deletes the rule. Import with `<contract_id>/<rule_id>`. " +
			"If the answer to the create request is lost, Terraform looks for the rule: when none exists it sends the request again, " +
			"otherwise it fails with an error listing the contract's existing rules of that type and name, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id":          kit.IDAttribute("Numeric ServiceTrade id of the rule."),
			"uri":         kit.ComputedString("Absolute API URI of the rule (`…/contract/<contract_id>/rule/<id>`)."),
			"contract_id": kit.ParentID("Id of the contract the rule belongs to. The contract is part of the rule's URL, so changing it forces replacement."),
			"type": kit.CreateOnly(kit.RequiredString("Kind of rule: one of `"+strings.Join(api.ContractRuleTypes, "`, `")+"`. `markup` and `margin` rules take `price` as a percentage; "+
				"`additionalcharge` rules need `lib_item_ids` and `service_line_id`. Changing it forces replacement.",
				stringvalidator.OneOf(api.ContractRuleTypes...))),
			"name": kit.RequiredString("Name of the rule. Updatable in place.", stringvalidator.LengthAtLeast(1)),
			"price": schema.Float64Attribute{
				Optional: true,
				Computed: true,
				Default:  float64default.StaticFloat64(0),
				Description: "Unit price of the invoice items the rule makes, or a percentage for `markup` and `margin` rules. Default 0. " +
					"Compared numerically: ServiceTrade returns `30` for `30.00`. Updatable in place.",
			},
			"threshold": schema.Float64Attribute{
				Optional: true,
				Description: "Quantity the rule applies to (a whole number), or for `markup` rules the cost up to which it applies (any number). " +
					"Omit for no limit. Updatable in place; removing it clears it.",
			},
			"lib_item_ids": kit.IDSet("Ids of the lib items (price-book items, see the `fieldservice_servicetrade_lib_item` data source) the rule applies to, " +
				"compared as a set. Required, and not empty, for `additionalcharge` rules; omit for a general rule. Updatable in place."),
			"service_line_id": kit.OptionalID("Id of the service line of an `additionalcharge` rule (see the `fieldservice_servicetrade_service_line` data source): " +
				"required for that type and not allowed for the others. Updatable in place."),
		},
	}
}

// ValidateConfig enforces at plan time what the API refuses with a 400.
func (r *contractRuleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m contractRuleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Type.IsNull() || m.Type.IsUnknown() {
		return
	}
	typ := m.Type.ValueString()
	if typ == api.ContractRuleAdditionalCharge {
		if m.ServiceLineID.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("service_line_id"), "service_line_id is required for additionalcharge rules",
				"An additionalcharge rule charges per service line: set service_line_id.")
		}
		if m.LibItemIDs.IsNull() || (!m.LibItemIDs.IsUnknown() && len(m.LibItemIDs.Elements()) == 0) {
			resp.Diagnostics.AddAttributeError(path.Root("lib_item_ids"), "lib_item_ids is required for additionalcharge rules",
				"An additionalcharge rule applies to lib items: set lib_item_ids to at least one lib item id.")
		}
	} else if !m.ServiceLineID.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("service_line_id"), "service_line_id is only allowed for additionalcharge rules",
			fmt.Sprintf("ServiceTrade only takes a service line on additionalcharge rules, not on %s rules. Remove service_line_id.", typ))
	}
	if typ != api.ContractRuleMarkup && !m.Threshold.IsNull() && !m.Threshold.IsUnknown() {
		if t := m.Threshold.ValueFloat64(); t != math.Trunc(t) {
			resp.Diagnostics.AddAttributeError(path.Root("threshold"), "threshold must be a whole number",
				fmt.Sprintf("The threshold of a %s rule is a quantity, a whole number; got %v. Only markup rules take a decimal threshold.", typ, t))
		}
	}
}

func (r *contractRuleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan contractRuleModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.ContractRule, bool) {
		in, d := plan.toInput(ctx)
		if diags.Append(d...); diags.HasError() {
			return nil, false
		}
		contractID := plan.ContractID.ValueInt64()
		// Rule names are not unique (one contract may price the same name
		// per type): no natural key is checked, and a create whose answer
		// was lost is never adopted.
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating %s rule %q on ServiceTrade contract %d failed", in.Type, in.Name, contractID),
			func(ctx context.Context) (*api.ContractRule, error) {
				return client.CreateContractRule(ctx, contractID, in)
			},
			lostcreate.Lookup[api.ContractRule]{
				Match: fmt.Sprintf("of type %q named %q on contract %d", in.Type, in.Name, contractID),
				Find: func(ctx context.Context) ([]api.ContractRule, error) {
					list, err := client.ListContractRules(ctx, contractID, api.ContractRuleFilter{Type: in.Type})
					return lostcreate.Keep(list, err, func(r api.ContractRule) bool { return r.Name == in.Name && r.Type == in.Type })
				},
				ImportID: func(rule api.ContractRule) string {
					return r.Type.ID.Format(kit.Child{Parent: contractID, ID: rule.ID})
				},
			})
	})
}

// parseRuleImportID reads "<contract_id>/<rule_id>" as an import does.
func parseRuleImportID(raw string) (contractID, id int64, err error) {
	t := contractRuleType
	values, err := t.ID.ParseImport(t.KindName(), raw)
	if err != nil {
		return 0, 0, err
	}
	key := t.ID.Key(values)
	return key.Parent, key.ID, nil
}
