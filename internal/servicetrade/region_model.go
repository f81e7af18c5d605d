package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// regionModel is the state of a region, shared by the resource and the data
// source.
type regionModel struct {
	ID        types.String `tfsdk:"id"`
	URI       types.String `tfsdk:"uri"`
	Name      types.String `tfsdk:"name"`
	Color     types.String `tfsdk:"color"`
	Points    types.List   `tfsdk:"points"`
	OfficeIDs types.Set    `tfsdk:"office_ids"`
}

type pointModel struct {
	Lat types.Float64 `tfsdk:"lat"`
	Lon types.Float64 `tfsdk:"lon"`
}

var pointType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"lat": types.Float64Type,
	"lon": types.Float64Type,
}}

// toInput builds the POST/PUT body from a planned model.
func (m regionModel) toInput(ctx context.Context) (api.RegionInput, diag.Diagnostics) {
	var diags diag.Diagnostics
	in := api.RegionInput{Name: m.Name.ValueString(), Color: m.Color.ValueStringPointer(), OfficeIDs: []int64{}}
	var points []pointModel
	diags.Append(m.Points.ElementsAs(ctx, &points, false)...)
	for _, p := range points {
		in.Points = append(in.Points, api.Point{p.Lat.ValueFloat64(), p.Lon.ValueFloat64()})
	}
	if !m.OfficeIDs.IsNull() && !m.OfficeIDs.IsUnknown() {
		diags.Append(m.OfficeIDs.ElementsAs(ctx, &in.OfficeIDs, false)...)
	}
	return in, diags
}

// fromAPI fills the model from the API object. An empty office list stays
// null when the configuration (prior) left office_ids unset, so that an
// omitted attribute does not diff against the API's empty array.
func (m *regionModel) fromAPI(r *api.Region, prior types.Set) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(formatID(r.ID))
	m.URI = types.StringValue(r.URI)
	m.Name = types.StringValue(r.Name)
	m.Color = types.StringPointerValue(r.Color)

	points := make([]attr.Value, 0, len(r.Points))
	for _, p := range r.Points {
		obj, d := types.ObjectValue(pointType.AttrTypes, map[string]attr.Value{
			"lat": types.Float64Value(p[0]),
			"lon": types.Float64Value(p[1]),
		})
		diags.Append(d...)
		points = append(points, obj)
	}
	list, d := types.ListValue(pointType, points)
	diags.Append(d...)
	m.Points = list

	ids := make([]attr.Value, 0, len(r.Offices))
	for _, o := range r.Offices {
		ids = append(ids, types.Int64Value(o.ID))
	}
	if len(ids) == 0 && prior.IsNull() {
		m.OfficeIDs = types.SetNull(types.Int64Type)
	} else {
		set, d := types.SetValue(types.Int64Type, ids)
		diags.Append(d...)
		m.OfficeIDs = set
	}
	return diags
}

// refresh is fromAPI for the resource, whose own office_ids (the plan, or
// the state) say whether an empty office list stays null.
func (m *regionModel) refresh(r *api.Region) diag.Diagnostics { return m.fromAPI(r, m.OfficeIDs) }
