package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var taxGroupKind = objectKind[api.TaxGroup]{name: "tax group", id: func(tg api.TaxGroup) int64 { return tg.ID }, get: (*api.Client).GetTaxGroup}

// taxGroupDataAttributes are the read-only attributes of a tax group in
// the data sources, but for its keys (id, code, name).
func taxGroupDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"uri":           kit.ReadOnlyString("Absolute API URI of the tax group."),
		"state":         kit.ReadOnlyString("State of the tax group, as ServiceTrade stores it (normally an abbreviation such as `NC`)."),
		"combined_rate": kit.ReadOnlyFloat64("Combined sales tax rate as a decimal fraction: `0.085` is 8.5 %."),
		"postal_codes":  kit.ReadOnlySet(types.StringType, "Postal codes the tax group applies to."),
		"created":       kit.ReadOnlyInt64("When the tax group was created, as a Unix timestamp (seconds)."),
		"updated":       kit.ReadOnlyInt64("When the tax group was last changed, as a Unix timestamp (seconds)."),
	}
}

// NewTaxGroupDataSource is the fieldservice_servicetrade_tax_group data
// source.
func NewTaxGroupDataSource() datasource.DataSource {
	attrs := taxGroupDataAttributes()
	d := lookupSource[taxGroupModel, api.TaxGroup]("tax_group", "tax group",
		"Looks up one ServiceTrade tax group by `id`, by exact `code` or by exact `name`. "+
			"Fails when no tax group, or more than one, has that code or name.",
		[]sourceKey[api.TaxGroup]{
			{attr: "code", description: "Exact, case-sensitive code of the tax group (such as `WAKE2021`).", of: func(tg api.TaxGroup) string { return tg.Code }},
			{attr: "name", description: "Exact, case-sensitive name of the tax group.", of: func(tg api.TaxGroup) string { return tg.Name }},
		},
		attrs)
	d.Spec = func(ctx context.Context, client *api.Client, cfg *taxGroupModel) lookup.Spec[api.TaxGroup] {
		// The API's code and name filters are substring matches: they
		// narrow the listing, and the look-up keeps the exact matches.
		return taxGroupKind.spec(ctx, client, func(k lookup.Key[api.TaxGroup]) ([]api.TaxGroup, error) {
			f := api.TaxGroupFilter{}
			if k.Attr == "code" {
				f.Code = k.Value.ValueString()
			} else {
				f.Name = k.Value.ValueString()
			}
			return client.ListTaxGroups(ctx, f)
		})
	}
	d.SetDiags = (*taxGroupModel).fromAPI
	return d
}
