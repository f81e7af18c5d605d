package api

import (
	"net/url"
	"testing"
)

// Every setter leaves out its zero value: an empty filter sends no query.
func TestQueryLeavesOutZeroValues(t *testing.T) {
	q := query{}.text("name", "").id("companyId", 0).ids("officeIds", nil).list("status", nil).
		flag("showAll", false).boolean("active", nil)
	if len(q) != 0 {
		t.Errorf("got %v, want no parameters", url.Values(q).Encode())
	}
}

func TestQueryRendersValuesAsTheAPITakesThem(t *testing.T) {
	no := false
	q := query{"limit": {"500"}}.text("name", "North").id("companyId", 1<<33).ids("officeIds", []int64{3, 1}).
		list("status", []string{"active", "pending"}).flag("showAll", true).boolean("active", &no)
	want := "active=false&companyId=8589934592&limit=500&name=North&officeIds=3%2C1&showAll=true&status=active%2Cpending"
	if got := url.Values(q).Encode(); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestCollectionPaths(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{regions.at(42), "/region/42"},
		{contractRules(7).path, "/contract/7/rule"},
		{contractRules(7).at(9), "/contract/7/rule/9"},
		{quoteTemplateItems(5).at(6), "/quotetemplate/5/item/6"},
		{anyQuoteTemplateItem.at(6), "/quotetemplateitem/6"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
	if k := contractRules(7); k.listKey != "rules" {
		t.Errorf("contract rules list key %q, want rules", k.listKey)
	}
}
