package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emkimoby "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

func TestCombineAddr(t *testing.T) {
	for _, tc := range []struct {
		addr, listen string
		port         int
		want, err    string
	}{
		{addr: defaultAddr, port: -1, want: "127.0.0.1:8787"},
		{addr: defaultAddr, port: 0, want: "127.0.0.1:0"},
		{addr: defaultAddr, listen: "::1", port: 9000, want: "[::1]:9000"},
		{addr: defaultAddr, listen: "[::1]", port: -1, want: "[::1]:8787"},
		{addr: "localhost:1234", listen: "", port: -1, want: "localhost:1234"},
		{addr: "127.0.0.1:1", listen: "0.0.0.0", port: 2, want: "0.0.0.0:2"},
		{addr: defaultAddr, listen: "127.0.0.1:9000", port: -1, err: "give the host alone"},
		{addr: defaultAddr, port: 70000, err: "--port 70000 is not a TCP port"},
		{addr: "8787", port: -1, err: `--addr "8787" is not HOST:PORT`},
	} {
		got, err := combineAddr(tc.addr, tc.listen, tc.port)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("combineAddr(%q, %q, %d) = %q, %v; want an error with %q", tc.addr, tc.listen, tc.port, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("combineAddr(%q, %q, %d) = %q, %v; want %q", tc.addr, tc.listen, tc.port, got, err, tc.want)
		}
	}
}

// --port 0 picks a free port, and the printed URLs and dump command name it.
func TestPortZeroPrintsThePickedPort(t *testing.T) {
	var out bytes.Buffer
	run, err := start([]string{"--port", "0"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	if strings.HasSuffix(run.URL, ":0") || !strings.HasPrefix(run.URL, "http://127.0.0.1:") {
		t.Fatalf("URL = %s", run.URL)
	}
	for _, want := range []string{
		"fieldservice emulator listening on " + run.URL + "\n",
		"picked because the port asked for was 0",
		`export KIMOBY_BASE_URL="` + run.URL + `/kimoby/v1"`,
		"curl -o seed.json " + run.URL + "/_emulator/dump\n",
		"seeded with the built-in objects",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestNonLoopbackIsRefusedUnlessAllowed(t *testing.T) {
	for _, args := range [][]string{
		{"--listen", "0.0.0.0", "--port", "0"},
		{"--addr", "0.0.0.0:0"},
		{"--addr", ":0"},
	} {
		_, err := start(args, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "loopback addresses only") || !strings.Contains(err.Error(), "--allow-non-loopback") {
			t.Errorf("start(%q) = %v, want the loopback refusal naming --allow-non-loopback", args, err)
		}
	}
	var out bytes.Buffer
	run, err := start([]string{"--listen", "0.0.0.0", "--port", "0", "--allow-non-loopback"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	if !strings.HasPrefix(out.String(), "WARNING: listening on 0.0.0.0:") || !strings.Contains(out.String(), "fixed, public credentials") {
		t.Errorf("no warning:\n%s", out.String())
	}
	// The URLs to export are this machine's loopback ones.
	if !strings.HasPrefix(run.URL, "http://127.0.0.1:") || !strings.Contains(out.String(), "(bound to 0.0.0.0:") {
		t.Errorf("URL %s, output:\n%s", run.URL, out.String())
	}
}

func TestSeedFlag(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join(dir, "seed.yaml")
	if err := os.WriteFile(seed, []byte("version: 1\nkimoby:\n  webhooks:\n    - {id: WHflag, url: https://flag.example.com}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	run, err := start([]string{"--port", "0", "--seed", seed}, &out)
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	if run.Kimoby.WebhookCount() != 1 || !strings.Contains(out.String(), "seeded with the objects of "+seed+" (kimoby; built-in servicetrade, kickserv)") {
		t.Errorf("webhooks %d, output:\n%s", run.Kimoby.WebhookCount(), out.String())
	}
	if _, err := start([]string{"--port", "0", "--seed", filepath.Join(dir, "missing.yaml")}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "reading seed file") {
		t.Errorf("missing seed: %v", err)
	}
	if _, err := start([]string{"--port", "0", "--dump", filepath.Join(dir, "no", "such", "dir", "d.json")}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("dump into a missing directory: %v", err)
	}
	if _, err := start([]string{"--port", "0", "extra"}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), `unexpected argument "extra"`) {
		t.Errorf("extra argument: %v", err)
	}
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds the command once for the tests that run it.
func binary(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on the PATH to build the emulator with")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "fieldservice-emulator-test") //nolint:usetesting // shared by every test of the package, removed by TestMain
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "fieldservice-emulator")
		out, err := exec.Command(goBin, "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("building the emulator: %v", buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		_ = os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

func TestInvalidSeedExitsNonZeroNamingTheEntries(t *testing.T) {
	bin := binary(t)
	seed := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(seed, []byte("version: 1\nkimoby:\n  webhooks:\n    - url: http://plain.example.com\nkickserv:\n  employees:\n    - {name: \"\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--port", "0", "--seed", seed)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit = %v, want status 1; stderr:\n%s", err, stderr.String())
	}
	for _, want := range []string{
		"fieldservice-emulator: seed file " + seed + ":\n",
		`  kimoby.webhooks[0] ("http://plain.example.com"): url "http://plain.example.com" is invalid: the schema of the url must be HTTPS`,
		"  kickserv.employees[0]: name is required",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	// An unknown flag is a usage error: status 2.
	err = exec.Command(bin, "--no-such-flag").Run()
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Errorf("unknown flag: %v, want status 2", err)
	}
}

// The built command, stopped by SIGTERM or SIGINT, writes the dump and
// exits 0; the dump loads back as a seed.
func TestDumpOnSignal(t *testing.T) {
	bin := binary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			dump := filepath.Join(dir, "state.json")
			// The dump goes over the seed file itself: state kept across runs.
			if err := os.WriteFile(dump, []byte(`{"version": 1, "kimoby": {"webhooks": [{"id": "WHold", "url": "https://old.example.com"}]}}`), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "--port", "0", "--seed", dump, "--dump", dump)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() { _ = cmd.Process.Kill() }()
			urls := make(chan string, 1)
			var rest bytes.Buffer
			done := make(chan struct{})
			go func() {
				defer close(done)
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					line := sc.Text()
					if u, ok := strings.CutPrefix(line, "fieldservice emulator listening on "); ok {
						urls <- u
					}
					rest.WriteString(line + "\n")
				}
			}()
			var url string
			select {
			case url = <-urls:
			case <-time.After(30 * time.Second):
				t.Fatalf("the emulator did not start; stderr:\n%s", stderr.String())
			}
			req, _ := http.NewRequest(http.MethodPost, url+"/kimoby/v1/webhooks", strings.NewReader(`{"url":"https://new.example.com"}`))
			req.SetBasicAuth(emkimoby.APIKey, emkimoby.APISecret)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusCreated {
				t.Fatalf("create: %d", resp.StatusCode)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			waited := make(chan error, 1)
			go func() { <-done; waited <- cmd.Wait() }()
			select {
			case err := <-waited:
				if err != nil {
					t.Fatalf("exit after %s: %v; stderr:\n%s", sig, err, stderr.String())
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("the emulator did not stop on %s", sig)
			}
			if !strings.Contains(rest.String(), "dump written to "+dump) {
				t.Errorf("output:\n%s", rest.String())
			}
			b, err := os.ReadFile(dump)
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Version int `json:"version"`
				Kimoby  struct {
					Webhooks []struct {
						ID  string `json:"id"`
						URL string `json:"url"`
					} `json:"webhooks"`
				} `json:"kimoby"`
				ServiceTrade json.RawMessage `json:"servicetrade"`
				Kickserv     json.RawMessage `json:"kickserv"`
			}
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("dump is not JSON: %v\n%s", err, b)
			}
			hooks := got.Kimoby.Webhooks
			if got.Version != 1 || len(hooks) != 2 || hooks[0].ID != "WHold" || hooks[1].URL != "https://new.example.com" || got.ServiceTrade == nil || got.Kickserv == nil {
				t.Errorf("dump:\n%s", b)
			}
			if fi, err := os.Stat(dump); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("dump mode: %v %v", fi.Mode(), err)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("temporary files left: %v", entries)
			}
		})
	}
}

// The example of SEED.md loads, and holds what the text says.
func TestSeedDocExampleLoads(t *testing.T) {
	doc, err := os.ReadFile("SEED.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(doc), "## A complete example\n\n```yaml\n")
	if !ok {
		t.Fatal("SEED.md has no complete example")
	}
	example, _, _ := strings.Cut(after, "```")
	f, err := seedfile.Parse("SEED.md example", []byte(example))
	if err != nil {
		t.Fatal(err)
	}
	e, err := emulator.NewSeeded(emulator.Options{Seed: f})
	if err != nil {
		t.Fatalf("the example does not load:\n%v", err)
	}
	if e.Kimoby.WebhookCount() != 1 {
		t.Errorf("Kimoby webhooks: %d", e.Kimoby.WebhookCount())
	}
	b, err := e.DumpJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"name": "Globex Downtown"`, `"hookUrl": "https://hooks.example.com/servicetrade"`, `"name": "Terry Technician"`, `"name": "Olga Owner"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the example's dump lacks %s:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), "Emma Ulator") {
		t.Error("the built-in Kickserv owner is added although the example names one")
	}
}
