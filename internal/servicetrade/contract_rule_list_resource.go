package servicetrade

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

type contractRuleListFilter struct {
	ContractID types.Int64 `tfsdk:"contract_id"`
}

// NewContractRuleListResource lists fieldservice_servicetrade_contract_rule
// objects: the API lists rules only within their contract.
func NewContractRuleListResource() list.ListResource {
	return listResource(NewContractRuleResource,
		"Lists the rules of one ServiceTrade contract, to import them (`terraform query`). The API lists rules only within their contract.",
		map[string]listschema.Attribute{
			"contract_id": kit.FilterParentID("Id of the contract whose rules are listed."),
		},
		func(ctx context.Context, c *api.Client, f *contractRuleListFilter, found func(kit.Found) bool) error {
			cid := f.ContractID.ValueInt64()
			rules, err := c.ListContractRules(ctx, cid, api.ContractRuleFilter{})
			return kit.Each(rules, err, found, func(r api.ContractRule) kit.Found { return childFound(cid, r.ID, r.Name) })
		})
}
