package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*regionResource)(nil)
	_ resource.ResourceWithImportState = (*regionResource)(nil)
)

// NewRegionResource is the fieldservice_servicetrade_region resource.
func NewRegionResource() resource.Resource { return &regionResource{} }

type regionResource struct{ base }

func (r *regionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_servicetrade_region"
}

func (r *regionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade geographic region: a named polygon that locations fall into, optionally assigned to offices. " +
			"Deleting it deletes the region in ServiceTrade. Import with the numeric region id. " +
			"If the answer to the create request is lost, Terraform looks for the region: when none exists it sends the request again, " +
			"otherwise it fails with an error listing the existing regions of that name, to import or delete.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "Numeric ServiceTrade id of the region.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"uri": schema.StringAttribute{
				Computed:      true,
				Description:   "Absolute API URI of the region, as returned by ServiceTrade.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:    true,
				Description: "Name of the region. Updatable in place.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"color": schema.StringAttribute{
				Optional:    true,
				Description: "Preferred color for drawing the region, as an HTML hex color (`#ff9000` or `#000`). Omit to leave it unset (null in the API).",
				Validators:  []validator.String{validators.HTMLColor()},
			},
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
			"office_ids": schema.SetAttribute{
				Optional:    true,
				ElementType: types.Int64Type,
				Description: "Ids of the offices (vendor locations) the region is assigned to, compared as a set. Look offices up with the `fieldservice_servicetrade_location` data source. Omit for none.",
				Validators:  []validator.Set{setvalidator.ValueInt64sAre(int64validator.AtLeast(1))},
			},
		},
	}
}

func (r *regionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan regionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	in, diags := plan.toInput(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Region names are not unique, and people legitimately repeat them
	// (one "North" per service line, say): no natural key is checked, and
	// a create whose answer was lost is never adopted.
	created, ok := lostcreate.Create(ctx, &resp.Diagnostics, fmt.Sprintf("Creating ServiceTrade region %q failed", in.Name), r.data.Retry,
		func(ctx context.Context) (*api.Region, error) { return client.CreateRegion(ctx, in) },
		lostcreate.Lookup[api.Region]{
			Vendor: vendor.Name, Kind: "region", ResourceType: "fieldservice_servicetrade_region", Match: fmt.Sprintf("named %q", in.Name),
			Find: func(ctx context.Context) ([]api.Region, error) {
				list, err := client.ListRegions(ctx, api.RegionFilter{Name: in.Name})
				return lostcreate.Keep(list, err, func(r api.Region) bool { return r.Name == in.Name })
			},
			ImportID: func(r api.Region) string { return formatID(r.ID) },
		})
	if !ok {
		return
	}
	resp.Diagnostics.Append(plan.fromAPI(created, plan.OfficeIDs)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *regionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state regionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseID("region", state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid region id in state", err.Error())
		return
	}
	region, err := client.GetRegion(ctx, id)
	if api.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading ServiceTrade region %d failed", id), err.Error())
		return
	}
	resp.Diagnostics.Append(state.fromAPI(region, state.OfficeIDs)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *regionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var plan, state regionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	in, diags := plan.toInput(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseID("region", state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid region id in state", err.Error())
		return
	}
	updated, err := client.UpdateRegion(ctx, id, in)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating ServiceTrade region %d (%q) failed", id, in.Name), err.Error())
		return
	}
	resp.Diagnostics.Append(plan.fromAPI(updated, plan.OfficeIDs)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *regionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	client, ok := r.client(&resp.Diagnostics)
	if !ok {
		return
	}
	var state regionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := parseID("region", state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid region id in state", err.Error())
		return
	}
	if err := client.DeleteRegion(ctx, id); err != nil && !api.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting ServiceTrade region %d failed", id), err.Error())
	}
}

func (r *regionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if _, err := parseID("region", req.ID); err != nil {
		resp.Diagnostics.AddError("Invalid import ID for fieldservice_servicetrade_region", err.Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
