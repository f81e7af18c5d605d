package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

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

// libItemIDs reads the planned lib item ids (empty when null).
func (m contractRuleModel) libItemIDs(ctx context.Context) ([]int64, diag.Diagnostics) {
	ids := []int64{}
	if m.LibItemIDs.IsNull() || m.LibItemIDs.IsUnknown() {
		return ids, nil
	}
	diags := m.LibItemIDs.ElementsAs(ctx, &ids, false)
	return ids, diags
}

// toInput builds the POST body.
func (m contractRuleModel) toInput(ctx context.Context) (api.ContractRuleInput, diag.Diagnostics) {
	ids, diags := m.libItemIDs(ctx)
	price := m.Price.ValueFloat64()
	return api.ContractRuleInput{
		Type:          m.Type.ValueString(),
		Name:          m.Name.ValueString(),
		Price:         &price,
		Threshold:     m.Threshold.ValueFloat64Pointer(),
		LibItemIDs:    ids,
		ServiceLineID: m.ServiceLineID.ValueInt64Pointer(),
	}, diags
}

// toUpdate builds the PUT body. contract_id and type force replacement, so
// neither is sent. Every other field is, so that what the configuration no
// longer sets is cleared (threshold null, no lib items).
func (m contractRuleModel) toUpdate(ctx context.Context) (api.ContractRuleUpdate, diag.Diagnostics) {
	ids, diags := m.libItemIDs(ctx)
	name, price := m.Name.ValueString(), m.Price.ValueFloat64()
	in := api.ContractRuleUpdate{
		Name:       &name,
		Price:      &price,
		Threshold:  api.FromPtr(m.Threshold.ValueFloat64Pointer()),
		LibItemIDs: ids,
	}
	if m.Type.ValueString() == api.ContractRuleAdditionalCharge {
		in.ServiceLineID = api.FromPtr(m.ServiceLineID.ValueInt64Pointer())
	}
	return in, diags
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

// refresh is fromAPI for a read: the model's contract_id, which the key
// read from the state, stays when the response names no contract.
func (m *contractRuleModel) refresh(rule *api.ContractRule) diag.Diagnostics {
	return m.fromAPI(m.ContractID.ValueInt64(), rule)
}
