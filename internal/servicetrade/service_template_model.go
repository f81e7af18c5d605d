package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// serviceTemplateModel is the state of a service template, shared by the
// resource and the data sources.
type serviceTemplateModel struct {
	ID                types.String  `tfsdk:"id"`
	URI               types.String  `tfsdk:"uri"`
	Name              types.String  `tfsdk:"name"`
	Description       types.String  `tfsdk:"description"`
	ServiceLineID     types.Int64   `tfsdk:"service_line_id"`
	EstimatedPrice    types.Float64 `tfsdk:"estimated_price"`
	Duration          types.Int64   `tfsdk:"duration"`
	PreferredTechIDs  types.Set     `tfsdk:"preferred_tech_ids"`
	PreferredVendorID types.Int64   `tfsdk:"preferred_vendor_id"`
	Frequency         types.String  `tfsdk:"frequency"`
	Interval          types.Int64   `tfsdk:"interval"`
	RepeatWeekday     types.Bool    `tfsdk:"repeat_weekday"`
}

// serviceTemplateResourceModel is the resource's state: the template as
// the data sources show it, and allow_duplicate, which concerns only the
// provider.
type serviceTemplateResourceModel struct {
	serviceTemplateModel
	AllowDuplicate types.Bool `tfsdk:"allow_duplicate"`
}

// fromAPI fills the model from the API object. A null price, duration,
// vendor, frequency or interval stays null. With noTechsAsNull, no
// preferred techs (the API's []) is null, for a resource whose
// configuration left preferred_tech_ids out; otherwise an empty set.
func (m *serviceTemplateModel) fromAPI(t *api.ServiceTemplate, noTechsAsNull bool) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(formatID(t.ID))
	m.URI = types.StringValue(t.URI)
	m.Name = types.StringValue(t.Name)
	m.Description = types.StringValue(t.Description)
	m.ServiceLineID = types.Int64Null()
	if id := t.ServiceLineID(); id != 0 {
		m.ServiceLineID = types.Int64Value(id)
	}
	m.EstimatedPrice = types.Float64PointerValue(t.EstimatedPrice)
	m.Duration = types.Int64PointerValue(t.Duration)
	m.PreferredVendorID = types.Int64PointerValue(t.PreferredVendorID())
	m.Frequency = types.StringNull()
	if t.Frequency != "" {
		m.Frequency = types.StringValue(t.Frequency)
	}
	m.Interval = types.Int64PointerValue(t.Interval)
	m.RepeatWeekday = types.BoolValue(t.RepeatWeekday)

	ids := t.PreferredTechIDs()
	if len(ids) == 0 && noTechsAsNull {
		m.PreferredTechIDs = types.SetNull(types.Int64Type)
		return diags
	}
	elems := make([]attr.Value, 0, len(ids))
	for _, id := range ids {
		elems = append(elems, types.Int64Value(id))
	}
	set, d := types.SetValue(types.Int64Type, elems)
	diags.Append(d...)
	m.PreferredTechIDs = set
	return diags
}

// read is the data sources' mapping: no techs is an empty set.
func (m *serviceTemplateModel) read(t *api.ServiceTemplate) diag.Diagnostics {
	return m.fromAPI(t, false)
}

// refresh is the resource's mapping: its own preferred_tech_ids (the plan,
// or the state) say whether no techs stays null, so that an omitted
// attribute does not diff against the API's empty array.
func (m *serviceTemplateResourceModel) refresh(t *api.ServiceTemplate) diag.Diagnostics {
	return m.fromAPI(t, m.PreferredTechIDs.IsNull())
}

// toInput builds the POST (state nil) or PUT body from the plan. Name,
// description, service line and preferred techs are always sent; price,
// duration and vendor too on update, as null when removed, which clears
// them. Frequency, interval and repeat_weekday are sent on create when
// known and on update only when they change: the plan may keep a value
// ServiceTrade returns but refuses (frequency quarterly, or repeat_weekday
// on a yearly template), which must not be sent back.
func (m serviceTemplateModel) toInput(ctx context.Context, state *serviceTemplateModel) (api.ServiceTemplateInput, diag.Diagnostics) {
	in := api.ServiceTemplateInput{
		Name:             m.Name.ValueString(),
		Description:      m.Description.ValueString(),
		ServiceLineID:    m.ServiceLineID.ValueInt64(),
		PreferredTechIDs: []int64{},
	}
	var diags diag.Diagnostics
	if !m.PreferredTechIDs.IsNull() && !m.PreferredTechIDs.IsUnknown() {
		diags.Append(m.PreferredTechIDs.ElementsAs(ctx, &in.PreferredTechIDs, false)...)
	}
	if state == nil {
		if p := m.EstimatedPrice.ValueFloat64Pointer(); p != nil {
			in.EstimatedPrice = api.Some(*p)
		}
		if p := m.Duration.ValueInt64Pointer(); p != nil {
			in.Duration = api.Some(*p)
		}
		if p := m.PreferredVendorID.ValueInt64Pointer(); p != nil {
			in.PreferredVendorID = api.Some(*p)
		}
	} else {
		in.EstimatedPrice = api.FromPtr(m.EstimatedPrice.ValueFloat64Pointer())
		in.Duration = api.FromPtr(m.Duration.ValueInt64Pointer())
		in.PreferredVendorID = api.FromPtr(m.PreferredVendorID.ValueInt64Pointer())
	}
	changed := func(plan, prior attr.Value) bool {
		return !plan.IsNull() && !plan.IsUnknown() && (state == nil || !plan.Equal(prior))
	}
	var prior serviceTemplateModel
	if state != nil {
		prior = *state
	}
	if changed(m.Frequency, prior.Frequency) {
		in.Frequency = m.Frequency.ValueString()
	}
	if changed(m.Interval, prior.Interval) {
		in.Interval = m.Interval.ValueInt64Pointer()
	}
	if changed(m.RepeatWeekday, prior.RepeatWeekday) {
		in.RepeatWeekday = m.RepeatWeekday.ValueBoolPointer()
	}
	return in, diags
}
