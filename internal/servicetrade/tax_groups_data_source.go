package servicetrade

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// NewTaxGroupsDataSource is the fieldservice_servicetrade_tax_groups data
// source.
func NewTaxGroupsDataSource() datasource.DataSource {
	attrs := taxGroupDataAttributes()
	attrs["id"] = kit.ReadOnlyString("Numeric id of the tax group (the import id of `fieldservice_servicetrade_tax_group`).")
	attrs["code"] = kit.ReadOnlyString("Code of the tax group.")
	attrs["name"] = kit.ReadOnlyString("Name of the tax group.")
	filter := func(what string) schema.StringAttribute {
		return kit.DataFilterString("Keep only tax groups " + what + ". Omit for no such filter.")
	}
	return &kit.List[*api.Client, taxGroupsModel, api.TaxGroup, taxGroupModel]{
		DataBase: vendor.DataSource("tax_groups"),
		Description: "Lists the ServiceTrade tax groups of the account, including those Terraform did not create, optionally filtered: " +
			"use it with `for_each` in `import` blocks to adopt an existing account. Every filter is an exact, case-sensitive match; " +
			"filters given together must all match.",
		Filters: map[string]schema.Attribute{
			"code":        filter("whose code is exactly this text"),
			"name":        filter("whose name is exactly this text"),
			"state":       filter("whose state is exactly this text (such as `NC`)"),
			"postal_code": filter("that apply to exactly this postal code (one of their `postal_codes`)"),
		},
		Items:   "The matching tax groups, in ServiceTrade's order.",
		Element: attrs,
		List: func(ctx context.Context, client *api.Client, cfg *taxGroupsModel) ([]api.TaxGroup, error) {
			code, name, state, postal := cfg.Code.ValueString(), cfg.Name.ValueString(), cfg.State.ValueString(), cfg.PostalCode.ValueString()
			list, err := client.ListTaxGroups(ctx, api.TaxGroupFilter{Code: code, Name: name, State: state, PostalCode: postal})
			if err != nil {
				return nil, err
			}
			// ServiceTrade matches code, name and postal code as
			// substrings: keep the exact matches. (An empty filter
			// attribute ("") is no filter, as for the API.)
			return slices.DeleteFunc(list, func(tg api.TaxGroup) bool {
				return (code != "" && tg.Code != code) || (name != "" && tg.Name != name) || (state != "" && tg.State != state) ||
					(postal != "" && !slices.Contains(tg.PostalCodes, postal))
			}), nil
		},
		Of:       func(m *taxGroupsModel) *[]taxGroupModel { return &m.TaxGroups },
		SetDiags: (*taxGroupModel).fromAPI,
	}
}

type taxGroupsModel struct {
	Code       types.String    `tfsdk:"code"`
	Name       types.String    `tfsdk:"name"`
	State      types.String    `tfsdk:"state"`
	PostalCode types.String    `tfsdk:"postal_code"`
	TaxGroups  []taxGroupModel `tfsdk:"tax_groups"`
}
