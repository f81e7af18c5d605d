package servicetrade

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// contractRule is a pricing rule of a contract
// (/contract/{contractId}/rule/{ruleId}).
type contractRule struct {
	ID, ContractID int64
	Type, Name     string
	Price          float64
	Threshold      *float64
	LibItemIDs     []int64
	// ServiceLineID is 0 when unset; only additionalcharge rules have one.
	ServiceLineID    int64
	Created, Updated int64
}

// contractRuleTypes are the documented rule types.
var contractRuleTypes = []string{"unit", "range", "bundle", "stack", "minimum", "nte", "markup", "margin", "admincharge", "additionalcharge"}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.contractRules = map[int64]*contractRule{}
		mux.HandleFunc("/contract/{id}/rule", s.protected(s.contractRuleCollection))
		mux.HandleFunc("/contract/{id}/rule/{ruleId}", s.protected(s.contractRuleItem))
		mux.HandleFunc("/contractrule", s.protected(s.contractRuleIndex))
	})
}

// contractRuleJSON renders a rule. libItemsKey is "libItems", except in the
// PUT response, which the reference shows as "libItemIds" while still
// holding lib item objects (a doc bug reproduced on purpose, for clients to
// tolerate). serviceLine is an array for additionalcharge rules, as every
// such example shows although the field table documents an object, and
// null for the other types. Called with s.mu held.
func (s *Server) contractRuleJSON(r *http.Request, rule *contractRule, libItemsKey string) map[string]any {
	items := []map[string]any{}
	for _, id := range rule.LibItemIDs {
		li := s.libItems[id]
		if li == nil {
			continue
		}
		var code any
		if li.Code != "" {
			code = li.Code
		}
		// Nested lib items carry the lowercase type, as the rule examples
		// show ("part", "inspection").
		items = append(items, map[string]any{"id": li.ID, "uri": s.uri(r, "libitem", li.ID), "name": li.Name, "type": li.Type, "code": code})
	}
	var serviceLine any
	if rule.Type == "additionalcharge" {
		lines := []map[string]any{}
		if sl := s.serviceLines[rule.ServiceLineID]; sl != nil {
			lines = append(lines, s.serviceLineJSON(r, sl))
		}
		serviceLine = lines
	}
	return map[string]any{
		"id": rule.ID, "uri": s.uri(r, "contract", rule.ContractID) + "/rule/" + strconv.FormatInt(rule.ID, 10),
		"name": rule.Name, "contract": s.contractRefJSON(r, s.contracts[rule.ContractID]),
		"type": rule.Type, "price": rule.Price, "threshold": rule.Threshold,
		libItemsKey: items, "serviceLine": serviceLine,
		"created": rule.Created, "updated": rule.Updated,
	}
}

// ruleJSON renders a rule as every answer but the PUT one does.
func (s *Server) ruleJSON(r *http.Request, rule *contractRule) map[string]any {
	return s.contractRuleJSON(r, rule, "libItems")
}

func (s *Server) contractRuleCollection(w http.ResponseWriter, r *http.Request) {
	cid, ok := pathID(w, r, "contract")
	if !ok {
		return
	}
	// The collection answers for its contract: GET and POST find it (or
	// 404) as an item path would; PUT and DELETE on the collection are not
	// documented: 405.
	serveObject(s, w, r, byID(s.contracts, "contract", cid), objectVerbs[contract]{
		get: func(c *contract) { s.listContractRules(w, r, c) },
		post: func(c *contract, fields map[string]json.RawMessage) {
			rule := &contractRule{ContractID: c.ID}
			if v := s.applyContractRule(rule, fields, true); v != nil {
				writeValidation(w, v)
				return
			}
			rule.ID, rule.Created, rule.Updated = s.newRecord()
			s.contractRules[rule.ID] = rule
			writeData(w, s.ruleJSON(r, rule))
		},
	})
}

func (s *Server) contractRuleItem(w http.ResponseWriter, r *http.Request) {
	cid, ok := pathID(w, r, "contract")
	if !ok {
		return
	}
	rid, err := strconv.ParseInt(r.PathValue("ruleId"), 10, 64)
	if err != nil {
		writeError(w, http.StatusNotFound, "rule or contract not found")
		return
	}
	find := func() (*contractRule, string) {
		if rule := s.contractRules[rid]; s.contracts[cid] != nil && rule != nil && rule.ContractID == cid {
			return rule, ""
		}
		return nil, fmt.Sprintf("rule %d or contract %d not found", rid, cid)
	}
	serveObject(s, w, r, find, objectVerbs[contractRule]{
		get: func(rule *contractRule) { writeData(w, s.ruleJSON(r, rule)) },
		put: func(rule *contractRule, fields map[string]json.RawMessage) {
			// PUT is a partial update: only the fields sent change.
			updated := *rule
			updated.LibItemIDs = slices.Clone(rule.LibItemIDs)
			if v := s.applyContractRule(&updated, fields, false); v != nil {
				writeValidation(w, v)
				return
			}
			updated.Updated = max(time.Now().Unix(), rule.Updated)
			*rule = updated
			writeData(w, s.contractRuleJSON(r, rule, "libItemIds"))
		},
		delete: func(rule *contractRule) {
			delete(s.contractRules, rule.ID)
			w.WriteHeader(http.StatusNoContent)
		},
	})
}

// applyContractRule copies POST/PUT fields onto rule and returns validation
// errors. The parameter table is shared by POST and PUT; type and name are
// required on POST, and libItemIds and serviceLineId "for POST of
// additionalcharge". Called with s.mu held.
func (s *Server) applyContractRule(rule *contractRule, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	bad := func(field, msg string) { v[field] = append(v[field], msg) }

	if raw, sent := f["type"]; sent || create {
		var typ string
		if err := json.Unmarshal(raw, &typ); err != nil || typ == "" {
			bad("type", "type is required: one of "+strings.Join(contractRuleTypes, ", "))
		} else if !slices.Contains(contractRuleTypes, typ) {
			bad("type", fmt.Sprintf("type must be one of %s, got %q", strings.Join(contractRuleTypes, ", "), typ))
		} else {
			rule.Type = typ
		}
	}
	requiredString(f, v, "name", create, &rule.Name)
	if raw, sent := f["price"]; sent {
		// "defaults to 0" on POST; null is not a price.
		var p *float64
		if err := json.Unmarshal(raw, &p); err != nil || p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
			bad("price", "price must be numeric")
		} else {
			rule.Price = *p
		}
	}
	thresholdSent := false
	if raw, sent := f["threshold"]; sent {
		var t *float64
		if err := json.Unmarshal(raw, &t); err != nil || (t != nil && (math.IsNaN(*t) || math.IsInf(*t, 0))) {
			bad("threshold", "threshold must be numeric or null")
		} else {
			rule.Threshold = t
			thresholdSent = t != nil
		}
	}
	libItemsSent := false
	if raw, sent := f["libItemIds"]; sent {
		var ids []int64
		if err := json.Unmarshal(raw, &ids); err != nil {
			bad("libItemIds", "libItemIds must be an array of integer ids")
		} else {
			out := []int64{}
			for _, id := range ids {
				if s.libItems[id] == nil {
					bad("libItemIds", fmt.Sprintf("lib item %d not found", id))
					continue
				}
				if !slices.Contains(out, id) {
					out = append(out, id)
				}
			}
			rule.LibItemIDs = out
			libItemsSent = len(out) > 0
		}
	}
	serviceLineSent := contractRef(f, v, "serviceLineId", "service line", &rule.ServiceLineID, func(id int64) bool { return s.serviceLines[id] != nil })
	if len(v) > 0 {
		return v
	}

	// Rules on the resulting rule.
	if rule.Type != "additionalcharge" && rule.ServiceLineID != 0 {
		if serviceLineSent {
			bad("serviceLineId", "serviceLineId is allowed only for 'additionalcharge' rule type")
		} else {
			// A PUT that changes the type of an additionalcharge rule must
			// also clear its service line.
			bad("type", fmt.Sprintf("a %s rule cannot have a service line: send serviceLineId null with the new type", rule.Type))
		}
	}
	if create && rule.Type == "additionalcharge" {
		if !libItemsSent {
			bad("libItemIds", "libItemIds is required for additionalcharge rules")
		}
		if !serviceLineSent {
			bad("serviceLineId", "serviceLineId is required for additionalcharge rules")
		}
	}
	// "thresholds that apply to 'markup' rules have type numeric, all other
	// rules have type integer."
	if rule.Threshold != nil && rule.Type != "markup" && *rule.Threshold != math.Trunc(*rule.Threshold) {
		field := "threshold"
		if !thresholdSent {
			field = "type"
		}
		bad(field, fmt.Sprintf("threshold must be an integer for %s rules (only markup rules take a decimal threshold), got %v", rule.Type, *rule.Threshold))
	}
	return problems(v)
}

// contractRuleFilter is the query of both rule listings.
type contractRuleFilter struct {
	typ         string
	libItemName string
	generalOnly bool
	libItemID   int64
	window      timeWindow
}

// parseContractRuleFilter reads the documented query parameters, or writes
// a 400 and returns false.
func parseContractRuleFilter(w http.ResponseWriter, q url.Values) (contractRuleFilter, bool) {
	f := contractRuleFilter{typ: q.Get("type"), libItemName: strings.ToLower(q.Get("libItemName"))}
	v := map[string][]string{}
	if f.typ != "" && !slices.Contains(contractRuleTypes, f.typ) {
		v["type"] = []string{"type must be one of " + strings.Join(contractRuleTypes, ", ")}
	}
	if q.Has("libItemIds") {
		switch li := q.Get("libItemIds"); li {
		case "", "none":
			f.generalOnly = true
		default:
			id, err := strconv.ParseInt(li, 10, 64)
			if err != nil {
				v["libItemIds"] = []string{"libItemIds must be an integer id, '' or 'none'"}
			}
			f.libItemID = id
		}
	}
	f.window = readTimeWindow(q, v, "createdAfter", "createdBefore", "updatedAfter", "updatedBefore")
	if len(v) > 0 {
		writeValidation(w, v)
		return f, false
	}
	return f, true
}

// matches reports whether rule passes the filter. Called with s.mu held.
func (f contractRuleFilter) matches(s *Server, rule *contractRule) bool {
	switch {
	case f.typ != "" && rule.Type != f.typ,
		f.generalOnly && len(rule.LibItemIDs) > 0,
		f.libItemID != 0 && !slices.Contains(rule.LibItemIDs, f.libItemID),
		!f.window.holds(rule.Created, rule.Updated):
		return false
	}
	if f.libItemName != "" {
		for _, id := range rule.LibItemIDs {
			if li := s.libItems[id]; li != nil && strings.Contains(strings.ToLower(li.Name), f.libItemName) {
				return true
			}
		}
		return false
	}
	return true
}

// listContractRules is GET /contract/{id}/rule. inherit adds the rules of
// the parent contracts; flatview (only with type=unit) does too but hides
// the parents' rules that a nearer contract masks, taken to mean a rule for
// one of the same lib items. sort (default or display) keeps creation
// order: the docs do not say what either order is. Called with s.mu held.
func (s *Server) listContractRules(w http.ResponseWriter, r *http.Request, c *contract) {
	q := r.URL.Query()
	f, ok := parseContractRuleFilter(w, q)
	if !ok {
		return
	}
	flat := boolParam(q.Get("flatview"))
	if flat && f.typ != "unit" {
		writeValidation(w, map[string][]string{"flatview": {"flatview is only supported for type=unit"}})
		return
	}
	if srt := q.Get("sort"); srt != "" && srt != "default" && srt != "display" {
		writeValidation(w, map[string][]string{"sort": {"sort must be default or display"}})
		return
	}
	chain := []int64{c.ID}
	if boolParam(q.Get("inherit")) || flat {
		for p, hops := c.ParentID, 0; p != 0 && hops < 1000; hops++ {
			pc := s.contracts[p]
			if pc == nil {
				break
			}
			chain = append(chain, pc.ID)
			p = pc.ParentID
		}
	}
	out := []map[string]any{}
	var covered []int64
	for _, cid := range chain {
		var nearer []int64
		out = append(out, collect(r, s.contractRules, func(rule *contractRule) bool {
			if rule.ContractID != cid || !f.matches(s, rule) || flat && cid != c.ID && sharesAny(rule.LibItemIDs, covered) {
				return false
			}
			nearer = append(nearer, rule.LibItemIDs...)
			return true
		}, s.ruleJSON)...)
		covered = append(covered, nearer...)
	}
	writeData(w, page(s, r, "rules", out, 0))
}

// contractRuleIndex is GET /contractrule, the account-wide listing, which
// requires a created or updated date range filter. The docs show no example
// response; the list key is taken to be "rules", as for a contract's rules.
func (s *Server) contractRuleIndex(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		s.methodNotAllowed(w, r)
		return
	}
	q := r.URL.Query()
	f, ok := parseContractRuleFilter(w, q)
	if !ok {
		return
	}
	if f.window.empty() {
		writeValidation(w, map[string][]string{"createdAfter": {"updated or created date range filter is required"}})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	writeList(s, w, r, "rules", s.contractRules, func(rule *contractRule) bool { return f.matches(s, rule) }, s.ruleJSON)
}
