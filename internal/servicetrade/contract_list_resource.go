package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type contractListFilter struct {
	VendorID   types.Int64  `tfsdk:"vendor_id"`
	CustomerID types.Int64  `tfsdk:"customer_id"`
	Name       types.String `tfsdk:"name"`
	Active     types.Bool   `tfsdk:"active"`
}

// NewContractListResource lists fieldservice_servicetrade_contract
// objects. The API has no unfiltered contract list (405): it lists the
// contracts of a vendor, a customer or a job, so the filter needs a
// vendor or a customer (the provider knows no jobs).
func NewContractListResource() list.ListResource {
	return kit.NewListResource(kit.ListResource[*api.Client, contractListFilter]{
		Vendor: vendor, Resource: NewContractResource,
		Description: "Lists the contracts of a ServiceTrade vendor or customer company, to import them (`terraform query`): " +
			"set `vendor_id`, `customer_id` or both, as ServiceTrade lists contracts only by company (it has no list of every contract). " +
			"Active contracts only unless `active = false`.",
		Filter: map[string]listschema.Attribute{
			"vendor_id": kit.FilterID("Only the contracts whose vendor is this company (its id; usually the account's own company): " +
				"its `default` and `company` contracts. At least one of `vendor_id` and `customer_id` is required."),
			"customer_id": kit.FilterID("Only the contracts whose customer is this company (its id): its `company` contracts. " +
				"At least one of `vendor_id` and `customer_id` is required."),
			"name": kit.FilterString("Only contracts whose name contains this text (ServiceTrade's own filter; its reference does not say whether case matters). " +
				"Unset: every name."),
			"active": kit.FilterBool("`true`, or unset, lists active contracts only; `false` lists deactivated ones only " +
				"(those destroyed through Terraform, which ServiceTrade can only deactivate, or retired). " +
				"The provider filters on the contracts' `active`: ServiceTrade has no such filter. Use two list blocks for both."),
		},
		Validate: validateContractListFilter,
		Find: func(ctx context.Context, c *api.Client, f *contractListFilter, found func(kit.Found) bool) error {
			contracts, err := c.ListContracts(ctx, api.ContractFilter{VendorID: f.VendorID.ValueInt64(), CustomerID: f.CustomerID.ValueInt64(), Name: f.Name.ValueString()})
			if err != nil {
				return err
			}
			// Unset means active, as lib items and warehouses list by
			// default: a destroyed contract is only deactivated.
			active := f.Active.IsNull() || f.Active.ValueBool()
			kept := contracts[:0]
			for _, ct := range contracts {
				if ct.Active == active {
					kept = append(kept, ct)
				}
			}
			return kit.Each(kept, nil, found, func(ct api.Contract) kit.Found { return numberedFound(ct.ID, ct.Name) })
		},
	})()
}

// validateContractListFilter fails a filter with neither a vendor nor a
// customer, which ServiceTrade refuses (405), naming both attributes. An
// unknown value may turn out set: it is left to the list.
func validateContractListFilter(f *contractListFilter, diags *diag.Diagnostics) {
	if f.VendorID.IsNull() && f.CustomerID.IsNull() {
		diags.AddAttributeError(path.Root("vendor_id"), "vendor_id or customer_id is required",
			"ServiceTrade lists contracts only by vendor, customer or job, not all at once: set vendor_id (usually the account's own company), "+
				"customer_id, or both.")
	}
}
