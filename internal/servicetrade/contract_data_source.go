package servicetrade

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var _ datasource.DataSourceWithValidateConfig = (*contractDataSource)(nil)

// NewContractDataSource is the fieldservice_servicetrade_contract data
// source.
func NewContractDataSource() datasource.DataSource {
	return &contractDataSource{kit.Lookup[*api.Client, contractDataModel, api.Contract]{
		DataBase: vendor.DataSource("contract"), Definition: contractDataSchema(), Spec: contractSpec, SetDiags: (*contractDataModel).fromAPI,
		Keys: []lookup.Key[api.Contract]{{Attr: "name", Of: func(c api.Contract) string { return c.Name }}},
	}}
}

// contractDataSource is a kit.Lookup with its own ValidateConfig: a name
// needs a vendor or a customer to look among.
type contractDataSource struct {
	kit.Lookup[*api.Client, contractDataModel, api.Contract]
}

func contractDataSchema() schema.Schema {
	return schema.Schema{
		Description: "Looks up one ServiceTrade contract by `id`, or by exact `name` within the contracts of a vendor (`vendor_id`) or of a customer " +
			"(`customer_id`): the API cannot list contracts without one of them, so templates (which have neither) can only be read by id. " +
			"Inactive contracts are found too (see `active`). Fails when no contract, or more than one, has that name in that scope.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Optional: true, Computed: true, Description: "Numeric id of the contract. Give exactly one of `id` and `name`."},
			"name": schema.StringAttribute{Optional: true, Computed: true,
				Description: "Exact, case-sensitive name of the contract. Give exactly one of `id` and `name`; with `name`, give `vendor_id`, `customer_id` or both."},
			"vendor_id": schema.Int64Attribute{Optional: true, Computed: true,
				Description: "With `name`: look among the contracts of this vendor company. Otherwise computed: the contract's vendor, or null."},
			"customer_id": schema.Int64Attribute{Optional: true, Computed: true,
				Description: "With `name`: look among the contracts of this customer company. Otherwise computed: the contract's customer, or null."},
			"uri":                  kit.ReadOnlyString("Absolute API URI of the contract."),
			"type":                 kit.ReadOnlyString("Kind of contract: `default`, `company`, `template`, or another type ServiceTrade reports (`addendum`, `quote`)."),
			"parent_id":            kit.ReadOnlyInt64("Id of the parent contract, or null."),
			"region_id":            kit.ReadOnlyInt64("Id of the region the contract is limited to, or null."),
			"office_id":            kit.ReadOnlyInt64("Id of the office the contract is limited to, or null."),
			"location_id":          kit.ReadOnlyInt64("Id of the location the contract is limited to, or null."),
			"owner_id":             kit.ReadOnlyInt64("Id of the user who owns the contract, or null."),
			"sales_id":             kit.ReadOnlyInt64("Id of the contract's salesperson, or null."),
			"job_terms_id":         kit.ReadOnlyInt64("Id of the default job terms, or null."),
			"quote_terms_id":       kit.ReadOnlyInt64("Id of the default quote terms, or null."),
			"invoice_terms_id":     kit.ReadOnlyInt64("Id of the default invoice terms, or null."),
			"payment_terms_id":     kit.ReadOnlyInt64("Id of the default payment terms, or null."),
			"starts_on":            kit.ReadOnlyString("Day the contract takes effect (`2026-01-31`, the UTC day of ServiceTrade's timestamp), or null."),
			"expires_on":           kit.ReadOnlyString("Day the contract expires, or null."),
			"review_on":            kit.ReadOnlyString("Day the contract should be reviewed, or null."),
			"job_type":             kit.ReadOnlyString("Job type the contract is limited to, or null."),
			"description":          kit.ReadOnlyString("Description; empty when none."),
			"expected_revenue":     kit.ReadOnlyFloat64("Revenue expected over the contract's life, or null."),
			"expected_margin":      kit.ReadOnlyFloat64("Margin expected over the contract's life, as a percentage, or null."),
			"customer_po":          kit.ReadOnlyString("Customer purchase order number, or null."),
			"invoice_notes":        kit.ReadOnlyString("Notes copied to the contract's invoices; empty when none."),
			"invoice_detail_level": kit.ReadOnlySet(types.StringType, "Default detail level of invoices."),
			"quote_detail_level":   kit.ReadOnlySet(types.StringType, "Default detail level of quotes."),
			"active":               kit.ReadOnlyBool("Whether the contract is active (destroying a contract resource deactivates it)."),
			"revenue":              kit.ReadOnlyFloat64("Total revenue, or null until ServiceTrade has calculated it."),
			"actual_margin":        kit.ReadOnlyFloat64("Actual margin percentage, or null."),
			"total_cost":           kit.ReadOnlyFloat64("Sum of the costs of the job items of the contract's completed jobs."),
			"complexity":           kit.ReadOnlyString("`simple` or `complex`."),
			"created":              kit.ReadOnlyInt64("When the contract was created, as a Unix timestamp."),
			"updated":              kit.ReadOnlyInt64("When the contract was last changed, as a Unix timestamp."),
		},
	}
}

// ValidateConfig: exactly one of id and name; a name needs a vendor or
// customer scope; an id takes no scope.
func (d *contractDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var cfg contractDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	hasID, hasName := !cfg.ID.IsNull(), !cfg.Name.IsNull()
	hasScope := !cfg.VendorID.IsNull() || !cfg.CustomerID.IsNull()
	switch {
	case hasID == hasName:
		resp.Diagnostics.AddError("Give exactly one of id and name",
			"The fieldservice_servicetrade_contract data source looks a contract up by id, or by name within a vendor_id or customer_id.")
	case hasName && !hasScope:
		resp.Diagnostics.AddAttributeError(path.Root("name"), "A contract name lookup needs vendor_id or customer_id",
			"ServiceTrade cannot list contracts without a vendor, a customer or a job, so a name is looked up among the contracts of vendor_id, "+
				"customer_id, or both. Template contracts have neither: read them by id.")
	case hasID && hasScope:
		resp.Diagnostics.AddAttributeError(path.Root("id"), "vendor_id and customer_id are only for name lookups",
			"Remove vendor_id and customer_id when looking a contract up by id; they are then read from the contract.")
	}
}

var contractKind = objectKind[api.Contract]{name: "contract", id: func(c api.Contract) int64 { return c.ID }, get: (*api.Client).GetContract}

// contractSpec looks a contract up by id, or by name among the contracts
// of the configured vendor or customer.
func contractSpec(ctx context.Context, client *api.Client, cfg *contractDataModel) lookup.Spec[api.Contract] {
	f := api.ContractFilter{VendorID: cfg.VendorID.ValueInt64(), CustomerID: cfg.CustomerID.ValueInt64()}
	var scope []string
	if f.VendorID != 0 {
		scope = append(scope, fmt.Sprintf("vendor %d", f.VendorID))
	}
	if f.CustomerID != 0 {
		scope = append(scope, fmt.Sprintf("customer %d", f.CustomerID))
	}
	s := contractKind.spec(ctx, client, func(k lookup.Key[api.Contract]) ([]api.Contract, error) {
		f.Name = k.Value.ValueString()
		return client.ListContracts(ctx, f)
	})
	s.Scope = "of " + strings.Join(scope, " and ")
	s.Explain = func(msg string, _ bool) string {
		return msg + " among the contracts of " + strings.Join(scope, " and ")
	}
	return s
}
