package servicetrade

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
)

var (
	_ resource.ResourceWithConfigure   = (*warehouseResource)(nil)
	_ resource.ResourceWithImportState = (*warehouseResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*warehouseResource)(nil)
)

// warehouseType is fieldservice_servicetrade_warehouse. ServiceTrade
// cannot delete warehouses: a destroy deactivates the warehouse, which
// keeps its name (so the name stays taken in the natural-key index).
var warehouseType = func() kit.Type[*api.Client, int64] {
	t := numbered("warehouse", kit.AllowDuplicateDefault)
	t.Deleting = "Deactivating"
	t.KeepsKey = true
	return t
}()

// warehouseNotBlank is the API's "required": a name of white space only is
// refused like a missing one.
var warehouseNotBlank = stringvalidator.RegexMatches(regexp.MustCompile(`\S`), "must not be blank")

// NewWarehouseResource is the fieldservice_servicetrade_warehouse resource.
func NewWarehouseResource() resource.Resource {
	return &warehouseResource{crudResource[warehouseResourceModel, api.Warehouse]{
		Base: warehouseType.Base(),
		// Read: a single GET returns inactive warehouses too. One found
		// inactive stays in the state with status = "inactive": with
		// "active" in the configuration, the next plan reactivates it. A
		// 404 means ServiceTrade support removed it.
		Get: (*api.Client).GetWarehouse, Set: func(m *warehouseResourceModel, w *api.Warehouse) { m.fromAPI(w) },
		NaturalKey: func(o *api.Warehouse) string { return o.Name },
		// Delete deactivates the warehouse (the API has no DELETE) and
		// warns that it still exists, with the same words as the plan.
		Notice: warehouseStillExists, Deactivate: deactivateWarehouse,
		// A change of allow_duplicate alone concerns only the provider.
		Change: kit.Updates((*warehouseResourceModel).toUpdate, (*api.Client).UpdateWarehouse),
	}}
}

type warehouseResource struct {
	crudResource[warehouseResourceModel, api.Warehouse]
}

// deactivateWarehouse stands for the delete ServiceTrade does not have.
func deactivateWarehouse(client *api.Client, ctx context.Context, id int64, _ warehouseResourceModel) error {
	if err := client.DeactivateWarehouse(ctx, id); err != nil {
		return fmt.Errorf("%w\n\nServiceTrade cannot delete warehouses; destroying one deactivates it (PUT status = \"inactive\"), which failed, so it stays in the state.", err)
	}
	return nil
}

// warehouseStillExists is the warning of every destroy.
func warehouseStillExists(m warehouseResourceModel) undeletable.Notice {
	return undeletable.Notice{
		Summary: fmt.Sprintf("ServiceTrade warehouse %q (id %s) still exists, deactivated", m.Name.ValueString(), m.ID.ValueString()),
		Detail: "The ServiceTrade API cannot delete warehouses (DELETE answers 405), so destroying deactivates the warehouse " +
			"(PUT status = \"inactive\") and removes it from the Terraform state. It still exists in ServiceTrade, inactive, " +
			"hidden from lists of active warehouses, with its name and its stock history. " +
			"To use it again, import it by id and keep status = \"active\"."}
}

func (r *warehouseResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade warehouse: a place parts are stocked in, that job items take their parts from and that users pick by name. " +
			"Every attribute is updatable in place. " +
			"ServiceTrade cannot delete warehouses: destroying deactivates the warehouse (status `inactive`), removes it from the state and warns that it still exists. " +
			"A warehouse found deactivated outside Terraform while the configuration says `status = \"active\"` is planned for reactivation. " +
			"Import with the numeric warehouse id (the `fieldservice_servicetrade_warehouses` data source lists them, inactive ones on request). " +
			"Creating a warehouse fails when another warehouse, active or inactive, already has exactly its name, with the way to import it, " +
			"unless `allow_duplicate` is true. If the answer to the create request is lost, Terraform looks for the warehouse: " +
			"when none of that name exists it sends the request again, otherwise it fails with an error listing the warehouses of that name, to import.",
		Attributes: map[string]schema.Attribute{
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the warehouse."),
			"uri": kit.ComputedString("Absolute API URI of the warehouse."),
			"name": kit.RequiredString("Name of the warehouse, as users pick it in ServiceTrade. Must not be empty or only white space. "+
				"Not unique in ServiceTrade, but creating a warehouse fails when another one (active or inactive) has exactly this name "+
				"(compared case-sensitively) unless `allow_duplicate` is true. Updatable in place.", warehouseNotBlank),
			"office_id": kit.OptionalID("Location id of the office (a location of your own company, see the `fieldservice_servicetrade_location` data source) " +
				"that controls the warehouse. ServiceTrade refuses the id of a customer location. Omit for none; removing it clears it. Updatable in place."),
			"status": kit.DefaultString("active", "`active` (the default) or `inactive`. A warehouse deactivated outside Terraform is planned back to "+
				"`active` (an in-place update) while this is `active`; `inactive` keeps the warehouse in ServiceTrade, hidden from lists of active warehouses. "+
				"Updatable in place.", stringvalidator.OneOf(api.WarehouseStatuses...)),
			"allow_duplicate": kit.AllowDuplicate(kit.Duplicate{Vendor: "ServiceTrade", Noun: "warehouse", Kind: "warehouse", Attr: "name",
				When: " (a taint, or a `replace_triggered_by`)", Risk: "two warehouses of one name, which users cannot tell apart where ServiceTrade offers warehouses for a choice " +
					"and which the `fieldservice_servicetrade_warehouse` data source cannot look up by name"}),
		},
	}
}

func (r *warehouseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan warehouseResourceModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.Warehouse, bool) {
		in := plan.toInput()
		// Names are not unique in ServiceTrade, so a create whose answer
		// was lost is never adopted. But the name is how people pick
		// warehouses (job items' sources, a user's default warehouse): it is
		// the natural key checked before the create, unless allow_duplicate
		// says a duplicate is meant. The API lists active warehouses unless
		// asked for all, so both checks ask for all: an inactive
		// warehouse keeps its name.
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade warehouse %q failed", in.Name),
			func(ctx context.Context) (*api.Warehouse, error) { return client.CreateWarehouse(ctx, in) },
			kit.ByNaturalKey(kit.Natural[api.Warehouse]{
				Attribute: "name", Value: in.Name, Describe: fmt.Sprintf("name %q", in.Name), Match: fmt.Sprintf("named %q", in.Name),
				Why:  "Two warehouses of one name cannot be told apart where ServiceTrade offers warehouses for a choice (an inactive warehouse keeps its name).",
				List: client.ListAllWarehouses,
				Key:  func(w api.Warehouse) string { return w.Name }, ID: func(w api.Warehouse) string { return formatID(w.ID) },
				AllowDuplicate: plan.AllowDuplicate.ValueBool(),
			}))
	})
}
