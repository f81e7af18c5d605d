package seedfile

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParse_yamlAndJSONGiveTheSameFile(t *testing.T) {
	yml := `
version: 1
kimoby:
  webhooks:
    - id: 4294967297
      url: https://example.com/hook
      events: [customer.created]
kickserv: {}
`
	js := `{"version": 1, "kimoby": {"webhooks": [{"id": 4294967297, "url": "https://example.com/hook", "events": ["customer.created"]}]}, "kickserv": {}}`
	fy, err := Parse("seed.yaml", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	fj, err := Parse("seed.json", []byte(js))
	if err != nil {
		t.Fatal(err)
	}
	type hook struct {
		ID     int64    `json:"id"`
		URL    string   `json:"url"`
		Events []string `json:"events"`
	}
	type section struct {
		Webhooks []hook `json:"webhooks"`
	}
	for _, f := range []*File{fy, fj} {
		if f.Version != 1 || f.ServiceTrade != nil || string(f.Kickserv) != "{}" {
			t.Fatalf("%s: got %+v", f.Name, f)
		}
		var errs Errors
		s, ok := Decode[section](f.Kimoby, "kimoby", &errs)
		if !ok {
			t.Fatalf("%s: %v", f.Name, errs.Err())
		}
		if len(s.Webhooks) != 1 || s.Webhooks[0].ID != 4294967297 || s.Webhooks[0].URL != "https://example.com/hook" || s.Webhooks[0].Events[0] != "customer.created" {
			t.Fatalf("%s: got %+v", f.Name, s)
		}
	}
}

func TestParse_topLevelErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"empty.yaml", "  \n", []string{"seed file empty.yaml: the file is empty"}},
		{"list.yaml", "- 1\n- 2\n", []string{"seed file list.yaml: the top level is a list; a seed file is an object"}},
		{"list.json", "[1]", []string{"the top level is a list"}},
		{"scalar.yaml", "hello\n", []string{`the top level is the string "hello"`}},
		{"noversion.yaml", "kimoby: {}\n", []string{"version: missing: a seed file starts with `version: 1`"}},
		{"v2.yaml", "version: 2\n", []string{"version: 2 is not a version this emulator knows: it reads version 1 only"}},
		{"vstring.yaml", "version: one\n", []string{`version: is the string "one", expected the number 1`}},
		{"unknown.yaml", "version: 1\nkimobi: {}\nextra: 1\n", []string{
			"seed file unknown.yaml:\n",
			`  extra: unknown top-level member; a seed file has only version, servicetrade, kimoby, kickserv`,
			`  kimobi: unknown top-level member (did you mean "kimoby"?)`,
		}},
		{"null.yaml", "version: 1\nkickserv:\n", []string{"kickserv: is empty (null): write `kickserv: {}`"}},
		{"list-section.yaml", "version: 1\nservicetrade: []\n", []string{"servicetrade: is a list, expected an object"}},
		{"dup.json", "{\"version\": 1,\n \"version\": 1}", []string{"line 2, column 11: the top level has the member \"version\" twice"}},
		{"dup.yaml", "version: 1\nversion: 1\n", []string{`seed file dup.yaml: line 2: the top level has the member "version" twice (first at line 1)`}},
		{"bad.json", "{\"version\": 1,\n}", []string{"line 2, column 1: invalid JSON: invalid character '}'"}},
		{"bad.yaml", "version: 1\nkimoby: [\n", []string{"invalid YAML: line"}},
		{"two.yaml", "version: 1\n---\nversion: 1\n", []string{"more than one YAML document"}},
		{"trailing.json", `{"version": 1} {}`, []string{"more after the end of the top-level value"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.name, []byte(tc.text))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%s\ndoes not contain\n%s", err, w)
				}
			}
		})
	}
}

func TestParse_jsonWithTabsAndBOM(t *testing.T) {
	f, err := Parse("x", []byte("\xef\xbb\xbf{\n\t\"version\": 1,\n\t\"kimoby\": {\"webhooks\": []}\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if string(f.Kimoby) != `{"webhooks": []}` {
		t.Fatalf("kimoby = %s", f.Kimoby)
	}
}

func TestParse_yamlKeepsLargeIntegersAndStrings(t *testing.T) {
	f, err := Parse("x.yml", []byte("version: 1\nkickserv:\n  employees:\n    - id: 9007199254740993\n      phone: '5551234'\n      when: 2024-01-02\n"))
	if err != nil {
		t.Fatal(err)
	}
	var errs Errors
	s, ok := Decode[struct {
		Employees []struct {
			ID    int64  `json:"id"`
			Phone string `json:"phone"`
			When  string `json:"when"`
		} `json:"employees"`
	}](f.Kickserv, "kickserv", &errs)
	if !ok {
		t.Fatal(errs.Err())
	}
	e := s.Employees[0]
	if e.ID != 9007199254740993 || e.Phone != "5551234" || e.When != "2024-01-02" {
		t.Fatalf("got %+v", e)
	}
}

func TestParse_yamlAnchorsAndMerges(t *testing.T) {
	f, err := Parse("x.yaml", []byte(`version: 1
kimoby:
  base: &b {events: [a, b], active: true, ratio: 0.5}
  webhooks:
    - <<: *b
      url: https://x
      active: false
`))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(f.Kimoby, &got); err != nil {
		t.Fatal(err)
	}
	hook := got["webhooks"].([]any)[0].(map[string]any)
	if hook["url"] != "https://x" || hook["active"] != false || hook["ratio"] != 0.5 || len(hook["events"].([]any)) != 2 {
		t.Fatalf("got %v", hook)
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "seed.yaml")
	if err := os.WriteFile(p, []byte("version: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Read(p)
	if err != nil || f.Name != p || f.Version != 1 {
		t.Fatalf("Read = %+v, %v", f, err)
	}
	if _, err := Read(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "reading seed file") {
		t.Fatalf("Read(missing) = %v", err)
	}
}

func TestMarshal_roundTrip(t *testing.T) {
	f := &File{Version: 1, Kimoby: json.RawMessage(`{"webhooks":[{"id":1,"url":"https://x"}]}`), Kickserv: json.RawMessage(`{"employees":[]}`)}
	out, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "kimoby": {
    "webhooks": [
      {
        "id": 1,
        "url": "https://x"
      }
    ]
  },
  "kickserv": {
    "employees": []
  }
}
`
	if string(out) != want {
		t.Fatalf("Marshal =\n%s\nwant\n%s", out, want)
	}
	g, err := Parse("dump.json", out)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(out) {
		t.Fatalf("second Marshal differs:\n%s", again)
	}
}

type entry struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Count   int32    `json:"count"`
	Active  *bool    `json:"active"`
	Tags    []string `json:"tags"`
	Address struct {
		City string `json:"city"`
	} `json:"address"`
	Extra   map[string]string `json:"extra"`
	Raw     json.RawMessage   `json:"raw"`
	skipped int
}

func TestDecode_errorsNameTheEntryAndMember(t *testing.T) {
	raw := json.RawMessage(`{"id": "7", "Name": "x", "count": 1.5, "active": "yes", "tags": "a",
		"address": {"city": 3, "zip": "1"}, "extra": {"k": 1}, "raw": {"anything": [1]}}`)
	var errs Errors
	_, ok := DecodeNamed[entry](raw, "kimoby.webhooks[3]", "Acme", &errs)
	if ok {
		t.Fatal("ok")
	}
	got := errs.Err().Error()
	for _, w := range []string{
		`kimoby.webhooks[3] ("Acme"): unknown member "Name" (did you mean "name"?); the members are id, name, count, active, tags, address, extra, raw`,
		`kimoby.webhooks[3] ("Acme"): id is the string "7", expected an integer`,
		`count is the number 1.5, expected an integer`,
		`active is the string "yes", expected true or false`,
		`tags is the string "a", expected a list`,
		`address.city is the number 3, expected a string (in YAML, put the value in quotes to make it a string)`,
		`unknown member "address.zip"; the members of address are city`,
		`extra.k is the number 1, expected a string`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("errors\n%s\ndo not contain\n%s", got, w)
		}
	}
	if strings.Contains(got, "): raw") {
		t.Errorf("a json.RawMessage member takes anything:\n%s", got)
	}
}

func TestDecode_rangesAndNulls(t *testing.T) {
	var errs Errors
	_, ok := Decode[entry](json.RawMessage(`{"count": 3000000000}`), "p[0]", &errs)
	if ok || !strings.Contains(errs.Err().Error(), "p[0]: count is the number 3000000000, outside the range of int32") {
		t.Fatalf("got %v", errs.Err())
	}
	errs = Errors{}
	e, ok := Decode[entry](json.RawMessage(`{"id": null, "name": "n", "active": null, "tags": null}`), "p[0]", &errs)
	if !ok || e.Name != "n" || e.Active != nil {
		t.Fatalf("got %+v, %v", e, errs.Err())
	}
	errs = Errors{}
	if _, ok := Decode[entry](json.RawMessage(`[1]`), "p[1]", &errs); ok || errs.Err().Error() != "p[1]: is a list, expected an object" {
		t.Fatalf("got %v", errs.Err())
	}
}

func TestErrors_keepsTwentyAndCountsTheRest(t *testing.T) {
	var errs Errors
	if errs.Err() != nil {
		t.Fatal("empty Errors gives an error")
	}
	for i := 0; i < 25; i++ {
		errs.Add(Path("kickserv.employees", i), "", "bad %d", i)
	}
	lines := strings.Split(errs.Err().Error(), "\n")
	if len(lines) != 21 || lines[0] != "kickserv.employees[0]: bad 0" || lines[20] != "... and 5 more errors (the first 20 are shown)" {
		t.Fatalf("got %q", lines)
	}
	if errs.Len() != 25 {
		t.Fatalf("Len = %d", errs.Len())
	}
}

func TestJoin_capsTheLinesOfSeveralVendors(t *testing.T) {
	var a, b Errors
	for i := 0; i < 15; i++ {
		a.Add(Path("kimoby.webhooks", i), "", "bad")
		b.Add(Path("kickserv.employees", i), "", "bad")
	}
	j := Join(a.Err().(*Error), nil, b.Err().(*Error))
	lines := strings.Split(j.Error(), "\n")
	if len(lines) != 21 || lines[15] != "kickserv.employees[0]: bad" || lines[20] != "... and 10 more errors (the first 20 are shown)" {
		t.Fatalf("got %q", lines)
	}
}

func TestName(t *testing.T) {
	raw := json.RawMessage(`{"url": "", "name": 3, "username": "bob"}`)
	if got := Name(raw, "url", "name", "username"); got != "bob" {
		t.Fatalf("Name = %q", got)
	}
	if got := Name(json.RawMessage(`[1]`), "x"); got != "" {
		t.Fatalf("Name = %q", got)
	}
}

func TestFormatIDs(t *testing.T) {
	if got := FormatIDs([]int64{5, 1, 2}); got != "1, 2, 5" {
		t.Fatal(got)
	}
	if got := FormatIDs(nil); got != "none" {
		t.Fatal(got)
	}
	var many []int64
	for i := int64(20); i > 0; i-- {
		many = append(many, i)
	}
	if got := FormatIDs(many); got != "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... (20 in all)" {
		t.Fatal(got)
	}
}

func TestWrap(t *testing.T) {
	var errs Errors
	errs.Add("kimoby.webhooks[0]", "", "one")
	errs.Add("kimoby.webhooks[1]", "", "two")
	got := Wrap(&File{Name: "s.yaml"}, errs.Err()).Error()
	if got != "seed file s.yaml:\n  kimoby.webhooks[0]: one\n  kimoby.webhooks[1]: two" {
		t.Fatalf("got %q", got)
	}
	if Wrap(nil, nil) != nil {
		t.Fatal("Wrap(nil) != nil")
	}
	_ = fmt.Sprint(entry{}.skipped)
}

func TestStamps(t *testing.T) {
	loaded := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := []struct {
		created, updated string
		wantC, wantU     time.Time
		wantErr          string
	}{
		{"", "", loaded, loaded, ""},
		{"2024-01-02T09:04:05+00:00", "", time.Date(2024, 1, 2, 9, 4, 5, 0, time.UTC), time.Date(2024, 1, 2, 9, 4, 5, 0, time.UTC), ""},
		{"", "2024-01-02T09:04:05.9-06:00", time.Date(2024, 1, 2, 15, 4, 5, 0, time.UTC), time.Date(2024, 1, 2, 15, 4, 5, 0, time.UTC), ""},
		{"2024-01-03T00:00:00Z", "2024-01-02T00:00:00Z", time.Time{}, time.Time{}, `x[0] ("n"): updated_at 2024-01-02T00:00:00+00:00 is before created_at 2024-01-03T00:00:00+00:00`},
		{"yesterday", "", time.Time{}, time.Time{}, `x[0] ("n"): created_at "yesterday" is not a timestamp like "2016-06-28T15:00:00+00:00" (RFC 3339)`},
	}
	for _, c := range cases {
		var errs Errors
		gotC, gotU, ok := Stamps(c.created, c.updated, "2016-06-28T15:00:00+00:00", time.UTC, loaded, "x[0]", "n", &errs)
		err := errs.Err()
		if c.wantErr != "" {
			if ok || err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("Stamps(%q, %q): ok %v, error %v; want %q", c.created, c.updated, ok, err, c.wantErr)
			}
			continue
		}
		if !ok || err != nil || !gotC.Equal(c.wantC) || !gotU.Equal(c.wantU) {
			t.Errorf("Stamps(%q, %q) = %v, %v, %v, %v; want %v, %v", c.created, c.updated, gotC, gotU, ok, err, c.wantC, c.wantU)
		}
	}
}
