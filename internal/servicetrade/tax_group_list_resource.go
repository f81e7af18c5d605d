package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type taxGroupListFilter struct {
	Name       types.String `tfsdk:"name"`
	Code       types.String `tfsdk:"code"`
	State      types.String `tfsdk:"state"`
	PostalCode types.String `tfsdk:"postal_code"`
}

// NewTaxGroupListResource lists fieldservice_servicetrade_tax_group
// objects, with the list filters the API documents (but the exclusion of
// one id, which no one adopting an account needs).
func NewTaxGroupListResource() list.ListResource {
	return listResource(NewTaxGroupResource,
		"Lists the sales tax groups of the ServiceTrade account, every one or those the filter selects (every filter set must match), "+
			"to import them (`terraform query`). The reference does not say whether its substring filters (`name`, `code`, `postal_code`) ignore case.",
		map[string]listschema.Attribute{
			"name": kit.FilterString("Only tax groups whose name contains this text (ServiceTrade's \"substring to find in the tax group name\"). " +
				"Unset: tax groups of any name."),
			"code": kit.FilterString("Only tax groups whose code contains this text (ServiceTrade's \"substring to find in the tax group code\"): " +
				"a substring, not an exact code. Unset: tax groups of any code."),
			"state": kit.FilterString("Only tax groups whose state is exactly this text, such as `NC` (ServiceTrade's \"string that exactly equals the state\"). " +
				"Unset: tax groups of every state."),
			"postal_code": kit.FilterString("Only tax groups with a postal code that contains this text (ServiceTrade's \"substring to find in the tax group postal codes\"), " +
				"such as `27513`. Unset: tax groups of any postal codes, or none."),
		},
		func(ctx context.Context, c *api.Client, f *taxGroupListFilter, found func(kit.Found) bool) error {
			groups, err := c.ListTaxGroups(ctx, api.TaxGroupFilter{
				Name: f.Name.ValueString(), Code: f.Code.ValueString(), State: f.State.ValueString(), PostalCode: f.PostalCode.ValueString(),
			})
			return kit.Each(groups, err, found, func(g api.TaxGroup) kit.Found { return numberedFound(g.ID, g.Name) })
		})
}
