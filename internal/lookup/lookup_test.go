package lookup

import (
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type obj struct {
	id   string
	name string
	mail *string
}

var kind = Kind[obj]{Vendor: "Acme", Name: "company", Ident: func(o obj) string { return o.id }}

func nameKey(want string) Key[obj] {
	return Key[obj]{Attr: "name", Value: types.StringValue(want), Of: func(o obj) string { return o.name }}
}

var items = []obj{{"1", "Acme", nil}, {"2", "Acme West", nil}, {"3", "acme", nil}, {"4", "Deli", nil}, {"5", "Deli", nil}}

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		key    Key[obj]
		kind   Kind[obj]
		wantID string
		err    string
		found  int
	}{
		{key: nameKey("Acme"), kind: kind, wantID: "1"},
		{key: nameKey("ACME WEST"), kind: kind, err: `no Acme company has the name "ACME WEST" (the match is exact and case-sensitive)`},
		{key: func() Key[obj] { k := nameKey("ACME WEST"); k.IgnoreCase = true; return k }(), kind: kind, wantID: "2"},
		{key: func() Key[obj] { k := nameKey("ACME"); k.IgnoreCase = true; return k }(), kind: kind,
			err: `2 Acme companies have the name "ACME" (ids 1, 3); look it up by id instead`, found: 2},
		{key: func() Key[obj] { k := nameKey("nobody"); k.IgnoreCase = true; k.Field = "company name"; return k }(), kind: kind,
			err: `no Acme company has the company name "nobody" (the match is exact but ignores case)`},
		{key: nameKey("nobody"), kind: Kind[obj]{Vendor: "Acme", Name: "hook", CountSearched: true, Qualifier: ", active or not,"},
			err: `no Acme hook, active or not, has the name "nobody" (the match is exact and case-sensitive; 5 hooks were searched)`},
		{key: nameKey("Deli"), kind: Kind[obj]{Vendor: "Acme", Name: "employee", Ident: func(o obj) string { return "#" + o.id }, IdentAttr: "number", IdentPlural: "numbers"},
			err: `2 Acme employees have the name "Deli" (numbers #4, #5); look it up by number instead`, found: 2},
	} {
		got, err := Match(tc.kind, tc.key, items)
		if tc.err == "" {
			if err != nil || got.id != tc.wantID {
				t.Errorf("Match(%q) = %v, %v; want id %s", tc.key.Value.ValueString(), got, err, tc.wantID)
			}
			continue
		}
		var le *Error
		if err == nil || err.Error() != tc.err || !errors.As(err, &le) || le.Found != tc.found {
			t.Errorf("Match(%q) error = %v; want %q (found %d)", tc.key.Value.ValueString(), err, tc.err, tc.found)
		}
	}
}

// spec looks an obj up by id (get) or by name or mail among items, and
// records what it was asked.
func spec(id, name, mail types.String, asked *[]string) Spec[obj] {
	return Spec[obj]{
		Kind: kind,
		ID:   id,
		Get: func(id string) (*obj, diag.Diagnostics) {
			*asked = append(*asked, "get "+id)
			return &obj{id: id}, nil
		},
		Keys: []Key[obj]{
			{Attr: "name", Value: name, Of: func(o obj) string { return o.name }},
			{Attr: "mail", Field: "e-mail address", Value: mail, IgnoreCase: true, Of: func(o obj) string {
				if o.mail == nil {
					return ""
				}
				return *o.mail
			}},
		},
		List: func(k Key[obj]) ([]obj, error) {
			*asked = append(*asked, "list "+k.Attr)
			return items, nil
		},
	}
}

func TestOne(t *testing.T) {
	null := types.StringNull()
	var asked []string
	var diags diag.Diagnostics
	if got := One(&diags, spec(types.StringValue("7"), null, null, &asked)); got == nil || got.id != "7" || diags.HasError() {
		t.Errorf("by id = %v, %v", got, diags)
	}
	if got := One(&diags, spec(null, types.StringValue("Acme West"), null, &asked)); got == nil || got.id != "2" || diags.HasError() {
		t.Errorf("by name = %v, %v", got, diags)
	}
	if strings.Join(asked, "; ") != "get 7; list name" {
		t.Errorf("calls = %q; want a get by id, then one list for the name", asked)
	}

	// The error is on the attribute of the key, with the context Explain adds.
	s := spec(null, null, types.StringValue("x@example.com"), &asked)
	s.Explain = func(msg string, none bool) string {
		if !none {
			t.Errorf("Explain: none = false for no match")
		}
		return "In scope 9: " + msg
	}
	if got := One(&diags, s); got != nil || !diags.HasError() {
		t.Fatalf("by mail = %v, %v; want an error", got, diags)
	}
	d := diags[0].(diag.DiagnosticWithPath)
	want := `In scope 9: no Acme company has the e-mail address "x@example.com" (the match is exact but ignores case)`
	if !d.Path().Equal(path.Root("mail")) || d.Summary() != "Acme company lookup failed" || d.Detail() != want {
		t.Errorf("diagnostic = %s %q %q; want mail %q", d.Path(), d.Summary(), d.Detail(), want)
	}

	// A failed list is reported, and nothing is returned.
	diags = nil
	s = spec(null, types.StringValue("Acme"), null, &asked)
	s.List = func(Key[obj]) ([]obj, error) { return nil, errors.New("503 Service Unavailable") }
	if got := One(&diags, s); got != nil || len(diags) != 1 ||
		diags[0].Summary() != `Listing Acme companies to find the name "Acme" failed` || diags[0].Detail() != "503 Service Unavailable" {
		t.Errorf("failed list = %v, %v", got, diags)
	}
	diags = nil
	s.Scope = "of region 3"
	if One(&diags, s); len(diags) != 1 || diags[0].Summary() != `Listing Acme companies of region 3 to find the name "Acme" failed` {
		t.Errorf("failed list in a scope = %v", diags)
	}

	// A failed get keeps its own diagnostics.
	diags = nil
	s = spec(types.StringValue("x"), null, null, &asked)
	s.Get = func(string) (*obj, diag.Diagnostics) {
		var d diag.Diagnostics
		d.AddAttributeError(path.Root("id"), "Invalid company id", "not a number")
		return nil, d
	}
	if got := One(&diags, s); got != nil || len(diags) != 1 || diags[0].Summary() != "Invalid company id" {
		t.Errorf("failed get = %v, %v", got, diags)
	}

	// Without a Get the id is a key like any other.
	diags = nil
	s = spec(null, null, null, &asked)
	s.Get = nil
	s.Keys = []Key[obj]{{Attr: "id", Value: types.StringValue("4"), Of: func(o obj) string { return o.id }}}
	if got := One(&diags, s); got == nil || got.name != "Deli" {
		t.Errorf("id as a key = %v, %v", got, diags)
	}

	// Nothing configured is a bug of the validators, said so.
	diags = nil
	if got := One(&diags, spec(null, null, null, &asked)); got != nil || !diags.HasError() {
		t.Errorf("nothing configured = %v, %v", got, diags)
	}
}

func TestPlural(t *testing.T) {
	for kind, want := range map[string]string{
		"region": "regions", "company": "companies", "terms": "terms", "payment terms": "payment terms",
		"lib item": "lib items", "service line": "service lines", "external system": "external systems", "key": "keys",
	} {
		if got := Plural(kind); got != want {
			t.Errorf("Plural(%q) = %q, want %q", kind, got, want)
		}
	}
}

func TestInt64(t *testing.T) {
	if got := Int64(types.Int64Null()); !got.IsNull() {
		t.Errorf("Int64(null) = %v", got)
	}
	if got := Int64(types.Int64Value(42)); got.ValueString() != "42" {
		t.Errorf("Int64(42) = %v", got)
	}
}

func TestNotFound(t *testing.T) {
	k := Kind[obj]{Vendor: "Acme", Name: "employee", Qualifier: ", active or inactive,"}
	want := "no Acme employee has the employee number 12 (numbers are in URLs)"
	if got := k.NotFound("employee number", "12", "numbers are in URLs"); got != want {
		t.Errorf("NotFound = %q, want %q", got, want)
	}
}
