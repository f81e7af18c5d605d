package kimoby

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

func kimobySection(t *testing.T, yml string) json.RawMessage {
	t.Helper()
	f, err := seedfile.Parse("seed.yaml", []byte("version: 1\nkimoby:\n"+yml))
	if err != nil {
		t.Fatal(err)
	}
	return f.Kimoby
}

func TestNewSeeded_nilIsTheBuiltInSeed(t *testing.T) {
	s, err := NewSeeded(Options{}, nil)
	if err != nil || s.WebhookCount() != 0 {
		t.Fatalf("NewSeeded(nil) = %v webhooks, %v", s.WebhookCount(), err)
	}
}

func TestNewSeeded_webhooksVisibleThroughTheAPI(t *testing.T) {
	s, err := NewSeeded(Options{}, kimobySection(t, `
  webhooks:
    - id: WH487d9d59d5511879e2eda871b5cac50c
      url: https://b.example.com/hook
      authentication_key: key-b
      created_at: "2016-06-28T15:00:00+00:00"
      updated_at: "2016-06-29T10:00:00Z"
    - url: https://a.example.com/hook
`))
	if err != nil {
		t.Fatal(err)
	}
	code, body := do(t, s, http.MethodGet, "/webhooks", "", true)
	if code != http.StatusOK {
		t.Fatalf("list: %d %s", code, body)
	}
	var list []map[string]string
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("list = %v", list)
	}
	first := list[0]
	if first["id"] != "WH487d9d59d5511879e2eda871b5cac50c" || first["url"] != "https://b.example.com/hook" ||
		first["created_at"] != "2016-06-28T15:00:00+00:00" || first["updated_at"] != "2016-06-29T10:00:00+00:00" {
		t.Errorf("first webhook = %v", first)
	}
	if _, shown := first["authentication_key"]; shown {
		t.Errorf("the list shows the key: %v", first)
	}
	if !strings.HasPrefix(list[1]["id"], "WH") || len(list[1]["id"]) != 34 || list[1]["url"] != "https://a.example.com/hook" {
		t.Errorf("second webhook = %v", list[1])
	}
	keys := s.IssuedSecrets()
	if len(keys) != 2 || keys[0] != "key-b" || len(keys[1]) != 40 {
		t.Errorf("keys = %q", keys)
	}
	// The seeded webhook is updatable and deletable as any other, and an
	// update moves updated_at past every seeded timestamp.
	code, body = do(t, s, http.MethodPut, "/webhooks/WH487d9d59d5511879e2eda871b5cac50c", `{"url":"https://c.example.com/hook"}`, true)
	if code != http.StatusOK || !strings.Contains(body, "https://c.example.com/hook") {
		t.Fatalf("update: %d %s", code, body)
	}
	if code, body := do(t, s, http.MethodDelete, "/webhooks/"+list[1]["id"], "", true); code != http.StatusNoContent {
		t.Fatalf("delete: %d %s", code, body)
	}
}

func TestDump_loadThenDumpIsStable(t *testing.T) {
	s := New(Options{})
	for _, u := range []string{"https://z.example.com/1", "https://a.example.com/2?x=1&y=<2>"} {
		if code, body := do(t, s, http.MethodPost, "/webhooks", `{"url":"`+u+`"}`, true); code != http.StatusCreated {
			t.Fatalf("create: %d %s", code, body)
		}
	}
	dump, err := s.Dump()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(dump), `\u0026`) {
		t.Errorf("the dump escapes HTML characters: %s", dump)
	}
	again, err := NewSeeded(Options{}, dump)
	if err != nil {
		t.Fatalf("loading the dump: %v\n%s", err, dump)
	}
	dump2, err := again.Dump()
	if err != nil {
		t.Fatal(err)
	}
	if string(dump) != string(dump2) {
		t.Fatalf("dump after load differs:\n%s\n%s", dump, dump2)
	}
	var d dumpSection
	if err := json.Unmarshal(dump, &d); err != nil || len(d.Webhooks) != 2 || d.Webhooks[0].URL != "https://z.example.com/1" || d.Webhooks[0].AuthenticationKey == "" {
		t.Fatalf("dump = %s (%v)", dump, err)
	}
	if got := again.IssuedSecrets(); got[0] != d.Webhooks[0].AuthenticationKey {
		t.Errorf("the key is not kept: %q", got)
	}
	empty, err := New(Options{}).Dump()
	if err != nil || string(empty) != `{"webhooks":[]}` {
		t.Errorf("empty dump = %s, %v", empty, err)
	}
}

func TestNewSeeded_invalidEntriesAreNamed(t *testing.T) {
	_, err := NewSeeded(Options{}, kimobySection(t, `
  hooks: []
  webhooks:
    - id: WH1
      url: http://plain.example.com/hook
    - id: WH1
      url: https://dup.example.com/hook
    - id: "a/b"
      URL: https://x.example.com
    - {url: https://t.example.com, created_at: yesterday}
    - {url: https://u.example.com, created_at: "2020-01-02T00:00:00Z", updated_at: "2020-01-01T00:00:00Z"}
    - url: 42
`))
	if err == nil {
		t.Fatal("no error")
	}
	got := err.Error()
	for _, want := range []string{
		`kimoby: unknown member "hooks"; the members are webhooks`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors\n%s\ndo not contain\n%s", got, want)
		}
	}
	// The section's unknown kind stops there; the entries are checked once
	// the kinds are right.
	_, err = NewSeeded(Options{}, kimobySection(t, `
  webhooks:
    - id: WH1
      url: http://plain.example.com/hook
    - id: WH1
      url: https://dup.example.com/hook
    - id: "a/b"
      URL: https://x.example.com
    - {url: https://t.example.com, created_at: yesterday}
    - {url: https://u.example.com, created_at: "2020-01-02T00:00:00Z", updated_at: "2020-01-01T00:00:00Z"}
    - url: 42
    - {}
`))
	if err == nil {
		t.Fatal("no error")
	}
	got = err.Error()
	for _, want := range []string{
		`kimoby.webhooks[0] ("http://plain.example.com/hook"): url "http://plain.example.com/hook" is invalid: the schema of the url must be HTTPS`,
		`kimoby.webhooks[1] ("https://dup.example.com/hook"): id "WH1" is already the id of kimoby.webhooks[0]: ids are unique`,
		`kimoby.webhooks[2]: unknown member "URL" (did you mean "url"?); the members are id, url, authentication_key, created_at, updated_at`,
		`kimoby.webhooks[3] ("https://t.example.com"): created_at "yesterday" is not a timestamp`,
		`kimoby.webhooks[4] ("https://u.example.com"): updated_at 2020-01-01T00:00:00+00:00 is before created_at 2020-01-02T00:00:00+00:00`,
		`kimoby.webhooks[5]: url is the number 42, expected a string`,
		`kimoby.webhooks[6]: url is required`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors\n%s\ndo not contain\n%s", got, want)
		}
	}
	_, err = NewSeeded(Options{}, kimobySection(t, "  webhooks:\n    - {id: \"a b\", url: \"https://x.example.com\"}\n"))
	if err == nil || !strings.Contains(err.Error(), `kimoby.webhooks[0] ("https://x.example.com"): id "a b" cannot be a Kimoby webhook id`) {
		t.Errorf("id with a blank: %v", err)
	}
}
