package servicetrade

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
)

var (
	_ resource.ResourceWithConfigure   = (*libItemResource)(nil)
	_ resource.ResourceWithImportState = (*libItemResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*libItemResource)(nil)
)

// libItemType is fieldservice_servicetrade_lib_item. ServiceTrade cannot
// delete lib items: a destroy deactivates the item, which keeps its code
// (so the code stays taken in the natural-key index).
var libItemType = func() kit.Type[*api.Client, int64] {
	t := numbered("lib_item")
	t.Deleting = "Deactivating"
	t.KeepsKey = true
	return t
}()

// NewLibItemResource is the fieldservice_servicetrade_lib_item resource.
func NewLibItemResource() resource.Resource {
	return &libItemResource{crudResource[libItemModel, api.LibItem]{
		Base: libItemType.Base(),
		// Read: a single GET returns inactive items too. An item found
		// inactive stays in the state with active = false: with
		// active = true in the configuration, the next plan reactivates
		// it. A 404 means ServiceTrade support removed it.
		Get: (*api.Client).GetLibItem, Set: (*libItemModel).fromAPI,
		NaturalKey: func(o *api.LibItem) string { return o.Code },
		// Delete deactivates the item (the API has no DELETE) and warns
		// that it still exists, with the same words as the destroy's plan.
		Notice: libItemStillExists, Deactivate: deactivateLibItem,
		Change: kit.Updates((*libItemModel).toUpdate, (*api.Client).UpdateLibItem),
	}}
}

type libItemResource struct {
	crudResource[libItemModel, api.LibItem]
}

// deactivateLibItem stands for the delete ServiceTrade does not have.
func deactivateLibItem(client *api.Client, ctx context.Context, id int64, _ libItemModel) error {
	if err := client.DeactivateLibItem(ctx, id); err != nil {
		return fmt.Errorf("%w\n\nServiceTrade cannot delete lib items; destroying one deactivates it (PUT active = false), which failed, so it stays in the state.", err)
	}
	return nil
}

// libItemStillExists is the warning of every destroy.
func libItemStillExists(m libItemModel) undeletable.Notice {
	what := fmt.Sprintf("%q", m.Name.ValueString())
	if code := m.Code.ValueString(); code != "" {
		what = fmt.Sprintf("%q (code %q, id %s)", m.Name.ValueString(), code, m.ID.ValueString())
	} else {
		what += fmt.Sprintf(" (id %s)", m.ID.ValueString())
	}
	return undeletable.Notice{Summary: fmt.Sprintf("ServiceTrade lib item %s still exists, deactivated", what),
		Detail: "The ServiceTrade API cannot delete lib items (DELETE answers 405), so destroying deactivates the item " +
			"(PUT active = false) and removes it from the Terraform state. It still exists in ServiceTrade with active = false, " +
			"hidden from lists of active items, and keeps its code, which no other item can take. " +
			"To use it again, import it by id and set active = true."}
}

func (r *libItemResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A ServiceTrade lib item: a part, labor, service, fee or other price-book entry that job, quote and invoice items, " +
			"contract rules and quote template items are based on. Every attribute is updatable in place. " +
			"ServiceTrade cannot delete lib items: destroying deactivates the item, removes it from the state and warns that it still exists " +
			"(with its code). An item found deactivated outside Terraform while the configuration says `active = true` is planned for reactivation. " +
			"Import with the numeric lib item id (the `fieldservice_servicetrade_lib_items` data source lists them, inactive ones on request). " +
			"Creating an item fails when another item, active or not, already has its `code`, with the way to import it. " +
			"If the answer to the create request is lost, Terraform looks for the item: when none exists it sends the request again; " +
			"it adopts the item with the configured code (codes are unique) when it matches the configuration, with a warning, " +
			"and otherwise fails with an error naming the matching items, to import.",
		Attributes: map[string]schema.Attribute{
			"id":   kit.IDAttribute("Numeric ServiceTrade id of the lib item."),
			"uri":  kit.ComputedString("Absolute API URI of the lib item."),
			"name": kit.RequiredString("Display name of the item. Not unique. Updatable in place.", stringvalidator.LengthAtLeast(1)),
			"code": kit.OptionalString("Item code, at most 100 characters, unique among all of the account's lib items (active or not). "+
				"Omit for an item without a code; removing it clears the code. Updatable in place (ServiceTrade refuses a code another item has).",
				stringvalidator.LengthBetween(1, 100)),
			"type": kit.RequiredString("Type of the item, one of `"+strings.Join(api.LibItemTypes, "`, `")+"`. "+
				"ServiceTrade answers with the type capitalised (`Part`, `General Conditions`) on reads and in lowercase on creation: "+
				"the state keeps the lowercase form, so neither makes a diff. Updatable in place.", stringvalidator.OneOf(api.LibItemTypes...)),
			"cost": schema.Float64Attribute{
				Optional: true,
				Description: "Standard cost of the item. Omit for none (ServiceTrade stores null); removing it clears the cost. " +
					"Compared numerically. Updatable in place.",
			},
			"service_line_id": kit.OptionalID("Id of the item's service line (see the `fieldservice_servicetrade_service_line` data source). " +
				"Omit for none; removing it clears it. Updatable in place."),
			"company_id": kit.OptionalID("Id of the company the item is specific to: it is then only offered on jobs and quotes where that company " +
				"is the customer, the vendor or the location owner, and ServiceTrade lists it only when asked for that company's items. " +
				"Omit for a global item; removing it makes the item global. Updatable in place."),
			"taxable": kit.OptionalBool(true, "Whether invoice items using this lib item are taxable by default. Defaults to `true`; updatable in place."),
			"active": kit.OptionalBool(true, "Whether the item is active. Defaults to `true`. An item deactivated outside Terraform is planned back to active "+
				"(an in-place update) while this is true; `false` keeps the item in ServiceTrade, hidden from lists of active items. Updatable in place."),
			"is_generic": kit.ComputedBool("Whether the item represents generic or ad-hoc items, as ServiceTrade reports it (not settable through the API)."),
		},
	}
}

func (r *libItemResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan libItemModel
	r.CreateFrom(ctx, req, resp, &plan, func(ctx context.Context, client *api.Client, diags *diag.Diagnostics) (*api.LibItem, bool) {
		in := plan.toInput()
		code, hasCode := in.Code.Get()
		companyID, _ := in.CompanyID.Get()
		summary := fmt.Sprintf("Creating ServiceTrade lib item %q failed", in.Name)
		if hasCode {
			summary = fmt.Sprintf("Creating ServiceTrade lib item %q (code %q) failed", in.Name, code)
		}
		send := func(ctx context.Context) (*api.LibItem, error) { return client.CreateLibItem(ctx, in) }
		if !hasCode {
			// Without a code there is no key: names are not unique, so a
			// create whose answer was lost is never adopted, and the
			// lookup lists the items that could be it.
			return kit.Send(ctx, &r.Base, diags, summary, send, lostcreate.Lookup[api.LibItem]{
				Match:  fmt.Sprintf("named %q of type %q without a code", in.Name, in.Type),
				Remove: "deactivate it in ServiceTrade (which cannot delete lib items)",
				Find: func(ctx context.Context) ([]api.LibItem, error) {
					list, err := client.ListAllLibItems(ctx, api.LibItemFilter{Name: in.Name, CompanyIDs: companyFilter(companyID)})
					return lostcreate.Keep(list, err, func(li api.LibItem) bool {
						return li.Name == in.Name && li.Code == "" && li.Type.Is(in.Type) && refIs(li.Company, companyID)
					})
				},
				ImportID: func(li api.LibItem) string { return formatID(li.ID) },
			})
		}
		// Codes are unique in ServiceTrade, active or inactive items alike,
		// and they are how people know an item: the code is the natural
		// key checked before the create (which turns ServiceTrade's refusal
		// into the way to import the item), and after a lost answer the
		// item with that code is adopted when it is the one configured.
		// The API lists active items unless asked for inactive ones, so
		// both listings ask for both. They see global items and those of
		// the user's own company (and, after a lost answer, of the
		// configured company); an item of another company with the code
		// is found by ServiceTrade itself, which refuses the create with
		// its message.
		every := func(ctx context.Context) ([]api.LibItem, error) {
			return client.ListAllLibItems(ctx, api.LibItemFilter{})
		}
		return kit.Send(ctx, &r.Base, diags, summary, send, lostcreate.Lookup[api.LibItem]{
			Match:  fmt.Sprintf("with code %q", code),
			Unique: true,
			Remove: "give the configured item another code (ServiceTrade cannot delete lib items, and a deactivated one keeps its code)",
			Find: func(ctx context.Context) ([]api.LibItem, error) {
				list, err := client.ListAllLibItems(ctx, api.LibItemFilter{Code: code, CompanyIDs: companyFilter(companyID)})
				return lostcreate.Keep(list, err, func(li api.LibItem) bool { return li.Code == code })
			},
			ImportID: func(li api.LibItem) string { return formatID(li.ID) },
			Differs: func(li api.LibItem) []string {
				m := plan
				m.fromAPI(&li)
				names, d := lostcreate.PlanDiffs(ctx, req.Plan, &m)
				diags.Append(d...)
				return names
			},
			Key: &lostcreate.Key{
				Value: code, Describe: fmt.Sprintf("code %q", code), Attribute: "code",
				List: kit.Entries(every, func(li api.LibItem) (string, string) { return formatID(li.ID), li.Code }),
				Why:  "ServiceTrade keeps lib item codes unique, inactive items included.",
				Instead: "give this resource another code (ServiceTrade cannot delete lib items; if the existing one is inactive, " +
					"importing it and keeping active = true reactivates it)",
			},
		})
	})
}
