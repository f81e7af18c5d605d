package servicetrade

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/validators"
)

var (
	_ resource.ResourceWithConfigure      = (*contractResource)(nil)
	_ resource.ResourceWithImportState    = (*contractResource)(nil)
	_ resource.ResourceWithValidateConfig = (*contractResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*contractResource)(nil)
)

// contractType is fieldservice_servicetrade_contract. The cancel_* options
// only say how a destroy deactivates the contract: they concern the
// provider only, and an import leaves them unset (null, which means false).
var contractType = func() kit.Type[*api.Client, int64] {
	t := numbered("contract",
		kit.Attribute{Name: "cancel_services", Default: types.BoolNull()},
		kit.Attribute{Name: "cancel_jobs", Default: types.BoolNull()},
		kit.Attribute{Name: "cancel_quotes", Default: types.BoolNull()},
		kit.Attribute{Name: "cancel_recurring_invoices", Default: types.BoolNull()},
	)
	t.Deleting = "Deactivating" // ServiceTrade cannot delete contracts
	return t
}()

// NewContractResource is the fieldservice_servicetrade_contract resource.
func NewContractResource() resource.Resource {
	return &contractResource{crudResource[contractModel, api.Contract]{
		Base: contractType.Base(),
		// Read: the API cannot delete contracts; a 404 means ServiceTrade
		// support removed it, or the user lost access to it. A deactivated
		// contract stays in the state with active = false: with
		// active = true in the configuration the next plan reactivates it.
		Get: (*api.Client).GetContract, SetDiags: (*contractModel).fromAPI,
		// Delete deactivates the contract (the API has no DELETE) and warns
		// that it still exists; the framework then removes it from the
		// state.
		Notice: contractStillExists, Deactivate: deactivateContract,
		Change: updateContract,
	}}
}

// updateContract sends what the plan changes of the contract, or nothing
// when only the destroy-time options change.
func updateContract(ctx context.Context, c *api.Client, id int64, plan, state *contractModel) (*api.Contract, error) {
	in, diags := plan.toUpdate(ctx)
	was, d := state.toUpdate(ctx)
	if diags.Append(d...); diags.HasError() {
		return nil, kit.DiagsError(diags)
	}
	// Only the destroy-time cancel_* options changed: nothing to send.
	// (The kit's own check of provider-side changes never sees this case:
	// updated, unknown in the plan of every update, differs from the
	// state.)
	if sameJSON(in, was) {
		plan.Updated = state.Updated
		return nil, nil
	}
	// Detail levels are only sent when they change: ServiceTrade's default
	// for quotes holds "items_by_type", which is not among the values it
	// documents for quotes, so sending it back could be refused.
	if validators.SameSet(in.InvoiceDetailLevel, was.InvoiceDetailLevel) {
		in.InvoiceDetailLevel = nil
	}
	if validators.SameSet(in.QuoteDetailLevel, was.QuoteDetailLevel) {
		in.QuoteDetailLevel = nil
	}
	return c.UpdateContract(ctx, id, in)
}

type contractResource struct {
	crudResource[contractModel, api.Contract]
}

// deactivateContract stands for the delete ServiceTrade does not have,
// with the cancel_* options of the state.
func deactivateContract(client *api.Client, ctx context.Context, id int64, state contractModel) error {
	if err := client.DeactivateContract(ctx, id, state.deactivateOptions()); err != nil {
		return fmt.Errorf("%w\n\nServiceTrade cannot delete contracts; destroying one deactivates it, which failed, so it stays in the state.", err)
	}
	return nil
}

// contractStillExists is the warning of every destroy: ServiceTrade cannot
// delete contracts.
func contractStillExists(m contractModel) undeletable.Notice {
	return undeletable.Notice{Summary: fmt.Sprintf("ServiceTrade contract %q (id %s) still exists, deactivated", m.Name.ValueString(), m.ID.ValueString()),
		Detail: "The ServiceTrade API cannot delete contracts (it has no DELETE), so destroying deactivates the contract " +
			"(POST /contract/{id}/deactivate, with the cancel_* options of the resource) and removes it from the Terraform state. " +
			"It still exists in ServiceTrade with active = false, with the rules Terraform did not delete. To use it again, import it by id and set active = true."}
}

func (r *contractResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	idAttr := func(desc string) schema.Int64Attribute {
		return kit.OptionalID(desc + " Updatable in place; removing it clears it.")
	}
	dateAttr := func(what string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional:   true,
			CustomType: dayType{},
			Description: what + ", as a date (`2026-01-31`) or an RFC 3339 timestamp (`2026-01-31T15:04:05Z`). " +
				"ServiceTrade keeps the day only: the state keeps the value as written for as long as ServiceTrade holds the same day " +
				"(the day of a timestamp is its UTC day), so writing a time causes no diff. A date is sent as noon UTC, so that ServiceTrade, " +
				"which truncates to midnight in the account's time zone, stores that very day. Updatable in place; removing it clears it.",
			Validators: []validator.String{contractDateValidator{}},
		}
	}
	cancel := func(what string) schema.BoolAttribute {
		return schema.BoolAttribute{
			Optional: true,
			Description: "When true, destroying the contract also cancels its " + what + " (the deactivate call's option). " +
				"Only used at destroy; changing it makes no API call. Default false.",
		}
	}
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade contract: the default price list of a vendor (`default`), the contract of a vendor with one customer (`company`), " +
			"or a `template` that other contracts take as parent. Pricing rules are `fieldservice_servicetrade_contract_rule` resources. " +
			"ServiceTrade cannot delete contracts: destroying deactivates the contract (optionally cancelling its services, jobs, quotes and " +
			"recurring invoices), removes it from the state and warns that it still exists. A contract found deactivated outside Terraform " +
			"while the configuration says `active = true` is planned for reactivation. Quote contracts (made from a quote and a job) are not managed. " +
			"Import with the numeric contract id. " +
			"If the answer to the create request is lost, Terraform looks for the contract: when none exists it sends the request again, " +
			"otherwise it fails with an error listing the existing contracts of that type and name (for that vendor and customer), to import or deactivate.",
		Attributes: map[string]schema.Attribute{
			"id":  kit.IDAttribute("Numeric ServiceTrade id of the contract."),
			"uri": kit.ComputedString("Absolute API URI of the contract."),
			"type": kit.CreateOnly(kit.RequiredString("Kind of contract: `default` (a vendor's prices for every customer; needs `vendor_id`), `company` (a vendor's contract "+
				"with one customer; needs `vendor_id` and `customer_id`) or `template` (no vendor or customer). ServiceTrade cannot change it, "+
				"so changing it forces replacement (and the old contract stays in ServiceTrade, deactivated).", stringvalidator.OneOf(api.ContractTypes...))),
			"name": kit.RequiredString("Name of the contract. Updatable in place.", stringvalidator.LengthAtLeast(1)),
			"vendor_id": kit.OptionalID("Id of the vendor company (usually the account's own company; see the `fieldservice_servicetrade_company` data source). " +
				"Required for `default` and `company` contracts, not allowed for templates. Updatable in place."),
			"customer_id":      kit.OptionalID("Id of the customer company. Required for `company` contracts and only allowed there. Updatable in place."),
			"parent_id":        idAttr("Id of the parent contract (often a template), whose rules the contract inherits."),
			"region_id":        idAttr("Id of a region: the contract then only applies to jobs in it."),
			"office_id":        idAttr("Id of an office (a vendor location, see the `fieldservice_servicetrade_location` data source): the contract then only applies to the locations of that office."),
			"location_id":      idAttr("Id of a customer location: the contract then only applies there. Only allowed for `company` contracts."),
			"owner_id":         idAttr("Id of the user who owns the contract."),
			"sales_id":         idAttr("Id of the salesperson (a user) of the contract."),
			"job_terms_id":     idAttr("Id of the terms applied by default to the contract's jobs (see the `fieldservice_servicetrade_terms` data source). While a contract uses terms, ServiceTrade refuses to delete them."),
			"quote_terms_id":   idAttr("Id of the terms applied by default to the contract's quotes."),
			"invoice_terms_id": idAttr("Id of the terms applied by default to the contract's invoices."),
			"payment_terms_id": idAttr("Id of the payment terms applied by default to the contract's invoices (see the `fieldservice_servicetrade_payment_terms` data source)."),
			"starts_on":        dateAttr("Day the contract takes effect"),
			"expires_on":       dateAttr("Day the contract expires"),
			"review_on":        dateAttr("Day the contract should be reviewed"),
			"job_type": kit.OptionalString("Job type the contract is limited to, one of the account's job types (ServiceTrade's account settings list them, "+
				"such as `inspection` or `repair`; not validated by the provider). Omit for every job type. Updatable in place.", stringvalidator.LengthAtLeast(1)),
			"description": kit.DefaultString("", "Free-form description. ServiceTrade stores no description as an empty string, which is the default. Updatable in place."),
			"expected_revenue": schema.Float64Attribute{
				Optional:    true,
				Description: "Revenue expected over the contract's life. Compared numerically (`250000` equals `250000.00`). Updatable in place; removing it clears it.",
			},
			"expected_margin": schema.Float64Attribute{
				Optional:    true,
				Description: "Margin expected over the contract's life, as a percentage. Compared numerically. Updatable in place; removing it clears it.",
			},
			"customer_po": kit.CreateOnly(kit.OptionalString("Customer purchase order number. ServiceTrade only takes it at creation (PUT ignores it), so changing it forces replacement "+
				"(and the old contract stays, deactivated). ServiceTrade returns null when unset.", stringvalidator.LengthAtLeast(1))),
			"invoice_notes": kit.DefaultString("", "Notes copied to the invoices made under the contract. Empty (the default) for none. Updatable in place."),
			"invoice_detail_level": kit.KeptStringSet("Default detail level of invoices under the contract, a set of `"+strings.Join(api.InvoiceDetailLevels, "`, `")+"`. "+
				"When omitted, ServiceTrade's default applies (it reports `public`, `items_by_type` and `type_detail`) and is kept as found; "+
				"removing it from the configuration later leaves the last value in place. Updatable in place.", api.InvoiceDetailLevels...),
			"quote_detail_level": quoteDetailLevel(),
			"active": kit.OptionalBool(true, "Whether the contract is active. Default true. A contract deactivated outside Terraform is planned back to active "+
				"(an in-place update) while this is true. Updatable in place."),
			"cancel_services":           cancel("service requests"),
			"cancel_jobs":               cancel("jobs"),
			"cancel_quotes":             cancel("quotes"),
			"cancel_recurring_invoices": cancel("recurring invoices"),
			"revenue":                   kit.ComputedFloat64("Total revenue of the contract, or null until ServiceTrade has calculated it."),
			"actual_margin":             kit.ComputedFloat64("Actual margin percentage, from revenue and total cost; null when there is none."),
			"total_cost":                kit.ComputedFloat64("Sum of the costs of the job items of the contract's completed, non-cancelled jobs."),
			"complexity":                kit.ComputedString("`simple` or `complex`, as ServiceTrade rates the contract."),
			"created":                   kit.ComputedInt64("When the contract was created, as a Unix timestamp (seconds)."),
			// updated has no UseStateForUnknown: every PUT moves it, so it is
			// unknown in the plan of an update (and only then).
			"updated": schema.Int64Attribute{
				Computed:    true,
				Description: "When the contract was last changed, as a Unix timestamp (seconds). Known after apply whenever the contract is updated.",
			},
		},
	}
}

// ValidateConfig enforces, at plan time, which types take which companies
// and a location: the API refuses the others with a 400.
func (r *contractResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m contractModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Type.IsUnknown() || m.Type.IsNull() {
		return
	}
	typ := m.Type.ValueString()
	switch {
	case takesVendor(typ) && m.VendorID.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("vendor_id"), "vendor_id is required",
			fmt.Sprintf("A %s contract needs vendor_id, the id of the vendor company (usually the account's own company).", typ))
	case !takesVendor(typ) && !m.VendorID.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("vendor_id"), "vendor_id is not allowed for template contracts",
			"ServiceTrade only takes a vendor on default and company contracts. Remove vendor_id, or use type = \"default\" or \"company\".")
	}
	switch {
	case takesCustomer(typ) && m.CustomerID.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("customer_id"), "customer_id is required",
			"A company contract needs customer_id, the id of the customer company.")
	case !takesCustomer(typ) && !m.CustomerID.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("customer_id"), "customer_id is only allowed for company contracts",
			fmt.Sprintf("ServiceTrade only takes a customer on company contracts, not on %s ones. Remove customer_id, or use type = \"company\".", typ))
	}
	if !takesCustomer(typ) && !m.LocationID.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("location_id"), "location_id is only allowed for company contracts",
			fmt.Sprintf("ServiceTrade only limits company contracts to one location, not %s ones. Remove location_id, or use type = \"company\".", typ))
	}
}

func (r *contractResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan contractModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.Contract, bool) {
		in, d := plan.toInput(ctx)
		if diags.Append(d...); diags.HasError() {
			return nil, false
		}
		// Contract names are not unique, and people legitimately repeat
		// them (one "Annual inspection" per customer): no natural key is
		// checked, and a create whose answer was lost is never adopted.
		// Template contracts cannot be listed (the API lists by vendor,
		// customer or job), so for them the lookup fails and the error asks
		// the user to look: the create is then never sent again.
		vendorID, _ := in.VendorID.Get()
		customerID, _ := in.CustomerID.Get()
		return kit.Send(ctx, &r.Base, diags, fmt.Sprintf("Creating ServiceTrade %s contract %q failed", in.Type, in.Name),
			func(ctx context.Context) (*api.Contract, error) { return client.CreateContract(ctx, in) },
			lostcreate.Lookup[api.Contract]{
				Match:  contractMatch(in.Type, in.Name, vendorID, customerID),
				Remove: "deactivate it in ServiceTrade (which cannot delete contracts)",
				Find: func(ctx context.Context) ([]api.Contract, error) {
					list, err := client.ListContracts(ctx, api.ContractFilter{VendorID: vendorID, CustomerID: customerID, Name: in.Name})
					return lostcreate.Keep(list, err, func(c api.Contract) bool {
						return c.Name == in.Name && c.Type == in.Type && refIs(c.Vendor, vendorID) && refIs(c.Customer, customerID)
					})
				},
				ImportID: func(c api.Contract) string { return formatID(c.ID) },
			})
	})
}

// sameJSON reports whether two request bodies encode alike.
func sameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// contractMatch says, for a lost create's messages, which contracts could
// be the one created.
func contractMatch(typ, name string, vendorID, customerID int64) string {
	m := fmt.Sprintf("of type %q named %q", typ, name)
	if vendorID != 0 {
		m += fmt.Sprintf(" for vendor %d", vendorID)
	}
	if customerID != 0 {
		m += fmt.Sprintf(" and customer %d", customerID)
	}
	return m
}

// refIs reports whether a nested reference is the object id; any reference
// will do when id is 0 (not configured).
func refIs(r *api.Reference, id int64) bool {
	return id == 0 || (r != nil && r.ID == id)
}

// quoteDetailLevel is KeptStringSet for the quote detail levels, which
// also takes ServiceTrade's own default as a whole: it holds
// "items_by_type", which ServiceTrade does not take for quotes, yet an
// imported contract has it, and so does the configuration Terraform
// generates for one. That default is never sent at creation (ServiceTrade
// applies it), and an update sends the detail levels only when they change.
func quoteDetailLevel() schema.SetAttribute {
	a := kit.KeptStringSet("Default detail level of quotes under the contract, a set of `"+strings.Join(api.QuoteDetailLevels, "`, `")+"`, "+
		"or ServiceTrade's default as a whole (`public`, `items_by_type` and `type_detail`, which it reports although `items_by_type` is not a value it takes for quotes). "+
		"When omitted, ServiceTrade's default applies and is kept as found; removing it later leaves the last value in place. Updatable in place "+
		"(ServiceTrade may refuse a change back to its default, because of `items_by_type`).", api.QuoteDetailLevels...)
	a.Validators = []validator.Set{validators.StringSetOf(api.QuoteDetailLevels, api.DefaultDetailLevels)}
	return a
}
