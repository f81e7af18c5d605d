package servicetrade

import (
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lookup"
)

type named struct {
	id   int64
	name string
}

func findCompany(want string, items []named, opts ...matchOption) (named, error) {
	return exactlyOne("company", "name", want, items, func(n named) string { return n.name }, func(n named) int64 { return n.id }, opts...)
}

func TestExactlyOne(t *testing.T) {
	items := []named{{1, "Acme"}, {2, "Acme West"}, {3, "acme"}, {4, "Deli"}, {5, "Deli"}}
	if got, err := findCompany("Acme", items); err != nil || got.id != 1 {
		t.Errorf("exact match = %v, %v; want id 1 (substrings and other cases do not count)", got, err)
	}
	_, err := findCompany("ACME WEST", items)
	if err == nil || !strings.Contains(err.Error(), `no ServiceTrade company has the name "ACME WEST" (the match is exact and case-sensitive)`) {
		t.Errorf("case-sensitive miss = %v", err)
	}
	if got, err := findCompany("ACME WEST", items, ignoreCase); err != nil || got.id != 2 {
		t.Errorf("ignoreCase match = %v, %v; want id 2", got, err)
	}
	_, err = findCompany("ACME", items, ignoreCase)
	if err == nil || !strings.Contains(err.Error(), `2 ServiceTrade companies have the name "ACME" (ids 1, 3); look it up by id instead`) {
		t.Errorf("ignoreCase ambiguity = %v", err)
	}
	_, err = findCompany("Deli", items)
	if err == nil || !strings.Contains(err.Error(), `2 ServiceTrade companies have the name "Deli" (ids 4, 5)`) {
		t.Errorf("ambiguity = %v", err)
	}
	_, err = findCompany("nobody", items, ignoreCase)
	if err == nil || !strings.Contains(err.Error(), "(the match is exact but ignores case)") {
		t.Errorf("ignoreCase miss = %v", err)
	}
}

func TestPlural(t *testing.T) {
	for kind, want := range map[string]string{
		"region": "regions", "company": "companies", "terms": "terms", "payment terms": "payment terms",
		"lib item": "lib items", "service line": "service lines", "external system": "external systems", "key": "keys",
	} {
		if got := lookup.Plural(kind); got != want {
			t.Errorf("lookup.Plural(%q) = %q, want %q", kind, got, want)
		}
	}
}
