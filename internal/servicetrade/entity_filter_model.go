package servicetrade

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// entityFilterModel is the state of the entity filter data source: what
// GET /entityfilter/{id} returns, company and locations included.
type entityFilterModel struct {
	ID        types.String `tfsdk:"id"`
	Name      types.String `tfsdk:"name"`
	URI       types.String `tfsdk:"uri"`
	Type      types.String `tfsdk:"type"`
	Company   types.Object `tfsdk:"company"`
	Locations types.List   `tfsdk:"locations"`
}

// entityFilterSummaryModel is one entity filter of the plural data source:
// what the list returns (no company, no locations).
type entityFilterSummaryModel struct {
	ID   types.String `tfsdk:"id"`
	URI  types.String `tfsdk:"uri"`
	Name types.String `tfsdk:"name"`
	Type types.String `tfsdk:"type"`
}

var (
	entityFilterCompanyType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"id": types.StringType, "uri": types.StringType, "name": types.StringType, "status": types.StringType,
	}}
	entityFilterLocationType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"id": types.StringType, "uri": types.StringType, "name": types.StringType,
	}}
)

// entityFilterCompanyAttribute is the filter's company, as the single GET
// returns it.
func entityFilterCompanyAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Computed:    true,
		Description: "The customer company whose locations the filter selects, or null if ServiceTrade returns none.",
		Attributes: map[string]schema.Attribute{
			"id":     kit.ReadOnlyString("Numeric id of the company (see the `fieldservice_servicetrade_company` data source)."),
			"uri":    kit.ReadOnlyString("Absolute API URI of the company."),
			"name":   kit.ReadOnlyString("Name of the company."),
			"status": kit.ReadOnlyString("Status of the company: `active`, `pending`, `on_hold` or `inactive`."),
		},
	}
}

// entityFilterLocationsAttribute is the filter's locations.
func entityFilterLocationsAttribute() schema.ListNestedAttribute {
	return kit.ReadOnlyObjects("The company's locations that the filter selects, in ServiceTrade's order. "+
		"Empty when the filter applies to all of the company's locations.",
		map[string]schema.Attribute{
			"id":   kit.ReadOnlyString("Numeric id of the location (see the `fieldservice_servicetrade_location` data source)."),
			"uri":  kit.ReadOnlyString("Absolute API URI of the location."),
			"name": kit.ReadOnlyString("Name of the location."),
		})
}

// fromAPI fills the model from a filter read by id. A null list of
// locations (the reference's example for a filter applying to all
// locations) is an empty list, as the field table describes it.
func (m *entityFilterModel) fromAPI(f *api.EntityFilter) diag.Diagnostics {
	var diags diag.Diagnostics
	*m = entityFilterModel{
		ID:      types.StringValue(formatID(f.ID)),
		Name:    types.StringValue(f.Name),
		URI:     types.StringValue(f.URI),
		Type:    types.StringValue(f.Type),
		Company: types.ObjectNull(entityFilterCompanyType.AttrTypes),
	}
	if c := f.Company; c != nil {
		obj, d := types.ObjectValue(entityFilterCompanyType.AttrTypes, map[string]attr.Value{
			"id": types.StringValue(formatID(c.ID)), "uri": types.StringValue(c.URI),
			"name": types.StringValue(c.Name), "status": types.StringValue(c.Status),
		})
		diags.Append(d...)
		m.Company = obj
	}
	locations := make([]attr.Value, 0, len(f.Locations))
	for _, l := range f.Locations {
		obj, d := types.ObjectValue(entityFilterLocationType.AttrTypes, map[string]attr.Value{
			"id": types.StringValue(formatID(l.ID)), "uri": types.StringValue(l.URI), "name": types.StringValue(l.Name),
		})
		diags.Append(d...)
		locations = append(locations, obj)
	}
	list, d := types.ListValue(entityFilterLocationType, locations)
	diags.Append(d...)
	m.Locations = list
	return diags
}

// fromAPI fills one element of the plural data source from a listed
// filter.
func (m *entityFilterSummaryModel) fromAPI(f *api.EntityFilter) {
	*m = entityFilterSummaryModel{
		ID:   types.StringValue(formatID(f.ID)),
		URI:  types.StringValue(f.URI),
		Name: types.StringValue(f.Name),
		Type: types.StringValue(f.Type),
	}
}
