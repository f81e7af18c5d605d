package emulator_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emukick "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	emukim "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

const testSeed = `
version: 1
kimoby:
  webhooks:
    - id: WHseeded
      url: https://hooks.example.com/kimoby
      authentication_key: seeded-key
kickserv:
  employees:
    - employee_number: 1
      name: Olga Owner
      is_account_owner: true
    - employee_number: 2
      name: Terry Technician
`

func parseSeed(t *testing.T, text string) *seedfile.File {
	t.Helper()
	f, err := seedfile.Parse("test-seed.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func get(t *testing.T, url, user, pass string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if user != "" {
		req.SetBasicAuth(user, pass)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestStart_seedVisibleThroughTheAPIs(t *testing.T) {
	run, err := emulator.Start("127.0.0.1:0", emulator.Options{Seed: parseSeed(t, testSeed)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = run.Close() })
	status, body := get(t, run.KimobyURL()+"/webhooks", emukim.APIKey, emukim.APISecret)
	if status != http.StatusOK || !strings.Contains(body, `"id":"WHseeded"`) || strings.Count(body, `"id"`) != 1 {
		t.Errorf("Kimoby webhooks: %d %s", status, body)
	}
	status, body = get(t, run.KickservURL()+"/"+emukick.Account+"/employees.xml", emukick.APIToken, emukick.APIToken)
	if status != http.StatusOK || !strings.Contains(body, "Olga Owner") || strings.Count(body, "<employee>") != 2 {
		t.Errorf("Kickserv employees: %d %s", status, body)
	}
	// ServiceTrade is absent from the file: its built-in seed.
	if run.ServiceTrade == nil {
		t.Fatal("no ServiceTrade")
	}
	_, err = run.ServiceTrade.Dump()
	if err != nil {
		t.Fatal(err)
	}
}

func TestDumpEndpoint_isTheSeedFileAndLoadsBackTheSame(t *testing.T) {
	run, err := emulator.Start("127.0.0.1:0", emulator.Options{Seed: parseSeed(t, testSeed)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = run.Close() })
	status, dump := get(t, run.URL+"/_emulator/dump", "", "")
	if status != http.StatusOK {
		t.Fatalf("GET /_emulator/dump: %d %s", status, dump)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(dump), &top); err != nil {
		t.Fatalf("dump is not JSON: %v\n%s", err, dump)
	}
	for _, k := range []string{"version", "servicetrade", "kimoby", "kickserv"} {
		if top[k] == nil {
			t.Errorf("dump has no %s", k)
		}
	}
	if !strings.HasPrefix(dump, "{\n  \"version\": 1,\n  \"servicetrade\": {") || !strings.Contains(dump, `"authentication_key": "seeded-key"`) {
		t.Errorf("dump is not the indented seed file:\n%s", dump)
	}
	f, err := seedfile.Parse("dump.json", []byte(dump))
	if err != nil {
		t.Fatal(err)
	}
	again, err := emulator.NewSeeded(emulator.Options{Seed: f})
	if err != nil {
		t.Fatalf("loading the dump: %v", err)
	}
	dump2, err := again.DumpJSON()
	if err != nil {
		t.Fatal(err)
	}
	if string(dump2) != dump {
		t.Fatalf("dump, load, dump is not stable:\n%s\n----\n%s", dump, dump2)
	}
	// Other control routes are still served beside the dump.
	if status, body := get(t, run.URL+"/_emulator/requests", "", ""); status != http.StatusOK {
		t.Errorf("GET /_emulator/requests: %d %s", status, body)
	}
}

func TestNewSeeded_collectsEveryVendorsErrors(t *testing.T) {
	_, err := emulator.NewSeeded(emulator.Options{Seed: parseSeed(t, `
version: 1
kimoby:
  webhooks:
    - url: http://plain.example.com
kickserv:
  employees:
    - {name: ""}
`)})
	if err == nil {
		t.Fatal("no error")
	}
	got := err.Error()
	for _, want := range []string{
		"seed file test-seed.yaml:\n",
		"\n  kimoby.webhooks[0] (\"http://plain.example.com\"): url",
		"\n  kickserv.employees[0]: name is required",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("error\n%s\ndoes not contain %q", got, want)
		}
	}
	if _, err := emulator.Start("127.0.0.1:0", emulator.Options{Seed: parseSeed(t, "version: 1\nkimoby: {webhooks: [{}]}\n")}); err == nil ||
		!strings.Contains(err.Error(), "seed file test-seed.yaml: kimoby.webhooks[0]: url is required") {
		t.Errorf("Start with an invalid seed: %v", err)
	}
}

func TestNew_ignoresTheSeedAndNewSeededWithoutOneIsNew(t *testing.T) {
	e := emulator.New(emulator.Options{Seed: parseSeed(t, "version: 1\nkimoby: {webhooks: [{}]}\n")})
	if e.Kimoby.WebhookCount() != 0 {
		t.Error("New read the seed")
	}
	e, err := emulator.NewSeeded(emulator.Options{})
	if err != nil || e.Kimoby == nil || e.Kickserv == nil || e.ServiceTrade == nil {
		t.Fatalf("NewSeeded(no seed) = %v", err)
	}
}

func TestStart_refusesNonLoopbackUnlessAllowed(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "example.com:0"} {
		if _, err := emulator.Start(addr, emulator.Options{}); err == nil || !strings.Contains(err.Error(), "loopback addresses only") {
			t.Errorf("Start(%q) = %v, want the loopback refusal", addr, err)
		}
	}
	for _, addr := range []string{"localhost:0", "[::1]:0", "127.0.0.2:0"} {
		if !emulator.IsLoopback(strings.Trim(addr[:strings.LastIndex(addr, ":")], "[]")) {
			t.Errorf("%s is loopback", addr)
		}
	}
	run, err := emulator.Start("0.0.0.0:0", emulator.Options{AllowNonLoopback: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = run.Close()
}
