package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBenchSmoke runs the bench program as `make bench` does, on two
// ServiceTrade regions, and checks what it measured. Like the acceptance
// tests it needs TF_ACC and the Terraform CLI in TF_ACC_TERRAFORM_PATH.
func TestBenchSmoke(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("the bench smoke test runs with TF_ACC=1 (make test)")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the Terraform CLI (the Makefile sets it)")
	}
	dir := t.TempDir()
	providerDir := filepath.Join(dir, "provider")
	bench := filepath.Join(dir, "fieldservice-bench")
	root := moduleRoot(t)
	for _, b := range [][]string{
		{"build", "-o", filepath.Join(providerDir, providerBinary), "."},
		{"build", "-o", bench, "./cmd/fieldservice-bench"},
	} {
		cmd := exec.Command("go", b...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(b, " "), err, out)
		}
	}
	out, jsonOut := filepath.Join(dir, "BENCHMARKS.md"), filepath.Join(dir, "bench.json")
	cmd := exec.Command(bench, "-terraform", tf, "-provider-dir", providerDir, "-sizes", "2", "-kinds", "servicetrade_region",
		"-latency", "5ms", "-latency-repeats", "1", "-out", out, "-json", jsonOut,
		"-wan-kinds", "servicetrade_user", "-wan-n", "2", "-wan-latency", "20ms", "-wan-refresh-pairs", "1", "-start-samples", "1")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("fieldservice-bench: %v\n%s", err, b)
	}
	raw, err := os.ReadFile(jsonOut)
	if err != nil {
		t.Fatal(err)
	}
	var res results
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]int{
		phaseApply:   {"servicetrade auth": 1, "servicetrade POST": 2},
		phaseRefresh: {"servicetrade auth": 1, "servicetrade GET": 2},
		// destroy refreshes, then deletes in another provider process.
		phaseDestroy: {"servicetrade auth": 2, "servicetrade GET": 2, "servicetrade DELETE": 2},
	}
	if len(res.Phases) != 3 {
		t.Fatalf("got %d phases, want 3: %+v", len(res.Phases), res.Phases)
	}
	for _, p := range res.Phases {
		if !p.ok() || len(p.Warnings) > 0 {
			t.Errorf("%s: error %q, warnings %q", p.Phase, p.Error, p.Warnings)
		}
		if !equalCounts(p.ByOp, want[p.Phase]) {
			t.Errorf("%s requests = %v, want %v", p.Phase, p.ByOp, want[p.Phase])
		}
		if p.Auth != want[p.Phase]["servicetrade auth"] {
			t.Errorf("%s: the emulator issued %d tokens, want %d", p.Phase, p.Auth, want[p.Phase]["servicetrade auth"])
		}
		if p.WallSec <= 0 || p.Providers < 1 {
			t.Errorf("%s: wall %v s, %d provider processes", p.Phase, p.WallSec, p.Providers)
		}
		if runtime.GOOS == "linux" && p.PeakRSSKiB <= 0 {
			t.Errorf("%s: no peak RSS measured", p.Phase)
		}
		if p.Phase == phaseRefresh && (p.PlanEmpty == nil || !*p.PlanEmpty) {
			t.Errorf("the refresh plan is not empty")
		}
	}
	if len(res.LatencyRun) != 2 || res.LatencyRun[0].LatencyMS != 0 || res.LatencyRun[1].LatencyMS != 5 {
		t.Errorf("latency study = %+v, want one refresh at 0 ms then one at 5 ms", res.LatencyRun)
	}
	if len(res.MemProbe) != 1 || !res.MemProbe[0].ok() || res.MemProbe[0].GoMemLimit != "64MiB" {
		t.Errorf("GOMEMLIMIT probe = %+v, want one successful refresh under 64MiB", res.MemProbe)
	}
	// At real-world latency: users (whose configuration refers to the
	// seeded company and office), measured and at 0 ms.
	if len(res.WAN) != 1 || res.WAN[0].Kind != "servicetrade_user" || res.WAN[0].LatencyMS != 20 {
		t.Fatalf("WAN runs = %+v, want one of servicetrade_user at 20 ms", res.WAN)
	}
	w := res.WAN[0]
	if len(w.Phases) != 3 || len(w.Floors) != 3 {
		t.Errorf("WAN phases %d, floors %d; want 3 and 3 (apply, refresh, destroy)", len(w.Phases), len(w.Floors))
	}
	for _, p := range append(w.Phases, w.Floors...) {
		if !p.ok() || len(p.Warnings) > 0 {
			t.Errorf("WAN %s at %v ms: error %q, warnings %q", p.Phase, p.LatencyMS, p.Error, p.Warnings)
		}
	}
	if s := w.phase(phaseDestroy); s.Failed || s.Run.ByOp["servicetrade PUT"] != 2 {
		t.Errorf("WAN destroy = %+v, want the two users deactivated (PUT)", s.Run.ByOp)
	}
	ps := res.ProviderStart
	if ps == nil || ps.Error != "" || len(ps.SchemaMS) != 1 || ps.SchemaMS[0] <= ps.HandshakeMS[0] || ps.SchemaProtoBytes < 1000 || ps.SchemaJSONBytes < 1000 || ps.Init == nil {
		t.Errorf("provider start = %+v", ps)
	}
	md, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"### fieldservice_servicetrade_region", "| 2 | apply |", "## Latency-bound time", "## Targets", "Terraform | ",
		"## Results at 20 ms latency", "| fieldservice_servicetrade_user | 2 | destroy |", "## Provider process start and schema", "| At 20 ms: "} {
		if !strings.Contains(string(md), s) {
			t.Errorf("the report lacks %q:\n%s", s, md)
		}
	}
}

func equalCounts(got, want map[string]int) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

func TestClassify(t *testing.T) {
	cases := []struct{ method, path, vendor, op string }{
		{"POST", "/servicetrade/api/oauth2/token", "servicetrade", opAuth},
		{"POST", "/servicetrade/api/auth", "servicetrade", opAuth},
		{"GET", "/servicetrade/api/region/4294967297", "servicetrade", opGet},
		{"GET", "/servicetrade/api/region", "servicetrade", opList},
		{"POST", "/servicetrade/api/region", "servicetrade", opPost},
		{"DELETE", "/servicetrade/api/webhook/4294967300", "servicetrade", opDelete},
		{"GET", "/kimoby/v1/webhooks", "kimoby", opList},
		{"DELETE", "/kimoby/v1/webhooks/WH487d9d59d5511879e2eda871b5cac50c", "kimoby", opDelete},
		{"GET", "/kickserv/emulated-hvac/employees/12.xml", "kickserv", opGet},
		{"GET", "/kickserv/emulated-hvac/employees.xml", "kickserv", opList},
		{"PUT", "/kickserv/emulated-hvac/employees/12.xml", "kickserv", opPut},
		{"GET", "/elsewhere", "other", opOther},
	}
	for _, c := range cases {
		vendor, op := classify(httptest.NewRequest(c.method, c.path, nil))
		if vendor != c.vendor || op != c.op {
			t.Errorf("%s %s = %s %s, want %s %s", c.method, c.path, vendor, op, c.vendor, c.op)
		}
	}
}

func TestMeterCountsKickservOnly(t *testing.T) {
	srv, err := serve()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.close()
	for _, target := range []string{
		"/kickserv/emulated-hvac/employees.xml?only=id,name",
		"/kickserv/emulated-hvac/employees/1.xml",
		"/kimoby/v1/webhooks",
	} {
		srv.meter.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", target, nil))
	}
	c := srv.meter.reset()
	if c.KickservEmployee != 2 || c.KickservOnly != 1 {
		t.Errorf("Kickserv employee requests %d, with only= %d; want 2 and 1", c.KickservEmployee, c.KickservOnly)
	}
	if c.total() != 3 || c.ByOp["kickserv LIST"] != 1 || c.ByOp["kickserv GET"] != 1 || c.ByOp["kimoby LIST"] != 1 {
		t.Errorf("counts = %v", c.ByOp)
	}
	if msg := crossCheck(c, srv.emu.Requests()); msg != "" {
		t.Error(msg)
	}
}

func TestIdeal(t *testing.T) {
	region, _ := kindByName("servicetrade_region")
	webhook, _ := kindByName("servicetrade_webhook")
	kimoby, _ := kindByName("kimoby_webhook")
	kickserv, _ := kindByName("kickserv_employee")
	cases := []struct {
		k     kind
		phase string
		n     int
		want  int
	}{
		{region, phaseApply, 500, 501},
		{region, phaseRefresh, 500, 501},
		{region, phaseDestroy, 10, 11},
		{kimoby, phaseRefresh, 500, 10},
		{kimoby, phaseRefresh, 101, 3},
		// Apply: the creates and the authentication; the natural-key
		// check's listing is not in the ideal, so that the ratio shows it.
		{kimoby, phaseApply, 100, 100},
		{webhook, phaseApply, 100, 101},
		{kickserv, phaseApply, 100, 100},
		{kickserv, phaseRefresh, 100, 100},
		{kickserv, phaseDestroy, 100, 100},
	}
	for _, c := range cases {
		if got := c.k.ideal(c.phase, c.n); got != c.want {
			t.Errorf("%s %s N=%d: ideal %d, want %d", c.k.Name, c.phase, c.n, got, c.want)
		}
	}
}

// writeProvider puts a stand-in provider binary into dir.
func writeProvider(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, providerBinary), []byte("x"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// selfPath is the test binary, an executable that -terraform accepts.
func selfPath(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return self
}

func TestParseFlags(t *testing.T) {
	dir := t.TempDir()
	writeProvider(t, dir)
	self := selfPath(t)
	o, err := parseFlags([]string{"-terraform", self, "-provider-dir", dir, "-sizes", "2, 5", "-kinds", "kimoby_webhook"})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.sizes) != 2 || o.sizes[1] != 5 || len(o.kinds) != 1 || o.kinds[0].Name != "kimoby_webhook" || o.latency.Milliseconds() != 25 {
		t.Errorf("options = %+v", o)
	}
	for _, bad := range [][]string{
		{"-terraform", self}, // no provider
		{"-terraform", self, "-provider-dir", t.TempDir()},        // no binary there
		{"-terraform", self, "-provider-dir", dir, "-sizes", "0"}, // bad size
		{"-terraform", self, "-provider-dir", dir, "-kinds", "servicetrade_job"},
	} {
		if _, err := parseFlags(bad); err == nil {
			t.Errorf("parseFlags(%q) accepted", bad)
		}
	}
}
