package servicetrade

import (
	"encoding/json"
	"math"
)

// Contract rules, each of one contract. The API's rules apply: a service
// line for additionalcharge rules only, which need lib items and a service
// line; a threshold that is a whole number except on markup rules.

// seedContractRule is a contract rule entry.
type seedContractRule struct {
	ID            int64    `json:"id"`
	ContractID    int64    `json:"contractId"`
	Type          string   `json:"type"`
	Name          string   `json:"name"`
	Price         float64  `json:"price"`
	Threshold     *float64 `json:"threshold,omitempty"`
	LibItemIDs    []int64  `json:"libItemIds,omitempty"`
	ServiceLineID int64    `json:"serviceLineId,omitempty"`
	seedStamp
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "contract_rules", after: []string{"contracts", "lib_items", "service_lines"}, ids: true,
		load: loadContractRules,
		dump: func(s *Server) any {
			return dumpSorted(s.contractRules, func(r *contractRule) seedContractRule {
				return seedContractRule{ID: r.ID, ContractID: r.ContractID, Type: r.Type, Name: r.Name, Price: r.Price,
					Threshold: r.Threshold, LibItemIDs: r.LibItemIDs, ServiceLineID: r.ServiceLineID,
					seedStamp: seedStamp{ptr(r.Created), ptr(r.Updated)}}
			})
		},
	})
}

func loadContractRules(l *seedLoader, raw json.RawMessage) {
	s := l.s
	for _, it := range seedEntries[seedContractRule](l, "contract_rules", raw, "name") {
		v := it.v
		it.required("name", v.Name)
		if it.required("type", v.Type) {
			it.oneOf("type", v.Type, "", contractRuleTypes)
		}
		requiredRef(it.seedEntry, "contractId", v.ContractID, s.contracts, "a contract", "contracts")
		it.refList("libItemIds", v.LibItemIDs, func(field string, id int64) bool {
			return ref(it.seedEntry, field, id, s.libItems, "a lib item", "lib_items")
		})
		ref(it.seedEntry, "serviceLineId", v.ServiceLineID, s.serviceLines, "a service line", "service_lines")
		switch {
		case v.Type == "additionalcharge" && (len(v.LibItemIDs) == 0 || v.ServiceLineID == 0):
			it.fail("an additionalcharge rule needs libItemIds and a serviceLineId")
		case v.Type != "additionalcharge" && v.ServiceLineID != 0:
			it.fail("serviceLineId is allowed only for additionalcharge rules")
		}
		if t := v.Threshold; t != nil && v.Type != "markup" && *t != math.Trunc(*t) {
			it.fail("threshold %v is not a whole number: only markup rules take a decimal threshold", *t)
		}
		rule := &contractRule{ContractID: v.ContractID, Type: v.Type, Name: v.Name, Price: v.Price, Threshold: v.Threshold,
			LibItemIDs: orEmpty(v.LibItemIDs), ServiceLineID: v.ServiceLineID}
		rule.Created, rule.Updated = it.stamps(v.Created, v.Updated)
		if id, ok := it.id(v.ID); ok {
			rule.ID = id
			s.contractRules[id] = rule
		}
	}
}
