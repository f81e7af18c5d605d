package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestContractRuleLifecycleAndQuirks(t *testing.T) {
	s := New(Options{})
	seeds := seedsForContracts(s)
	_, _, env := contractCall(t, s, http.MethodPost, "/contract", fmt.Sprintf(`{"type":"default","name":"Discount Price List","vendorId":%d}`, seeds.vendor))
	cid := idOf(dataOf(t, env))
	rules := fmt.Sprintf("/contract/%d/rule", cid)

	// Price 30.00 is echoed as the plain number 30; unit rules have no
	// service line (null).
	code, raw, env := contractCall(t, s, http.MethodPost, rules,
		fmt.Sprintf(`{"type":"stack","name":"Extinguisher Inspection, up to 10","price":30.00,"threshold":10,"libItemIds":[%d]}`, seeds.libItem))
	if code != 200 || !strings.Contains(raw, `"price":30,`) || !strings.Contains(raw, `"serviceLine":null`) || !strings.Contains(raw, `"threshold":10`) {
		t.Fatalf("POST stack rule = %d %s", code, raw)
	}
	d := dataOf(t, env)
	item := fmt.Sprintf("%s/%d", rules, idOf(d))
	if !strings.HasSuffix(d["uri"].(string), item) || nestedID(d, "contract") != cid {
		t.Errorf("rule uri/contract = %v / %v", d["uri"], d["contract"])
	}
	libItems, _ := d["libItems"].([]any)
	if len(libItems) != 1 || idOf(libItems[0].(map[string]any)) != seeds.libItem || libItems[0].(map[string]any)["type"] != "part" {
		t.Errorf("libItems = %v", d["libItems"])
	}

	// The PUT response names the lib item list libItemIds, holding objects.
	code, raw, env = contractCall(t, s, http.MethodPut, item, `{"price":39.99}`)
	d = dataOf(t, env)
	if _, has := d["libItems"]; code != 200 || has || d["price"] != 39.99 || d["name"] != "Extinguisher Inspection, up to 10" {
		t.Fatalf("PUT = %d %s", code, raw)
	}
	var put struct {
		LibItemIDs []struct{ ID int64 } `json:"libItemIds"`
	}
	if err := json.Unmarshal(env["data"], &put); err != nil || len(put.LibItemIDs) != 1 || put.LibItemIDs[0].ID != seeds.libItem {
		t.Errorf("PUT libItemIds = %s (%v); want lib item objects", raw, err)
	}
	// GET goes back to libItems.
	if _, raw, _ := contractCall(t, s, http.MethodGet, item, ""); !strings.Contains(raw, `"libItems":[{`) {
		t.Errorf("GET = %s", raw)
	}
	// Clearing the threshold and the items.
	_, raw, _ = contractCall(t, s, http.MethodPut, item, `{"threshold":null,"libItemIds":[]}`)
	if !strings.Contains(raw, `"threshold":null`) || !strings.Contains(raw, `"libItemIds":[]`) {
		t.Errorf("PUT clearing = %s", raw)
	}

	// Additional charges: items and service line required on POST; the
	// service line reads back as an array.
	for _, body := range []string{
		fmt.Sprintf(`{"type":"additionalcharge","name":"x","serviceLineId":%d}`, seeds.serviceLine),
		fmt.Sprintf(`{"type":"additionalcharge","name":"x","libItemIds":[%d]}`, seeds.libItem),
	} {
		if code, raw, _ := contractCall(t, s, http.MethodPost, rules, body); code != 400 {
			t.Errorf("POST %s = %d %s, want 400", body, code, raw)
		}
	}
	code, raw, env = contractCall(t, s, http.MethodPost, rules,
		fmt.Sprintf(`{"type":"additionalcharge","name":"Additional Charge","price":5.00,"libItemIds":[%d],"serviceLineId":%d}`, seeds.libItem, seeds.serviceLine))
	var ac struct {
		Price       float64
		ServiceLine []struct{ ID int64 }
	}
	if err := json.Unmarshal(env["data"], &ac); code != 200 || err != nil || ac.Price != 5 || len(ac.ServiceLine) != 1 || ac.ServiceLine[0].ID != seeds.serviceLine {
		t.Fatalf("POST additionalcharge = %d %s (%v)", code, raw, err)
	}

	bad := []struct{ method, path, body, field string }{
		{http.MethodPost, rules, `{"name":"x"}`, "type"},
		{http.MethodPost, rules, `{"type":"discount","name":"x"}`, "type"},
		{http.MethodPost, rules, `{"type":"unit"}`, "name"},
		{http.MethodPost, rules, `{"type":"unit","name":"x","price":"free"}`, "price"},
		{http.MethodPost, rules, `{"type":"unit","name":"x","libItemIds":[42]}`, "libItemIds"},
		{http.MethodPost, rules, fmt.Sprintf(`{"type":"unit","name":"x","serviceLineId":%d}`, seeds.serviceLine), "serviceLineId"},
		{http.MethodPost, rules, `{"type":"unit","name":"x","threshold":2.5}`, "threshold"},
		{http.MethodPut, item, fmt.Sprintf(`{"serviceLineId":%d}`, seeds.serviceLine), "serviceLineId"},
		{http.MethodPut, item, `{"name":""}`, "name"},
	}
	for _, b := range bad {
		code, raw, env := contractCall(t, s, b.method, b.path, b.body)
		if code != http.StatusBadRequest || len(validationOf(env)[b.field]) == 0 {
			t.Errorf("%s %s %s = %d %s, want 400 with a %s validation message", b.method, b.path, b.body, code, raw, b.field)
		}
	}
	// Markup thresholds may be decimal.
	if code, raw, _ := contractCall(t, s, http.MethodPost, rules, `{"type":"markup","name":"Parts markup","price":15,"threshold":250.5}`); code != 200 {
		t.Errorf("markup with a decimal threshold = %d %s", code, raw)
	}

	// Listing, filtered by type; the rule is not found under another
	// contract; DELETE is 204, then 404.
	code, _, env = contractCall(t, s, http.MethodGet, rules+"?type=additionalcharge", "")
	if l, _ := dataOf(t, env)["rules"].([]any); code != 200 || len(l) != 1 {
		t.Errorf("GET rules?type=additionalcharge = %d %v", code, env)
	}
	code, _, env = contractCall(t, s, http.MethodGet, rules+"?libItemIds=none", "")
	if l, _ := dataOf(t, env)["rules"].([]any); code != 200 || len(l) != 2 {
		t.Errorf("GET general rules = %d, %d rules; want the 2 without items", code, len(l))
	}
	if code, _, _ := contractCall(t, s, http.MethodGet, rules+"?flatview=true", ""); code != 400 {
		t.Errorf("flatview without type=unit = %d, want 400", code)
	}
	_, _, env = contractCall(t, s, http.MethodPost, "/contract", `{"type":"template","name":"Other"}`)
	other := idOf(dataOf(t, env))
	wrong := strings.Replace(item, fmt.Sprint(cid), fmt.Sprint(other), 1)
	for _, p := range []string{wrong, "/contract/987/rule/1", rules + "/987"} {
		if code, _, _ := contractCall(t, s, http.MethodGet, p, ""); code != 404 {
			t.Errorf("GET %s = %d, want 404", p, code)
		}
	}
	if code, _, _ := contractCall(t, s, http.MethodGet, "/contract/987/rule", ""); code != 404 {
		t.Errorf("rules of an unknown contract = %d, want 404", code)
	}
	if code, raw, _ := contractCall(t, s, http.MethodDelete, item, ""); code != 204 || raw != "" {
		t.Errorf("DELETE = %d %q, want 204 with an empty body", code, raw)
	}
	if code, _, _ := contractCall(t, s, http.MethodDelete, item, ""); code != 404 {
		t.Errorf("second DELETE = %d, want 404", code)
	}

	// The account-wide listing requires a date range.
	if code, _, _ := contractCall(t, s, http.MethodGet, "/contractrule", ""); code != 400 {
		t.Errorf("GET /contractrule without dates = %d, want 400", code)
	}
	code, _, env = contractCall(t, s, http.MethodGet, "/contractrule?createdAfter=0", "")
	if l, _ := dataOf(t, env)["rules"].([]any); code != 200 || len(l) != 2 {
		t.Errorf("GET /contractrule?createdAfter=0 = %d, %d rules; want the 2 remaining", code, len(l))
	}
}

// inherit and flatview walk up the parent chain; flatview hides parent
// rules for items a nearer rule prices.
func TestContractRuleInheritance(t *testing.T) {
	s := New(Options{})
	seeds := seedsForContracts(s)
	_, _, env := contractCall(t, s, http.MethodPost, "/contract", `{"type":"template","name":"Parent"}`)
	parent := idOf(dataOf(t, env))
	_, _, env = contractCall(t, s, http.MethodPost, "/contract", fmt.Sprintf(`{"type":"template","name":"Child","parentId":%d}`, parent))
	child := idOf(dataOf(t, env))
	post := func(cid, item int64, name string) {
		if code, raw, _ := contractCall(t, s, http.MethodPost, fmt.Sprintf("/contract/%d/rule", cid),
			fmt.Sprintf(`{"type":"unit","name":%q,"price":1,"libItemIds":[%d]}`, name, item)); code != 200 {
			t.Fatalf("POST rule %s = %d %s", name, code, raw)
		}
	}
	post(parent, seeds.libItem, "parent A")
	post(parent, seeds.libItem2, "parent B")
	post(child, seeds.libItem, "child A")
	count := func(query string) int {
		_, _, env := contractCall(t, s, http.MethodGet, fmt.Sprintf("/contract/%d/rule?%s", child, query), "")
		l, _ := dataOf(t, env)["rules"].([]any)
		return len(l)
	}
	if n := count(""); n != 1 {
		t.Errorf("own rules = %d, want 1", n)
	}
	if n := count("inherit=true"); n != 3 {
		t.Errorf("inherited rules = %d, want 3", n)
	}
	if n := count("type=unit&flatview=true"); n != 2 {
		t.Errorf("flat view = %d, want 2 (parent A is masked)", n)
	}
}
