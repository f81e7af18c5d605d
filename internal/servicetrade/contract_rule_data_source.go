package servicetrade

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/kit"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

var contractRuleKind = objectKind[api.ContractRule]{name: "contract rule", id: func(r api.ContractRule) int64 { return r.ID }}

// NewContractRuleDataSource is the fieldservice_servicetrade_contract_rule
// data source.
func NewContractRuleDataSource() datasource.DataSource {
	d := lookupSource[contractRuleModel, api.ContractRule]("contract_rule", "rule",
		"Looks up one pricing rule of a ServiceTrade contract by `id` or by exact `name` among that contract's own rules "+
			"(not those it inherits from its parents). Fails when no rule, or more than one, has that name.",
		[]sourceKey[api.ContractRule]{{attr: "name", description: "Exact, case-sensitive name of the rule.", of: func(r api.ContractRule) string { return r.Name }}},
		map[string]schema.Attribute{
			"contract_id":     kit.DataParentID("Id of the contract whose rule to read."),
			"uri":             kit.ReadOnlyString("Absolute API URI of the rule."),
			"type":            kit.ReadOnlyString("Kind of rule (`unit`, `range`, `bundle`, `stack`, `minimum`, `nte`, `markup`, `margin`, `admincharge` or `additionalcharge`)."),
			"price":           kit.ReadOnlyFloat64("Unit price, or a percentage for markup and margin rules."),
			"threshold":       kit.ReadOnlyFloat64("Quantity (or, for markup rules, cost) the rule applies up to, or null."),
			"lib_item_ids":    kit.ReadOnlySet(types.Int64Type, "Ids of the lib items the rule applies to (empty for a general rule)."),
			"service_line_id": kit.ReadOnlyInt64("Id of the service line of an additionalcharge rule, or null."),
		})
	d.Spec = func(ctx context.Context, client *api.Client, cfg *contractRuleModel) lookup.Spec[api.ContractRule] {
		contractID := cfg.ContractID.ValueInt64()
		s := contractRuleKind.spec(ctx, client, listAll(func() ([]api.ContractRule, error) {
			return client.ListContractRules(ctx, contractID, api.ContractRuleFilter{})
		}))
		s.Get = byIDOf("contract rule", func(id int64) string { return fmt.Sprintf("rule %d of ServiceTrade contract %d", id, contractID) },
			func(id int64) (*api.ContractRule, error) { return client.GetContractRule(ctx, contractID, id) })
		s.Scope = fmt.Sprintf("of contract %d", contractID)
		s.Explain = func(msg string, _ bool) string { return fmt.Sprintf("%s on contract %d", msg, contractID) }
		return s
	}
	d.SetDiags = func(m *contractRuleModel, rule *api.ContractRule) diag.Diagnostics {
		// Not null: a rule without lib items has an empty set.
		m.LibItemIDs = types.SetValueMust(types.Int64Type, nil)
		return m.fromAPI(m.ContractID.ValueInt64(), rule)
	}
	return d
}
