package kit

import (
	"context"
	"errors"
	"testing"
)

type hook struct {
	id  string
	url string
}

func TestByNaturalKey(t *testing.T) {
	all := []hook{{"1", "https://a"}, {"2", "https://b"}, {"3", "https://a"}}
	fresh := []hook{{"4", "https://a"}}
	n := Natural[hook]{
		Attribute: "url", Value: "https://a", Describe: `url "https://a"`, Match: `for url "https://a"`, Why: "twice",
		List: func(context.Context) ([]hook, error) { return all, nil },
		Key:  func(h hook) string { return h.url }, ID: func(h hook) string { return h.id },
	}
	l := ByNaturalKey(n)
	found, err := l.Find(context.Background())
	if err != nil || len(found) != 2 || found[0].id != "1" || found[1].id != "3" {
		t.Errorf("Find = %v, %v; want the two hooks with the planned url", found, err)
	}
	entries, err := l.Key.List(context.Background())
	if err != nil || len(entries) != 3 || entries[1].ID != "2" || entries[1].Key != "https://b" {
		t.Errorf("Key.List = %v, %v; want every hook with its url", entries, err)
	}
	if l.Key.Value != "https://a" || l.Key.Attribute != "url" || l.Key.AllowDuplicate != "allow_duplicate" || l.Key.Unchecked || l.ImportID(all[2]) != "3" {
		t.Errorf("lookup %+v, key %+v", l, *l.Key)
	}

	n.Find = func(context.Context) ([]hook, error) { return fresh, nil }
	n.AllowDuplicate = true
	l = ByNaturalKey(n)
	if found, _ := l.Find(context.Background()); len(found) != 1 || found[0].id != "4" {
		t.Errorf("Find = %v; want the fresh listing's match", found)
	}
	if !l.Key.Unchecked {
		t.Error("allow_duplicate does not skip the check")
	}

	n.List = func(context.Context) ([]hook, error) { return nil, errors.New("GET /hooks: 503") }
	if _, err := ByNaturalKey(n).Key.List(context.Background()); err == nil {
		t.Error("a failed listing is not reported")
	}
}

func TestDataSourceOneOf(t *testing.T) {
	b := &DataBase[struct{}]{Type: DataType[struct{}]{OneOf: []string{"id", "name"}}}
	if got := b.ConfigValidators(context.Background()); len(got) != 1 {
		t.Errorf("%d validators, want one ExactlyOneOf", len(got))
	}
	if got := (&DataBase[struct{}]{}).ConfigValidators(context.Background()); got != nil {
		t.Errorf("validators %v for a data source without OneOf", got)
	}
}
