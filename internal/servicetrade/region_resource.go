package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

// NewRegionResource is the fieldservice_servicetrade_region resource.
func NewRegionResource() resource.Resource {
	return &regionResource{crudResource[regionModel, api.Region]{
		Base: numbered("region").Base(),
		Get:  (*api.Client).GetRegion, SetDiags: (*regionModel).refresh, Del: (*api.Client).DeleteRegion,
		Change: kit.UpdatesChecked((*regionModel).toInput, (*api.Client).UpdateRegion),
	}}
}

type regionResource struct {
	crudResource[regionModel, api.Region]
}

func (r *regionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade geographic region: a named polygon that locations fall into, optionally assigned to offices. " +
			"Deleting it deletes the region in ServiceTrade. Import with the numeric region id. " +
			"If the answer to the create request is lost, Terraform looks for the region: when none exists it sends the request again, " +
			"otherwise it fails with an error listing the existing regions of that name, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id":   kit.IDAttribute("Numeric ServiceTrade id of the region."),
			"uri":  kit.ComputedString("Absolute API URI of the region, as returned by ServiceTrade."),
			"name": kit.RequiredString("Name of the region. Updatable in place.", stringvalidator.LengthAtLeast(1)),
			"color": kit.OptionalString("Preferred color for drawing the region, as an HTML hex color (`#ff9000` or `#000`). Omit to leave it unset (null in the API).",
				validators.HTMLColor()),
			"points": schema.ListNestedAttribute{
				Required: true,
				Description: "Boundary of the region, in order: at least 3 points. The polygon is closed implicitly, so do not repeat the first point (refused at plan time). " +
					"Order matters; coordinates are compared numerically.",
				Validators: []validator.List{listvalidator.SizeAtLeast(3), validators.OpenPolygon()},
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"lat": schema.Float64Attribute{
							Required:    true,
							Description: "Latitude in decimal degrees, from -90 to 90.",
							Validators:  []validator.Float64{float64validator.Between(-90, 90)},
						},
						"lon": schema.Float64Attribute{
							Required:    true,
							Description: "Longitude in decimal degrees, from -180 to 180.",
							Validators:  []validator.Float64{float64validator.Between(-180, 180)},
						},
					},
				},
			},
			"office_ids": kit.IDSet("Ids of the offices (vendor locations) the region is assigned to, compared as a set. Look offices up with the `fieldservice_servicetrade_location` data source. Omit for none."),
		},
	}
}

func (r *regionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan regionModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.Region, bool) {
		in, d := plan.toInput(ctx)
		if diags.Append(d...); diags.HasError() {
			return nil, false
		}
		// Region names are not unique, and people legitimately repeat them
		// (one "North" per service line, say): no natural key is checked,
		// and a create whose answer was lost is never adopted.
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade region %q failed", in.Name),
			func(ctx context.Context) (*api.Region, error) { return client.CreateRegion(ctx, in) },
			lostcreate.Lookup[api.Region]{
				Match: fmt.Sprintf("named %q", in.Name),
				Find: func(ctx context.Context) ([]api.Region, error) {
					list, err := client.ListRegions(ctx, api.RegionFilter{Name: in.Name})
					return lostcreate.Keep(list, err, func(r api.Region) bool { return r.Name == in.Name })
				},
				ImportID: func(r api.Region) string { return formatID(r.ID) },
			})
	})
}
