package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
)

// Contract rule types.
const (
	ContractRuleAdditionalCharge = "additionalcharge"
	ContractRuleMarkup           = "markup"
)

// ContractRuleTypes are the documented rule types.
var ContractRuleTypes = []string{"unit", "range", "bundle", "stack", "minimum", "nte", ContractRuleMarkup, "margin", "admincharge", ContractRuleAdditionalCharge}

// ContractRule is a pricing rule of a contract
// (GET /contract/{contractId}/rule/{ruleId}).
type ContractRule struct {
	ID   int64  `json:"id"`
	URI  string `json:"uri"`
	Name string `json:"name"`
	Type string `json:"type"`
	// Price is a unit price, or a percentage for markup and margin rules.
	// The API returns 30 for 30.00.
	Price float64 `json:"price"`
	// Threshold is nil when unset.
	Threshold *float64   `json:"threshold"`
	Contract  *Reference `json:"contract"`
	Created   int64      `json:"created"`
	Updated   int64      `json:"updated"`
	// LibItems are the items the rule applies to. The API names the list
	// "libItems", except in PUT responses ("libItemIds", still holding
	// objects); both are read.
	LibItems []RuleLibItem `json:"-"`
	// ServiceLine is the service line of an additionalcharge rule, nil for
	// the others. The API documents an object but returns an array for
	// additionalcharge rules; both are read.
	ServiceLine *ServiceLine `json:"-"`
}

// RuleLibItem is the short form of a lib item nested in a rule. Its type is
// lowercase ("part"), unlike GET /libitem's.
type RuleLibItem struct {
	ID   int64       `json:"id"`
	URI  string      `json:"uri"`
	Name string      `json:"name"`
	Type LibItemType `json:"type"`
	Code string      `json:"code"`
}

// LibItemIDs returns the ids of the rule's lib items.
func (r *ContractRule) LibItemIDs() []int64 {
	ids := make([]int64, 0, len(r.LibItems))
	for _, li := range r.LibItems {
		ids = append(ids, li.ID)
	}
	return ids
}

// UnmarshalJSON reads a rule leniently: the lib items under "libItems" or
// "libItemIds" (as objects or bare ids), and serviceLine as null, an object
// or an array of one object.
func (r *ContractRule) UnmarshalJSON(b []byte) error {
	type plain ContractRule
	var aux struct {
		plain
		LibItems    json.RawMessage `json:"libItems"`
		LibItemIDs  json.RawMessage `json:"libItemIds"`
		ServiceLine json.RawMessage `json:"serviceLine"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*r = ContractRule(aux.plain)
	raw := aux.LibItems
	if isJSONNull(raw) {
		raw = aux.LibItemIDs
	}
	items, err := decodeRuleLibItems(raw)
	if err != nil {
		return err
	}
	r.LibItems = items
	sl, err := decodeRuleServiceLine(aux.ServiceLine)
	if err != nil {
		return err
	}
	r.ServiceLine = sl
	return nil
}

func isJSONNull(b json.RawMessage) bool {
	t := bytes.TrimSpace(b)
	return len(t) == 0 || string(t) == "null"
}

func decodeRuleLibItems(raw json.RawMessage) ([]RuleLibItem, error) {
	if isJSONNull(raw) {
		return nil, nil
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		return nil, fmt.Errorf("contract rule lib items are not a list: %w", err)
	}
	items := make([]RuleLibItem, 0, len(elems))
	for _, e := range elems {
		var li RuleLibItem
		if t := bytes.TrimSpace(e); len(t) > 0 && t[0] == '{' {
			if err := json.Unmarshal(t, &li); err != nil {
				return nil, fmt.Errorf("decoding a contract rule lib item: %w", err)
			}
		} else if err := json.Unmarshal(t, &li.ID); err != nil {
			return nil, fmt.Errorf("a contract rule lib item is neither an object nor an id: %s", t)
		}
		items = append(items, li)
	}
	return items, nil
}

func decodeRuleServiceLine(raw json.RawMessage) (*ServiceLine, error) {
	t := bytes.TrimSpace(raw)
	if isJSONNull(t) {
		return nil, nil
	}
	if t[0] == '[' {
		var list []ServiceLine
		if err := json.Unmarshal(t, &list); err != nil {
			return nil, fmt.Errorf("decoding a contract rule service line list: %w", err)
		}
		switch len(list) {
		case 0:
			return nil, nil
		case 1:
			return &list[0], nil
		default:
			return nil, fmt.Errorf("a contract rule has %d service lines; expected one", len(list))
		}
	}
	var sl ServiceLine
	if err := json.Unmarshal(t, &sl); err != nil {
		return nil, fmt.Errorf("decoding a contract rule service line: %w", err)
	}
	return &sl, nil
}

// ContractRuleInput is the body of POST /contract/{id}/rule. LibItemIDs and
// ServiceLineID are required for additionalcharge rules; ServiceLineID is
// refused for the other types. A nil Price takes the API's default, 0.
type ContractRuleInput struct {
	Type          string   `json:"type"`
	Name          string   `json:"name"`
	Price         *float64 `json:"price,omitempty"`
	Threshold     *float64 `json:"threshold,omitempty"`
	LibItemIDs    []int64  `json:"libItemIds,omitempty"`
	ServiceLineID *int64   `json:"serviceLineId,omitempty"`
}

// ContractRuleUpdate is the body of PUT /contract/{id}/rule/{ruleId}, a
// partial update. It has no type: a rule of another type is a new rule.
type ContractRuleUpdate struct {
	Name      *string           `json:"name,omitempty"`
	Price     *float64          `json:"price,omitempty"`
	Threshold Nullable[float64] `json:"threshold,omitzero"`
	// LibItemIDs: nil is not sent; an empty slice removes every item.
	LibItemIDs    []int64         `json:"libItemIds,omitzero"`
	ServiceLineID Nullable[int64] `json:"serviceLineId,omitzero"`
}

// ContractRuleFilter narrows GET /contract/{id}/rule.
type ContractRuleFilter struct {
	Type string
	// Inherit adds the rules of the parent contracts.
	Inherit bool
	// LibItemName keeps rules for lib items whose name contains it.
	LibItemName string
}

// ContractRuleDates is the created/updated range that GET /contractrule
// requires (at least one bound). Zero bounds are not sent.
type ContractRuleDates struct {
	CreatedAfter, CreatedBefore, UpdatedAfter, UpdatedBefore int64
}

// contractRules are the rules of one contract, at /contract/{id}/rule; a
// list page holds them under "rules".
func contractRules(contractID int64) collection[ContractRule] {
	return nested[ContractRule](contracts, contractID, "rule", "rules")
}

// changedContractRules is the index of every contract's rules
// (/contractrule), listed by date range.
var changedContractRules = collection[ContractRule]{path: "/contractrule", listKey: "rules"}

// GetContractRule reads one rule; IsNotFound(err) when the rule or the
// contract does not exist (or the rule is another contract's).
func (c *Client) GetContractRule(ctx context.Context, contractID, id int64) (*ContractRule, error) {
	return contractRules(contractID).get(ctx, c, id)
}

// CreateContractRule creates a rule on a contract and returns it as stored.
func (c *Client) CreateContractRule(ctx context.Context, contractID int64, in ContractRuleInput) (*ContractRule, error) {
	return contractRules(contractID).create(ctx, c, in)
}

// UpdateContractRule changes the fields set in in and returns the rule as
// stored.
func (c *Client) UpdateContractRule(ctx context.Context, contractID, id int64, in ContractRuleUpdate) (*ContractRule, error) {
	return contractRules(contractID).update(ctx, c, id, in)
}

// DeleteContractRule deletes a rule (204).
func (c *Client) DeleteContractRule(ctx context.Context, contractID, id int64) error {
	return contractRules(contractID).delete(ctx, c, id)
}

// ListContractRules returns a contract's rules matching f, across all pages;
// IsNotFound(err) when the contract does not exist.
func (c *Client) ListContractRules(ctx context.Context, contractID int64, f ContractRuleFilter) ([]ContractRule, error) {
	q := query{}.text("type", f.Type).flag("inherit", f.Inherit).text("libItemName", f.LibItemName)
	return contractRules(contractID).list(ctx, c, q)
}

// ListContractRulesChanged returns the rules, of any contract, created or
// updated within the range (GET /contractrule), across all pages.
func (c *Client) ListContractRulesChanged(ctx context.Context, d ContractRuleDates) ([]ContractRule, error) {
	q := query{}.id("createdAfter", d.CreatedAfter).id("createdBefore", d.CreatedBefore).
		id("updatedAfter", d.UpdatedAfter).id("updatedBefore", d.UpdatedBefore)
	if len(q) == 0 {
		return nil, fmt.Errorf("listing ServiceTrade contract rules across contracts needs a created or updated date range")
	}
	return changedContractRules.list(ctx, c, q)
}
