package servicetrade

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var locationKind = objectKind[api.Location]{name: "location", id: func(l api.Location) int64 { return l.ID }, get: (*api.Client).GetLocation}

// NewLocationDataSource is the fieldservice_servicetrade_location data
// source.
func NewLocationDataSource() datasource.DataSource {
	d := lookupSource[locationModel, api.Location]("location", "location",
		"Looks up one ServiceTrade location by `id` or by exact `name`: a customer location, or an office (a location of the account's own vendor company, as region `office_ids` and contract offices take). Set `office_only` to consider offices only. Fails when no location, or more than one, matches: location names are not unique (chains), so use `id` for duplicates.",
		[]sourceKey[api.Location]{{attr: "name", description: "Exact, case-sensitive name of the location.", of: func(l api.Location) string { return l.Name }}},
		map[string]schema.Attribute{
			"office_only": kit.DataFilterBool("When true, only offices (vendor locations) match: a `name` lookup ignores customer locations, and an `id` that is not an office is an error. " +
				"When false or unset, customer locations and offices both match (the API itself lists only customer locations unless asked otherwise; the data source asks for both)."),
			"uri":          kit.ReadOnlyString("Absolute API URI of the location."),
			"ref_number":   kit.ReadOnlyString("Reference number of the location."),
			"status":       kit.ReadOnlyString("Status of the location: `active`, `pending` or `inactive`."),
			"company_id":   kit.ReadOnlyInt64("Id of the company that owns the location (for offices, the account's own company)."),
			"lat":          kit.ReadOnlyFloat64("Geocoded latitude in decimal degrees, or null."),
			"lon":          kit.ReadOnlyFloat64("Geocoded longitude in decimal degrees, or null."),
			"phone_number": kit.ReadOnlyString("Phone number of the location itself (not of a contact), formatted by ServiceTrade as `(XXX) XXX-XXXX`; empty when none."),
			"email":        kit.ReadOnlyString("E-mail address of the location itself (not of a contact); empty when none."),
			"taxable":      kit.ReadOnlyBool("Whether invoice items at this location are taxable by default."),
			"address":      addressAttribute("location"),
			"office_ids":   kit.ReadOnlySet(types.Int64Type, "Ids of the offices that serve the location (usually empty for an office itself)."),
		})
	d.Spec = func(ctx context.Context, client *api.Client, cfg *locationModel) lookup.Spec[api.Location] {
		officeOnly := cfg.OfficeOnly.ValueBool()
		s := locationKind.spec(ctx, client, func(k lookup.Key[api.Location]) ([]api.Location, error) {
			return client.ListLocations(ctx, api.LocationFilter{Name: k.Value.ValueString(), OfficesOnly: officeOnly})
		})
		if officeOnly {
			s.Kind.Name = "office"
			get := s.Get
			s.Get = func(raw string) (*api.Location, diag.Diagnostics) {
				loc, diags := get(raw)
				if loc != nil && !diags.HasError() {
					diags.Append(requireOffice(ctx, client, loc)...)
				}
				return loc, diags
			}
		}
		return s
	}
	d.SetDiags = (*locationModel).fromAPI
	return d
}

type locationModel struct {
	ID          types.String  `tfsdk:"id"`
	Name        types.String  `tfsdk:"name"`
	OfficeOnly  types.Bool    `tfsdk:"office_only"`
	URI         types.String  `tfsdk:"uri"`
	RefNumber   types.String  `tfsdk:"ref_number"`
	Status      types.String  `tfsdk:"status"`
	CompanyID   types.Int64   `tfsdk:"company_id"`
	Lat         types.Float64 `tfsdk:"lat"`
	Lon         types.Float64 `tfsdk:"lon"`
	PhoneNumber types.String  `tfsdk:"phone_number"`
	Email       types.String  `tfsdk:"email"`
	Taxable     types.Bool    `tfsdk:"taxable"`
	Address     types.Object  `tfsdk:"address"`
	OfficeIDs   types.Set     `tfsdk:"office_ids"`
}

// requireOffice fails unless loc, read by id for office_only, is an office.
func requireOffice(ctx context.Context, client *api.Client, loc *api.Location) diag.Diagnostics {
	var diags diag.Diagnostics
	// A location does not say whether it is an office: ask the office list.
	offices, err := client.ListLocations(ctx, api.LocationFilter{Name: loc.Name, OfficesOnly: true})
	if err != nil {
		diags.AddError("Listing ServiceTrade offices failed", err.Error())
		return diags
	}
	if !slices.ContainsFunc(offices, func(o api.Location) bool { return o.ID == loc.ID }) {
		diags.AddAttributeError(path.Root("id"), "Location is not an office",
			fmt.Sprintf("ServiceTrade location %d (%q) is not an office (a vendor location), and office_only is true. Remove office_only, or give the id of an office.", loc.ID, loc.Name))
	}
	return diags
}

// fromAPI fills the model from the API object; office_only stays as
// configured.
func (m *locationModel) fromAPI(loc *api.Location) diag.Diagnostics {
	*m = locationModel{
		ID:          types.StringValue(formatID(loc.ID)),
		Name:        types.StringValue(loc.Name),
		OfficeOnly:  m.OfficeOnly,
		URI:         types.StringValue(loc.URI),
		RefNumber:   types.StringValue(loc.RefNumber),
		Status:      types.StringValue(loc.Status),
		CompanyID:   types.Int64Null(),
		Lat:         types.Float64PointerValue(loc.Lat),
		Lon:         types.Float64PointerValue(loc.Lon),
		PhoneNumber: types.StringValue(loc.PhoneNumber),
		Email:       types.StringValue(loc.Email),
		Taxable:     types.BoolValue(loc.Taxable),
	}
	if loc.Company != nil {
		m.CompanyID = types.Int64Value(loc.Company.ID)
	}
	diags := addressValue(loc.Address, &m.Address)
	ids := make([]attr.Value, 0, len(loc.Offices))
	for _, o := range loc.Offices {
		ids = append(ids, types.Int64Value(o.ID))
	}
	set, d := types.SetValue(types.Int64Type, ids)
	diags.Append(d...)
	m.OfficeIDs = set
	return diags
}

var addressType = map[string]attr.Type{
	"street":      types.StringType,
	"city":        types.StringType,
	"state":       types.StringType,
	"postal_code": types.StringType,
}

// addressAttribute is the computed postal address of a company or location.
func addressAttribute(of string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Computed:    true,
		Description: "Postal address of the " + of + ", or null when it has none.",
		Attributes: map[string]schema.Attribute{
			"street":      kit.ReadOnlyString("Street address."),
			"city":        kit.ReadOnlyString("City."),
			"state":       kit.ReadOnlyString("State or province, usually a two-letter abbreviation."),
			"postal_code": kit.ReadOnlyString("Postal code."),
		},
	}
}

// addressValue converts an API address (nil for none) to the address
// attribute.
func addressValue(a *api.Address, dst *types.Object) diag.Diagnostics {
	if a == nil {
		*dst = types.ObjectNull(addressType)
		return nil
	}
	obj, diags := types.ObjectValue(addressType, map[string]attr.Value{
		"street":      types.StringValue(a.Street),
		"city":        types.StringValue(a.City),
		"state":       types.StringValue(a.State),
		"postal_code": types.StringValue(a.PostalCode),
	})
	*dst = obj
	return diags
}
