// Command fieldservice-bench measures the provider at scale (`make bench`).
//
// For each resource kind and each size N it starts a fresh in-process
// emulator on a loopback port with every vendor's default page size and a
// per-request latency, writes a configuration of N objects of that kind,
// and runs the real Terraform CLI against the built provider binary through
// a dev_overrides CLI configuration:
//
//	terraform apply -auto-approve    (phase "apply")
//	terraform plan -detailed-exitcode (phase "refresh": refreshes every object, must plan nothing)
//	terraform destroy -auto-approve  (phase "destroy")
//
// with Terraform's default parallelism (10). It measures each phase's wall
// time, the requests the emulator served (by vendor and operation), the
// ServiceTrade authentications, Kickserv's use of ?only=, the requests in
// flight at once, the connections opened, and the peak RSS of every
// provider process (wrap.go), and writes them to BENCHMARKS.md with the
// targets of the performance issue (targets.go). For the latency-bound
// target, the ServiceTrade-region refresh at the largest N is repeated in
// pairs at 0 ms and at the configured latency against the same state; at
// the largest N every kind's refresh also runs once with a GOMEMLIMIT given
// to the provider, to show its effect on peak RSS.
//
// Then, at a real-world latency (-wan-latency, 150 ms), N = -wan-n (500)
// objects of each of -wan-kinds (ServiceTrade regions, webhooks, lib items
// and users) are applied, refreshed and destroyed, and the same commands
// run at 0 ms, Terraform's own floor (wan.go, wan_report.go, with the
// targets of issue 15 in wan_targets.go). Before all that, the provider is
// started as Terraform's plugin client starts it, to time a process start
// and the schema (procstart.go).
//
// It builds nothing: -provider-dir names a folder holding a built
// terraform-provider-fieldservice, and -terraform the CLI. -json keeps the
// raw results; -from-json renders the report from them again.
package main

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Phases.
const (
	phaseApply   = "apply"
	phaseRefresh = "refresh"
	phaseDestroy = "destroy"
)

const providerBinary = "terraform-provider-fieldservice"

// latencyStudyKind is the kind whose refresh is timed at 0 ms and at the
// configured latency.
const latencyStudyKind = "servicetrade_region"

type options struct {
	terraform      string
	providerDir    string
	sizes          []int
	latency        time.Duration
	kinds          []kind
	out            string
	jsonOut        string
	latencyRepeats int
	memLimitProbe  string
	note           string
	rss            bool
	commandTimeout time.Duration
	// The runs at real-world latency (wan.go): kinds, N, latency, and
	// pairs of refreshes (at the latency and at 0 ms).
	wanKinds        []kind
	wanN            int
	wanLatency      time.Duration
	wanRefreshPairs int
	// startSamples is how many provider processes procstart.go starts.
	startSamples int
	// baseline is the -json results of an earlier run, which the apply
	// and destroy at -wan-latency are compared with.
	baseline string
	// fromJSON, when set, only renders the report from the raw results of
	// an earlier run (-json).
	fromJSON string
}

func main() {
	// Started by Terraform as the provider: run the real one and record
	// its peak RSS (see wrap.go).
	if realBin := os.Getenv(envWrapReal); realBin != "" {
		os.Exit(runWrapped(realBin, os.Getenv(envRSSFile)))
	}
	opts, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "fieldservice-bench:", err)
		os.Exit(2)
	}
	if opts.fromJSON != "" {
		if err := rerender(opts); err != nil {
			fmt.Fprintln(os.Stderr, "fieldservice-bench:", err)
			os.Exit(1)
		}
		return
	}
	res, err := run(opts)
	if res != nil {
		if werr := writeOutputs(opts, res); werr != nil {
			fmt.Fprintln(os.Stderr, "fieldservice-bench:", werr)
			os.Exit(1)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fieldservice-bench:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (options, error) {
	fs := flag.NewFlagSet("fieldservice-bench", flag.ContinueOnError)
	var o options
	var sizes, kindList, wanKindList string
	fs.StringVar(&o.terraform, "terraform", "terraform", "path of the Terraform CLI")
	fs.StringVar(&o.providerDir, "provider-dir", "", "folder holding the built "+providerBinary+" binary (required)")
	fs.StringVar(&sizes, "sizes", "10,100,500", "comma-separated numbers of objects per kind")
	fs.DurationVar(&o.latency, "latency", 25*time.Millisecond, "latency the emulator adds to every request")
	fs.StringVar(&kindList, "kinds", defaultKinds, "comma-separated kinds to run at -latency and -sizes")
	fs.StringVar(&o.out, "out", "BENCHMARKS.md", "report to write")
	fs.StringVar(&o.jsonOut, "json", "", "also write the raw results as JSON to this file")
	fs.IntVar(&o.latencyRepeats, "latency-repeats", 4, "pairs of refreshes (0 ms and -latency) for the latency-bound analysis (0: skip it)")
	fs.StringVar(&o.memLimitProbe, "memlimit-probe", "64MiB", "GOMEMLIMIT given to the provider in one extra refresh of each kind at the largest N, to show its effect on peak RSS (empty: skip)")
	fs.StringVar(&o.note, "note", "", "free text about the machine's load, printed in the report")
	fs.BoolVar(&o.rss, "rss", true, "measure the provider's peak RSS by starting it through this program")
	fs.DurationVar(&o.commandTimeout, "command-timeout", 30*time.Minute, "limit for one Terraform command")
	fs.StringVar(&wanKindList, "wan-kinds", defaultWANKinds, "comma-separated kinds to run at -wan-latency (empty: skip those runs)")
	fs.IntVar(&o.wanN, "wan-n", 500, "number of objects per kind at -wan-latency")
	fs.DurationVar(&o.wanLatency, "wan-latency", 150*time.Millisecond, "real-world latency the emulator adds to every request in the -wan-kinds runs (0: skip them)")
	fs.IntVar(&o.wanRefreshPairs, "wan-refresh-pairs", 3, "refreshes at -wan-latency, each paired with one at 0 ms against the same state")
	fs.IntVar(&o.startSamples, "start-samples", 10, "provider processes to start for the process-start cost (0: skip)")
	fs.StringVar(&o.baseline, "baseline", "", "-json results of an earlier run (before a change) to compare the apply and destroy at -wan-latency with")
	fs.StringVar(&o.fromJSON, "from-json", "", "render -out from the -json results of an earlier run, running nothing")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if o.fromJSON != "" {
		return o, nil
	}
	if o.providerDir == "" {
		return o, errors.New("-provider-dir is required: a folder holding the built " + providerBinary)
	}
	abs, err := filepath.Abs(o.providerDir)
	if err != nil {
		return o, err
	}
	o.providerDir = abs
	if st, err := os.Stat(filepath.Join(o.providerDir, providerBinary)); err != nil || st.IsDir() {
		return o, fmt.Errorf("-provider-dir %s holds no %s binary", o.providerDir, providerBinary)
	}
	if o.terraform, err = exec.LookPath(o.terraform); err != nil {
		return o, fmt.Errorf("-terraform: %w", err)
	}
	if o.terraform, err = filepath.Abs(o.terraform); err != nil {
		return o, err
	}
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return o, fmt.Errorf("-sizes: %q is not a positive number", s)
		}
		o.sizes = append(o.sizes, n)
	}
	if o.kinds, err = parseKinds(kindList); err != nil {
		return o, fmt.Errorf("-kinds: %w", err)
	}
	if o.wanKinds, err = parseKinds(wanKindList); err != nil {
		return o, fmt.Errorf("-wan-kinds: %w", err)
	}
	if o.wanLatency == 0 {
		o.wanKinds = nil
	}
	if o.wanN < 1 || o.wanRefreshPairs < 1 || o.wanLatency < 0 || o.startSamples < 0 {
		return o, errors.New("-wan-n and -wan-refresh-pairs must be positive, -wan-latency and -start-samples not negative")
	}
	if o.latency < 0 || o.latencyRepeats < 0 {
		return o, errors.New("-latency and -latency-repeats must not be negative")
	}
	return o, nil
}

// parseKinds reads a comma-separated list of kinds; empty is none.
func parseKinds(list string) ([]kind, error) {
	var out []kind
	if strings.TrimSpace(list) == "" {
		return nil, nil
	}
	for _, name := range strings.Split(list, ",") {
		k, ok := kindByName(strings.TrimSpace(name))
		if !ok {
			return nil, fmt.Errorf("unknown kind %q (known: %s)", name, kindNames())
		}
		out = append(out, k)
	}
	return out, nil
}

// phaseResult is one Terraform command's measurements.
type phaseResult struct {
	Kind      string         `json:"kind"`
	N         int            `json:"n"`
	Phase     string         `json:"phase"`
	LatencyMS float64        `json:"latency_ms"`
	WallSec   float64        `json:"wall_seconds"`
	ByOp      map[string]int `json:"requests_by_op"`
	Total     int            `json:"requests"`
	Ideal     int            `json:"ideal_requests"`
	// Auth is the ServiceTrade tokens and sessions issued (the vendor's own
	// counters).
	Auth             int `json:"servicetrade_auth"`
	KickservEmployee int `json:"kickserv_employee_requests"`
	KickservOnly     int `json:"kickserv_only_requests"`
	Conns            int `json:"connections"`
	// MaxConcurrent is the largest number of requests in flight at once.
	MaxConcurrent int `json:"max_concurrent_requests"`
	// GoMemLimit is the GOMEMLIMIT the provider ran with (memory probe).
	GoMemLimit string `json:"gomemlimit,omitempty"`
	// Providers is the number of provider processes Terraform started,
	// PeakRSSKiB the largest peak RSS among them (0: not measured).
	Providers  int      `json:"provider_processes"`
	PeakRSSKiB int64    `json:"peak_rss_kib"`
	ExitCode   int      `json:"exit_code"`
	PlanEmpty  *bool    `json:"plan_empty,omitempty"`
	Error      string   `json:"error,omitempty"`
	Warnings   []string `json:"warnings,omitempty"`
}

func (p phaseResult) perObject() float64 { return float64(p.Total) / float64(p.N) }
func (p phaseResult) ratio() float64 {
	if p.Ideal == 0 {
		return 0
	}
	return float64(p.Total) / float64(p.Ideal)
}
func (p phaseResult) ok() bool { return p.Error == "" }

// machine describes where the benchmark ran.
type machine struct {
	NumCPU     int    `json:"nproc"`
	CPU        string `json:"cpu"`
	GOOS       string `json:"goos"`
	GOARCH     string `json:"goarch"`
	BenchGo    string `json:"bench_go_version"`
	ProviderGo string `json:"provider_go_version"`
	Terraform  string `json:"terraform_version"`
	LoadStart  string `json:"load_average_start"`
	LoadEnd    string `json:"load_average_end"`
	MemTotal   string `json:"mem_total"`
	Note       string `json:"note,omitempty"`
	RSSMethod  string `json:"rss_method"`
}

type results struct {
	Started    time.Time     `json:"started"`
	Finished   time.Time     `json:"finished"`
	Machine    machine       `json:"machine"`
	Sizes      []int         `json:"sizes"`
	Kinds      []string      `json:"kinds"`
	LatencyMS  float64       `json:"latency_ms"`
	Phases     []phaseResult `json:"phases"`
	LatencyRun []phaseResult `json:"latency_study,omitempty"`
	MemProbe   []phaseResult `json:"memlimit_probe,omitempty"`
	// WAN holds the runs at real-world latency, one per kind (wan.go).
	WAN []wanResult `json:"wan,omitempty"`
	// ProviderStart is the cost of a provider process start (procstart.go).
	ProviderStart *providerStart `json:"provider_start,omitempty"`
	// Baseline is the WAN results of -baseline, to compare with.
	Baseline []wanResult `json:"baseline,omitempty"`
	// BaselineFile names -baseline's file, BaselineFrom when it ran.
	BaselineFile string    `json:"baseline_file,omitempty"`
	BaselineFrom time.Time `json:"baseline_started,omitzero"`
}

func run(o options) (*results, error) {
	res := &results{Started: time.Now(), Sizes: o.sizes, LatencyMS: ms(o.latency)}
	for _, k := range o.kinds {
		res.Kinds = append(res.Kinds, k.Name)
	}
	res.Machine = describeMachine(o)
	var failures []string
	if o.baseline != "" {
		if err := loadBaseline(o.baseline, res); err != nil {
			return nil, err
		}
	}
	if o.startSamples > 0 {
		res.ProviderStart = measureProviderStart(o, o.startSamples)
		if res.ProviderStart.Error != "" {
			failures = append(failures, "provider start: "+res.ProviderStart.Error)
		}
		logStart(res.ProviderStart)
	}
	for _, k := range o.kinds {
		for _, n := range o.sizes {
			largest := n == slices.Max(o.sizes)
			phases, lat, probe, err := runOne(o, k, n, largest && k.Name == latencyStudyKind, largest)
			res.Phases = append(res.Phases, phases...)
			res.LatencyRun = append(res.LatencyRun, lat...)
			res.MemProbe = append(res.MemProbe, probe...)
			if err != nil {
				failures = append(failures, fmt.Sprintf("%s N=%d: %v", k.Name, n, err))
			}
		}
	}
	for i, k := range o.wanKinds {
		w, err := runWAN(o, k, i)
		res.WAN = append(res.WAN, w)
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s N=%d at %s: %v", k.Name, o.wanN, o.wanLatency, err))
		}
	}
	res.Machine.LoadEnd = loadAverage()
	res.Finished = time.Now()
	if len(failures) > 0 {
		return res, fmt.Errorf("%d run(s) failed:\n  %s", len(failures), strings.Join(failures, "\n  "))
	}
	return res, nil
}

// workspace is one Terraform working directory wired to the provider.
type workspace struct {
	dir       string
	terraform string
	env       []string
	rssFile   string
	timeout   time.Duration
}

func newWorkspace(o options, root string, emuEnv map[string]string) (*workspace, error) {
	overrides := o.providerDir
	var extra []string
	rssFile := ""
	if o.rss {
		self, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("finding this program to wrap the provider: %w", err)
		}
		overrides = filepath.Join(root, "bin")
		if err := os.MkdirAll(overrides, 0o755); err != nil {
			return nil, err
		}
		if err := os.Symlink(self, filepath.Join(overrides, providerBinary)); err != nil {
			return nil, err
		}
		rssFile = filepath.Join(root, "provider-rss")
		extra = append(extra, envWrapReal+"="+filepath.Join(o.providerDir, providerBinary), envRSSFile+"="+rssFile)
	}
	rc := filepath.Join(root, "terraformrc")
	rcText := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/fieldservice/fieldservice" = %q
  }
  direct {}
}
`, overrides)
	if err := os.WriteFile(rc, []byte(rcText), 0o600); err != nil {
		return nil, err
	}
	dir := filepath.Join(root, "config")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	env := cleanEnv(os.Environ())
	env = append(env, "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	keys := make([]string, 0, len(emuEnv))
	for key := range emuEnv {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		env = append(env, key+"="+emuEnv[key])
	}
	env = append(env, extra...)
	return &workspace{dir: dir, terraform: o.terraform, env: env, rssFile: rssFile, timeout: o.commandTimeout}, nil
}

// cleanEnv drops what would skew a measurement or point the provider
// elsewhere: Terraform logging and extra CLI arguments (a -parallelism
// among them), and every vendor setting, which the emulator's replace.
func cleanEnv(in []string) []string {
	var out []string
	for _, kv := range in {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "TF_LOG"), strings.HasPrefix(name, "TF_CLI_ARGS"),
			name == "TF_CLI_CONFIG_FILE", name == "TF_DATA_DIR",
			strings.HasPrefix(name, "SERVICETRADE_"), strings.HasPrefix(name, "KIMOBY_"), strings.HasPrefix(name, "KICKSERV_"),
			name == envWrapReal, name == envRSSFile, name == envExtra:
			continue
		}
		out = append(out, kv)
	}
	return out
}

// terraformRun runs one command and returns its exit code, output and wall
// time.
func (w *workspace) terraformRun(extraEnv []string, args ...string) (int, string, time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), w.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, w.terraform, args...)
	cmd.Dir = w.dir
	cmd.Env = append(slices.Clone(w.env), extraEnv...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return -1, out.String(), wall, err
	}
	if ctx.Err() != nil {
		return -1, out.String(), wall, fmt.Errorf("terraform %s did not finish within %s", args[0], w.timeout)
	}
	return cmd.ProcessState.ExitCode(), out.String(), wall, nil
}

// runOne applies, refreshes and destroys n objects of k against a fresh
// emulator. Between the refresh and the destroy, with study it also times
// the refresh at 0 ms and at the configured latency, and with probe it runs
// one more refresh with the provider under the -memlimit-probe GOMEMLIMIT.
func runOne(o options, k kind, n int, study, memProbe bool) (phases, latency, probe []phaseResult, err error) {
	s, err := openSession(o, k, n)
	if err != nil {
		return nil, nil, nil, err
	}
	defer s.close()
	measure := s.measure
	apply := measure(phaseApply, o.latency, "", applyArgs...)
	phases = append(phases, apply)
	if !apply.ok() {
		s.cleanUp()
		return phases, nil, nil, fmt.Errorf("apply: %s", apply.Error)
	}
	phases = append(phases, measure(phaseRefresh, o.latency, "", refreshArgs...))
	if study {
		// Pairs in alternating order (0, L), (L, 0), … so that a drift in
		// the machine's load affects both latencies alike; the added time
		// is the median of the pairs' differences.
		for i := 0; i < o.latencyRepeats; i++ {
			order := []time.Duration{0, o.latency}
			if i%2 == 1 {
				order = []time.Duration{o.latency, 0}
			}
			for _, lat := range order {
				latency = append(latency, measure(phaseRefresh, lat, "", refreshArgs...))
			}
		}
	}
	if memProbe && o.memLimitProbe != "" && s.ws.rssFile != "" {
		probe = append(probe, measure(phaseRefresh, o.latency, o.memLimitProbe, refreshArgs...))
	}
	phases = append(phases, measure(phaseDestroy, o.latency, "", destroyArgs...))
	var errs []string
	for _, p := range slices.Concat(phases, latency, probe) {
		if !p.ok() {
			errs = append(errs, p.Phase+": "+p.Error)
		}
	}
	if len(errs) > 0 {
		return phases, latency, probe, errors.New(strings.Join(errs, "; "))
	}
	return phases, latency, probe, nil
}

func measurePhase(srv *served, ws *workspace, k kind, n int, phase string, latency time.Duration, extraEnv []string, args ...string) phaseResult {
	srv.meter.reset()
	srv.emu.ResetRequests()
	before := srv.emu.ServiceTrade.Stats()
	if ws.rssFile != "" {
		_ = os.Remove(ws.rssFile)
	}
	code, out, wall, runErr := ws.terraformRun(extraEnv, args...)
	c := srv.meter.reset()
	after := srv.emu.ServiceTrade.Stats()
	p := phaseResult{
		Kind: k.Name, N: n, Phase: phase, LatencyMS: ms(latency), WallSec: wall.Seconds(),
		ByOp: c.ByOp, Total: c.total(), Ideal: k.ideal(phase, n),
		Auth:             (after.TokensIssued - before.TokensIssued) + (after.SessionsCreated - before.SessionsCreated),
		KickservEmployee: c.KickservEmployee, KickservOnly: c.KickservOnly,
		Conns: c.Conns, MaxConcurrent: c.MaxInFlight, ExitCode: code,
	}
	if ws.rssFile != "" {
		rss, err := readRSS(ws.rssFile)
		if err != nil {
			p.Warnings = append(p.Warnings, "reading the provider RSS: "+err.Error())
		}
		p.Providers = len(rss)
		for _, v := range rss {
			p.PeakRSSKiB = max(p.PeakRSSKiB, v)
		}
	}
	// The emulator's own counters must agree with the meter's.
	if msg := crossCheck(c, srv.emu.Requests()); msg != "" {
		p.Warnings = append(p.Warnings, msg)
	}
	switch {
	case runErr != nil:
		p.Error = runErr.Error()
	case phase == phaseRefresh && (code == 0 || code == 2):
		empty := code == 0
		p.PlanEmpty = &empty
		if !empty {
			p.Warnings = append(p.Warnings, "the plan after apply is not empty")
		}
	case code != 0:
		p.Error = fmt.Sprintf("terraform %s exited %d", args[0], code)
	}
	if p.Error != "" {
		fmt.Fprintf(os.Stderr, "--- terraform %s output (last 4000 bytes):\n%s\n", strings.Join(args, " "), tail(out, 4000))
	}
	return p
}

// crossCheck compares the meter's counts with the emulator's ("vendor
// METHOD"), and says how they differ.
func crossCheck(c counts, emu map[string]int) string {
	mine := map[string]int{}
	for key, v := range c.ByOp {
		vendor, op, _ := strings.Cut(key, " ")
		method := op
		switch op {
		case opAuth:
			method = "POST"
		case opList, opGet:
			method = "GET"
		case opOther:
			continue
		}
		mine[vendor+" "+method] += v
	}
	var diffs []string
	for key, v := range emu {
		if mine[key] != v && !strings.HasSuffix(key, " PATCH") && !strings.HasSuffix(key, " HEAD") {
			diffs = append(diffs, fmt.Sprintf("%s: emulator %d, meter %d", key, v, mine[key]))
		}
	}
	for key, v := range mine {
		if _, ok := emu[key]; !ok && v > 0 {
			diffs = append(diffs, fmt.Sprintf("%s: emulator 0, meter %d", key, v))
		}
	}
	sort.Strings(diffs)
	if len(diffs) == 0 {
		return ""
	}
	return "request counters disagree: " + strings.Join(diffs, ", ")
}

func logPhase(p phaseResult) {
	status := "ok"
	if !p.ok() {
		status = "FAILED: " + p.Error
	}
	fmt.Fprintf(os.Stderr, "%-22s N=%-4d %-8s latency=%3.0fms wall=%7.2fs requests=%-5d ideal=%-5d auth=%d concurrent=%-2d providers=%d peakRSS=%.1fMB %s %s\n",
		p.Kind, p.N, p.Phase, p.LatencyMS, p.WallSec, p.Total, p.Ideal, p.Auth, p.MaxConcurrent, p.Providers, mb(p.PeakRSSKiB), p.GoMemLimit, status)
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func describeMachine(o options) machine {
	m := machine{
		NumCPU: runtime.NumCPU(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, BenchGo: runtime.Version(),
		LoadStart: loadAverage(), Note: o.note,
	}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if name, val, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "model name" {
				m.CPU = strings.TrimSpace(val)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "MemTotal:") {
				kb, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
				m.MemTotal = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
			}
		}
	}
	if bi, err := buildinfo.ReadFile(filepath.Join(o.providerDir, providerBinary)); err == nil {
		m.ProviderGo = bi.GoVersion
	}
	if out, err := exec.Command(o.terraform, "version", "-json").Output(); err == nil {
		var v struct {
			Version  string `json:"terraform_version"`
			Platform string `json:"platform"`
		}
		if json.Unmarshal(out, &v) == nil {
			m.Terraform = v.Version + " (" + v.Platform + ")"
		}
	}
	if o.rss {
		m.RSSMethod = "peak resident set size (ru_maxrss from wait4) of every provider process, read by a wrapper that Terraform starts in the provider's place"
		if runtime.GOOS != "linux" {
			m.RSSMethod = "not measured on " + runtime.GOOS
		}
	} else {
		m.RSSMethod = "not measured (-rss=false)"
	}
	return m
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// rerender writes the report of an earlier run's raw results.
func rerender(o options) error {
	b, err := os.ReadFile(o.fromJSON)
	if err != nil {
		return err
	}
	var res results
	if err := json.Unmarshal(b, &res); err != nil {
		return fmt.Errorf("reading %s: %w", o.fromJSON, err)
	}
	return os.WriteFile(o.out, []byte(report(&res)), 0o644)
}

func writeOutputs(o options, res *results) error {
	if o.jsonOut != "" {
		b, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(o.jsonOut, append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(o.out, []byte(report(res)), 0o644)
}
