package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// libItemModel is a lib item as the resource's state holds it and as the
// plural data source lists it; the single-object data source adds its
// include_inactive (libItemLookupModel).
type libItemModel struct {
	ID            types.String  `tfsdk:"id"`
	URI           types.String  `tfsdk:"uri"`
	Name          types.String  `tfsdk:"name"`
	Code          types.String  `tfsdk:"code"`
	Type          types.String  `tfsdk:"type"`
	Cost          types.Float64 `tfsdk:"cost"`
	ServiceLineID types.Int64   `tfsdk:"service_line_id"`
	CompanyID     types.Int64   `tfsdk:"company_id"`
	Active        types.Bool    `tfsdk:"active"`
	Taxable       types.Bool    `tfsdk:"taxable"`
	IsGeneric     types.Bool    `tfsdk:"is_generic"`
}

// fromAPI fills the model from the API object. The type is kept in its
// lowercase request form whatever the answer's capitalisation ("part" in
// the POST echo, "Part" in GETs), so that neither makes a diff; an item
// without a code (null in the API) has a null code.
func (m *libItemModel) fromAPI(item *api.LibItem) {
	*m = libItemModel{
		ID:            types.StringValue(formatID(item.ID)),
		URI:           types.StringValue(item.URI),
		Name:          types.StringValue(item.Name),
		Code:          types.StringNull(),
		Type:          types.StringValue(item.Type.Normalized()),
		Cost:          types.Float64PointerValue(item.Cost),
		ServiceLineID: types.Int64Null(),
		CompanyID:     types.Int64Null(),
		Active:        types.BoolValue(item.Active),
		Taxable:       types.BoolValue(item.Taxable),
		IsGeneric:     types.BoolValue(item.IsGeneric),
	}
	if item.Code != "" {
		m.Code = types.StringValue(item.Code)
	}
	if item.ServiceLine != nil {
		m.ServiceLineID = types.Int64Value(item.ServiceLine.ID)
	}
	if item.Company != nil {
		m.CompanyID = types.Int64Value(item.Company.ID)
	}
}

// toInput builds the POST body from a plan: what the configuration leaves
// out is not sent (the API's defaults apply).
func (m libItemModel) toInput() api.LibItemInput {
	return api.LibItemInput{
		Name:          m.Name.ValueString(),
		Type:          m.Type.ValueString(),
		Code:          nullableString(m.Code, false),
		Cost:          nullableFloat(m.Cost, false),
		ServiceLineID: nullableID(m.ServiceLineID, false),
		CompanyID:     nullableID(m.CompanyID, false),
		Active:        m.Active.ValueBoolPointer(),
		Taxable:       m.Taxable.ValueBoolPointer(),
	}
}

// toUpdate builds the PUT body from a plan: every field, so that an
// out-of-band change is reverted, and null for what the configuration no
// longer sets, which clears it. Every field is updatable: the reference
// requires name and type "on POST" only, and takes them on PUT.
func (m libItemModel) toUpdate() api.LibItemUpdate {
	name, typ := m.Name.ValueString(), m.Type.ValueString()
	return api.LibItemUpdate{
		Name:          &name,
		Type:          &typ,
		Code:          nullableString(m.Code, true),
		Cost:          nullableFloat(m.Cost, true),
		ServiceLineID: nullableID(m.ServiceLineID, true),
		CompanyID:     nullableID(m.CompanyID, true),
		Active:        m.Active.ValueBoolPointer(),
		Taxable:       m.Taxable.ValueBoolPointer(),
	}
}

// companyFilter is the companyIds a listing needs to see the item of
// company id (0: a global item, which every listing shows along with the
// user's own company's items).
func companyFilter(id int64) []int64 {
	if id == 0 {
		return nil
	}
	return []int64{id}
}
