package servicetrade

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var (
	_ resource.ResourceWithConfigure      = (*contractRuleResource)(nil)
	_ resource.ResourceWithImportState    = (*contractRuleResource)(nil)
	_ resource.ResourceWithValidateConfig = (*contractRuleResource)(nil)
)

// NewContractRuleResource is the fieldservice_servicetrade_contract_rule
// resource.
func NewContractRuleResource() resource.Resource { return &contractRuleResource{} }

type contractRuleResource struct{ base }

// contractRuleModel is the state of a contract rule.
type contractRuleModel struct {
	ID            types.String  `tfsdk:"id"`
	URI           types.String  `tfsdk:"uri"`
	ContractID    types.Int64   `tfsdk:"contract_id"`
	Type          types.String  `tfsdk:"type"`
	Name          types.String  `tfsdk:"name"`
	Price         types.Float64 `tfsdk:"price"`
	Threshold     types.Float64 `tfsdk:"threshold"`
	LibItemIDs    types.Set     `tfsdk:"lib_item_ids"`
	ServiceLineID types.Int64   `tfsdk:"service_line_id"`
}

func (r *contractRuleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_servicetrade_contract_rule"
}

func (r *contractRuleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A pricing rule of a ServiceTrade contract: a unit price, a range, bundle or stack price, a minimum, a not-to-exceed amount, " +
			"a markup or margin percentage, an administrative charge, or an additional charge per service line. " +
			"Deleting it deletes the rule. Import with `<contract_id>/<rule_id>`. " +
			"If the answer to the create request is lost, Terraform looks for the rule: when none exists it sends the request again, " +
			"otherwise it fails with an error listing the contract's existing rules of that type and name, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "Numeric ServiceTrade id of the rule.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"uri": schema.StringAttribute{
				Computed:      true,
				Description:   "Absolute API URI of the rule (`…/contract/<contract_id>/rule/<id>`).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"contract_id": schema.Int64Attribute{
				Required:      true,
				Description:   "Id of the contract the rule belongs to. The contract is part of the rule's URL, so changing it forces replacement.",
				Validators:    []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"type": schema.StringAttribute{
				Required: true,
				Description: "Kind of rule: one of `" + strings.Join(api.ContractRuleTypes, "`, `") + "`. `markup` and `margin` rules take `price` as a percentage; " +
					"`additionalcharge` rules need `lib_item_ids` and `service_line_id`. Changing it forces replacement.",
				Validators:    []validator.String{stringvalidator.OneOf(api.ContractRuleTypes...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"name": schema.StringAttribute{
				Required:    true,
				Description: "Name of the rule. Updatable in place.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
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
			"lib_item_ids": schema.SetAttribute{
				Optional:    true,
				ElementType: types.Int64Type,
				Description: "Ids of the lib items (price-book items, see the `fieldservice_servicetrade_lib_item` data source) the rule applies to, " +
					"compared as a set. Required, and not empty, for `additionalcharge` rules; omit for a general rule. Updatable in place.",
				Validators: []validator.Set{setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
			},
			"service_line_id": schema.Int64Attribute{
				Optional: true,
				Description: "Id of the service line of an `additionalcharge` rule (see the `fieldservice_servicetrade_service_line` data source): " +
					"required for that type and not allowed for the others. Updatable in place.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
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

// libItemIDs reads the planned lib item ids (empty when null).
func (m contractRuleModel) libItemIDs(ctx context.Context) ([]int64, diag.Diagnostics) {
	ids := []int64{}
	if m.LibItemIDs.IsNull() || m.LibItemIDs.IsUnknown() {
		return ids, nil
	}
	diags := m.LibItemIDs.ElementsAs(ctx, &ids, false)
	return ids, diags
}

// fromAPI fills the model from the API object. An empty lib item list stays
// null when the configuration (prior) left lib_item_ids unset.
func (m *contractRuleModel) fromAPI(contractID int64, rule *api.ContractRule) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(formatID(rule.ID))
	m.URI = types.StringValue(rule.URI)
	if rule.Contract != nil && rule.Contract.ID != 0 {
		contractID = rule.Contract.ID
	}
	m.ContractID = types.Int64Value(contractID)
	m.Type = types.StringValue(rule.Type)
	m.Name = types.StringValue(rule.Name)
	m.Price = types.Float64Value(rule.Price)
	m.Threshold = types.Float64PointerValue(rule.Threshold)
	ids := make([]attr.Value, 0, len(rule.LibItems))
	for _, li := range rule.LibItems {
		ids = append(ids, types.Int64Value(li.ID))
	}
	if len(ids) == 0 && m.LibItemIDs.IsNull() {
		m.LibItemIDs = types.SetNull(types.Int64Type)
	} else {
		set, d := types.SetValue(types.Int64Type, ids)
		diags.Append(d...)
		m.LibItemIDs = set
	}
	m.ServiceLineID = types.Int64Null()
	if rule.ServiceLine != nil && rule.ServiceLine.ID != 0 {
		m.ServiceLineID = types.Int64Value(rule.ServiceLine.ID)
	}
	return diags
}

// ruleIDs parses the contract and rule ids in state.
func ruleIDs(m contractRuleModel, diags *diag.Diagnostics) (contractID, id int64, ok bool) {
	id, err := parseID("contract rule", m.ID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("id"), "Invalid contract rule id in state", err.Error())
		return 0, 0, false
	}
	return m.ContractID.ValueInt64(), id, true
}

func (r *contractRuleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan contractRuleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ids, diags := plan.libItemIDs(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	price := plan.Price.ValueFloat64()
	in := api.ContractRuleInput{
		Type:          plan.Type.ValueString(),
		Name:          plan.Name.ValueString(),
		Price:         &price,
		Threshold:     plan.Threshold.ValueFloat64Pointer(),
		LibItemIDs:    ids,
		ServiceLineID: plan.ServiceLineID.ValueInt64Pointer(),
	}
	contractID := plan.ContractID.ValueInt64()
	// Rule names are not unique (one contract may price the same name
	// per type): no natural key is checked, and a create whose answer was
	// lost is never adopted.
	created, ok := lostcreate.Create(ctx, &resp.Diagnostics, fmt.Sprintf("Creating %s rule %q on ServiceTrade contract %d failed", in.Type, in.Name, contractID), r.data.Retry,
		func(ctx context.Context) (*api.ContractRule, error) {
			return client.CreateContractRule(ctx, contractID, in)
		},
		lostcreate.Lookup[api.ContractRule]{
			Vendor: vendor.Name, Kind: "contract rule", ResourceType: "fieldservice_servicetrade_contract_rule",
			Match: fmt.Sprintf("of type %q named %q on contract %d", in.Type, in.Name, contractID),
			Find: func(ctx context.Context) ([]api.ContractRule, error) {
				list, err := client.ListContractRules(ctx, contractID, api.ContractRuleFilter{Type: in.Type})
				return lostcreate.Keep(list, err, func(r api.ContractRule) bool { return r.Name == in.Name && r.Type == in.Type })
			},
			ImportID: func(r api.ContractRule) string { return formatID(contractID) + "/" + formatID(r.ID) },
		})
	if !ok {
		return
	}
	resp.Diagnostics.Append(plan.fromAPI(contractID, created)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *contractRuleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state contractRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	contractID, id, ok := ruleIDs(state, &resp.Diagnostics)
	if !ok {
		return
	}
	rule, err := client.GetContractRule(ctx, contractID, id)
	// 404: the rule or its contract is gone.
	if api.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading rule %d of ServiceTrade contract %d failed", id, contractID), err.Error())
		return
	}
	resp.Diagnostics.Append(state.fromAPI(contractID, rule)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *contractRuleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan, state contractRuleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ids, diags := plan.libItemIDs(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	contractID, id, ok := ruleIDs(state, &resp.Diagnostics)
	if !ok {
		return
	}
	// contract_id and type force replacement, so neither is sent. Every
	// other field is, so that what the configuration no longer sets is
	// cleared (threshold null, no lib items).
	name, price := plan.Name.ValueString(), plan.Price.ValueFloat64()
	in := api.ContractRuleUpdate{
		Name:       &name,
		Price:      &price,
		Threshold:  api.FromPtr(plan.Threshold.ValueFloat64Pointer()),
		LibItemIDs: ids,
	}
	if plan.Type.ValueString() == api.ContractRuleAdditionalCharge {
		in.ServiceLineID = api.FromPtr(plan.ServiceLineID.ValueInt64Pointer())
	}
	updated, err := client.UpdateContractRule(ctx, contractID, id, in)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating rule %d (%q) of ServiceTrade contract %d failed", id, name, contractID), err.Error())
		return
	}
	resp.Diagnostics.Append(plan.fromAPI(contractID, updated)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *contractRuleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state contractRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	contractID, id, ok := ruleIDs(state, &resp.Diagnostics)
	if !ok {
		return
	}
	if err := client.DeleteContractRule(ctx, contractID, id); err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting rule %d of ServiceTrade contract %d failed", id, contractID), err.Error())
	}
}

// ImportState takes "<contract_id>/<rule_id>".
func (r *contractRuleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	contractID, id, err := parseRuleImportID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for fieldservice_servicetrade_contract_rule", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("contract_id"), contractID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), formatID(id))...)
}

// parseRuleImportID reads "<contract_id>/<rule_id>".
func parseRuleImportID(raw string) (contractID, id int64, err error) {
	parts := strings.Split(raw, "/")
	if len(parts) == 2 {
		c, errC := parseID("contract", parts[0])
		r, errR := parseID("contract rule", parts[1])
		if errC == nil && errR == nil {
			return c, r, nil
		}
	}
	return 0, 0, fmt.Errorf("a contract rule is imported as <contract_id>/<rule_id>, two positive whole numbers such as 4294967301/4294967310, got %q", raw)
}
