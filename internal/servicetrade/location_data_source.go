package servicetrade

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var _ datasource.DataSourceWithConfigValidators = (*locationDataSource)(nil)

// NewLocationDataSource is the fieldservice_servicetrade_location data
// source.
func NewLocationDataSource() datasource.DataSource {
	return &locationDataSource{dataBase: dataSource("location")}
}

type locationDataSource struct{ dataBase }

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

func (d *locationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Looks up one ServiceTrade location by `id` or by exact `name`: a customer location, or an office (a location of the account's own vendor company, as region `office_ids` and contract offices take). Set `office_only` to consider offices only. Fails when no location, or more than one, matches: location names are not unique (chains), so use `id` for duplicates.",
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Optional: true, Computed: true, Description: "Numeric id of the location. Give exactly one of `id` and `name`."},
			"name": schema.StringAttribute{Optional: true, Computed: true, Description: "Exact, case-sensitive name of the location. Give exactly one of `id` and `name`."},
			"office_only": schema.BoolAttribute{Optional: true, Description: "When true, only offices (vendor locations) match: a `name` lookup ignores customer locations, and an `id` that is not an office is an error. " +
				"When false or unset, customer locations and offices both match (the API itself lists only customer locations unless asked otherwise; the data source asks for both)."},
			"uri":          schema.StringAttribute{Computed: true, Description: "Absolute API URI of the location."},
			"ref_number":   schema.StringAttribute{Computed: true, Description: "Reference number of the location."},
			"status":       schema.StringAttribute{Computed: true, Description: "Status of the location: `active`, `pending` or `inactive`."},
			"company_id":   schema.Int64Attribute{Computed: true, Description: "Id of the company that owns the location (for offices, the account's own company)."},
			"lat":          schema.Float64Attribute{Computed: true, Description: "Geocoded latitude in decimal degrees, or null."},
			"lon":          schema.Float64Attribute{Computed: true, Description: "Geocoded longitude in decimal degrees, or null."},
			"phone_number": schema.StringAttribute{Computed: true, Description: "Phone number of the location itself (not of a contact), formatted by ServiceTrade as `(XXX) XXX-XXXX`; empty when none."},
			"email":        schema.StringAttribute{Computed: true, Description: "E-mail address of the location itself (not of a contact); empty when none."},
			"taxable":      schema.BoolAttribute{Computed: true, Description: "Whether invoice items at this location are taxable by default."},
			"address":      addressAttribute("location"),
			"office_ids":   schema.SetAttribute{Computed: true, ElementType: types.Int64Type, Description: "Ids of the offices that serve the location (usually empty for an office itself)."},
		},
	}
}

func (d *locationDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *locationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	client, ok := d.Client(&resp.Diagnostics)
	if !ok {
		return
	}
	var cfg locationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	officeOnly := cfg.OfficeOnly.ValueBool()
	kind := "location"
	if officeOnly {
		kind = "office"
	}
	loc := lookup.One(&resp.Diagnostics, lookup.Spec[api.Location]{
		Kind: kindOf(kind, func(l api.Location) int64 { return l.ID }),
		ID:   cfg.ID,
		Get:  byID("location", func(id int64) (*api.Location, error) { return client.GetLocation(ctx, id) }),
		Keys: []lookup.Key[api.Location]{{Attr: "name", Value: cfg.Name, Of: func(l api.Location) string { return l.Name }}},
		List: func(k lookup.Key[api.Location]) ([]api.Location, error) {
			return client.ListLocations(ctx, api.LocationFilter{Name: k.Value.ValueString(), OfficesOnly: officeOnly})
		},
	})
	if loc == nil {
		return
	}
	if officeOnly && !cfg.ID.IsNull() {
		// A location does not say whether it is an office: ask the office
		// list.
		offices, err := client.ListLocations(ctx, api.LocationFilter{Name: loc.Name, OfficesOnly: true})
		if err != nil {
			resp.Diagnostics.AddError("Listing ServiceTrade offices failed", err.Error())
			return
		}
		if !slices.ContainsFunc(offices, func(o api.Location) bool { return o.ID == loc.ID }) {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Location is not an office",
				fmt.Sprintf("ServiceTrade location %d (%q) is not an office (a vendor location), and office_only is true. Remove office_only, or give the id of an office.", loc.ID, loc.Name))
			return
		}
	}
	state := locationModel{
		ID:          types.StringValue(formatID(loc.ID)),
		Name:        types.StringValue(loc.Name),
		OfficeOnly:  cfg.OfficeOnly,
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
		state.CompanyID = types.Int64Value(loc.Company.ID)
	}
	resp.Diagnostics.Append(addressValue(loc.Address, &state.Address)...)
	ids := make([]attr.Value, 0, len(loc.Offices))
	for _, o := range loc.Offices {
		ids = append(ids, types.Int64Value(o.ID))
	}
	set, diags := types.SetValue(types.Int64Type, ids)
	resp.Diagnostics.Append(diags...)
	state.OfficeIDs = set
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
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
			"street":      schema.StringAttribute{Computed: true, Description: "Street address."},
			"city":        schema.StringAttribute{Computed: true, Description: "City."},
			"state":       schema.StringAttribute{Computed: true, Description: "State or province, usually a two-letter abbreviation."},
			"postal_code": schema.StringAttribute{Computed: true, Description: "Postal code."},
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
