package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// The "Testing a configuration repository" guide, run as written: its
// ci/check.sh checks each account on the emulator built from
// cmd/fieldservice-emulator, seeded with the account's seed.yaml, and its
// ci/drift.sh tells an account that matches its configuration from one
// changed by hand and from a check that cannot run.

// configRepo is a copy of the guide's repository with the built provider
// (through the workspace's dev_overrides) and the built emulator.
type configRepo struct {
	ws       *workspace
	dir      string
	emulator string
}

func newConfigRepo(t *testing.T, extraEnv ...string) *configRepo {
	t.Helper()
	ws := newWorkspace(t, extraEnv...)
	mirrorProvider(t, ws)
	bin := filepath.Join(t.TempDir(), "fieldservice-emulator")
	build := exec.Command("go", "build", "-o", bin, "./cmd/fieldservice-emulator")
	build.Dir = moduleRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the emulator: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "repo")
	copyTree(t, filepath.Join(moduleRoot(t), "examples", "guides", "config-repo"), dir)
	return &configRepo{ws: ws, dir: dir, emulator: bin}
}

// script runs one of the repository's ci/ scripts as its workflow does and
// returns the output and the exit status.
func (r *configRepo) script(t *testing.T, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command("bash", append([]string{filepath.Join("ci", name)}, args...)...)
	cmd.Dir = r.dir
	cmd.Env = append(append(append([]string{}, r.ws.env...), "TERRAFORM="+r.ws.terraform, "FIELDSERVICE_EMULATOR="+r.emulator), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		t.Fatalf("running ci/%s: %v", name, err)
	}
	return out.String(), cmd.ProcessState.ExitCode()
}

func TestConfigRepoGuide_checkEveryAccount(t *testing.T) {
	r := newConfigRepo(t)
	for _, account := range []string{"sandbox", "production"} {
		t.Run(account, func(t *testing.T) {
			dump := filepath.Join(t.TempDir(), "after.json")
			out, code := r.script(t, []string{"EMULATOR_DUMP=" + dump}, "check.sh", "accounts/"+account)
			if code != 0 || !strings.Contains(out, "check: the second plan is empty") || !strings.Contains(out, "check: accounts/"+account+" passed") {
				t.Fatalf("ci/check.sh accounts/%s exited %d:\n%s", account, code, out)
			}
			if account == "production" && !strings.Contains(out, "1 imported") {
				t.Errorf("the production check does not rehearse the import of the hand-made tag:\n%s", out)
			}
			// The account folder is left as it was: no override, no state.
			if _, err := os.Stat(filepath.Join(r.dir, "accounts", account, "zz_emulator_check_override.tf")); !os.IsNotExist(err) {
				t.Errorf("the backend override is still in accounts/%s (%v)", account, err)
			}
			for _, left := range []string{"terraform.tfstate", ".terraform"} {
				if _, err := os.Stat(filepath.Join(r.dir, "accounts", account, left)); !os.IsNotExist(err) {
					t.Errorf("ci/check.sh left %s in accounts/%s", left, account)
				}
			}
			// The dump holds the seed's reference data and what the apply made.
			f, err := seedfile.Read(dump)
			if err != nil {
				t.Fatalf("the dump after the apply does not load as a seed: %v", err)
			}
			var st struct {
				Regions  []struct{ Name string }    `json:"regions"`
				Webhooks []struct{ HookURL string } `json:"webhooks"`
				Tags     []struct{ Name string }    `json:"tags"`
				Terms    []struct{ Name string }    `json:"terms"`
			}
			if err := json.Unmarshal(f.ServiceTrade, &st); err != nil {
				t.Fatal(err)
			}
			if len(st.Regions) != 2 || len(st.Webhooks) != 1 || len(st.Tags) != 2 || len(st.Terms) != 1 || st.Terms[0].Name != "Standard Terms" {
				t.Errorf("the dump after the apply holds %d regions, %d webhooks, %d tags and terms %+v; want 2, 1, 2 and the seed's Standard Terms", len(st.Regions), len(st.Webhooks), len(st.Tags), st.Terms)
			}
		})
	}
}

// A name the configuration looks up that the account does not hold fails
// the check at plan, naming it; a seed that is not valid stops the
// emulator, naming the entry.
func TestConfigRepoGuide_checkFailsOnWhatTheAccountLacks(t *testing.T) {
	r := newConfigRepo(t)
	seed := filepath.Join(r.dir, "accounts", "sandbox", "seed.yaml")
	original, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}

	writeFile(t, seed, strings.Replace(string(original), "name: Standard Terms", "name: Old Standard Terms", 1))
	out, code := r.script(t, nil, "check.sh", "accounts/sandbox")
	if code == 0 || !strings.Contains(out, "Standard Terms") || strings.Contains(out, "passed") {
		t.Fatalf("a seed without the Standard Terms the configuration looks up: exit %d, want a failed plan naming them:\n%s", code, out)
	}

	writeFile(t, seed, strings.Replace(string(original), "serviceLineId: 5000201", "serviceLineId: 5000299", 1))
	out, code = r.script(t, nil, "check.sh", "accounts/sandbox")
	if code == 0 || !strings.Contains(out, "check: the emulator did not start") || !strings.Contains(out, "servicetrade.lib_items[0]") {
		t.Fatalf("a seed whose lib item names no service line of the seed: exit %d, want the emulator's error naming servicetrade.lib_items[0]:\n%s", code, out)
	}
}

// ci/drift.sh against an account (here the emulator, seeded as the
// sandbox, standing in for the real one): 0 when it matches, 2 after a
// change made by hand, 1 when the check cannot run.
func TestConfigRepoGuide_driftCheck(t *testing.T) {
	seed, err := seedfile.Read(filepath.Join(moduleRoot(t), "examples", "guides", "config-repo", "accounts", "sandbox", "seed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	run := startEmulator(t, emulator.Options{Seed: seed})
	var env []string
	for k, v := range run.Env() {
		env = append(env, k+"="+v)
	}
	r := newConfigRepo(t, env...)
	account := filepath.Join(r.dir, "accounts", "sandbox")
	// The real backend is not reachable from the test: a local one stands
	// in for it, as the account's state would be.
	writeFile(t, filepath.Join(account, "backend_override.tf"), "terraform {\n  backend \"local\" {}\n}\n")
	tf := r.ws.in(account)
	tf.run(nil, "init", "-input=false")
	tf.run(nil, "apply", "-auto-approve", "-input=false")

	out, code := r.script(t, nil, "drift.sh", "accounts/sandbox")
	if code != 0 || !strings.Contains(out, "drift: none") {
		t.Fatalf("drift check right after the apply: exit %d, want 0 and no drift:\n%s", code, out)
	}

	c := serviceTradeClient(t, run)
	hooks, err := c.ListWebhooks(context.Background())
	if err != nil || len(hooks) != 1 {
		t.Fatalf("webhooks: %+v, %v", hooks, err)
	}
	off := false
	if _, err := c.UpdateWebhook(context.Background(), hooks[0].ID, stapi.WebhookUpdate{Enabled: &off}); err != nil {
		t.Fatal(err)
	}
	out, code = r.script(t, nil, "drift.sh", "accounts/sandbox")
	if code != 2 || !strings.Contains(out, "drift: DETECTED in accounts/sandbox") || !strings.Contains(out, "enabled") {
		t.Fatalf("drift check after a webhook was disabled by hand: exit %d, want 2 and the change:\n%s", code, out)
	}

	out, code = r.script(t, []string{"SERVICETRADE_CLIENT_SECRET=not-the-secret"}, "drift.sh", "accounts/sandbox")
	if code != 1 || !strings.Contains(out, "drift: the check of accounts/sandbox FAILED (exit 1)") || strings.Contains(out, "not-the-secret") {
		t.Fatalf("drift check with a wrong secret: exit %d, want 1 and the failure (without the secret):\n%s", code, out)
	}
}

// mirrorProvider makes ws install the provider it built from a filesystem
// mirror, as an air-gapped CI does, instead of through dev_overrides: the
// guide's accounts use a module and a backend, so their scripts run
// terraform init, which dev_overrides do not support.
func mirrorProvider(t *testing.T, ws *workspace) {
	t.Helper()
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	mirror := filepath.Join(t.TempDir(), "mirror")
	pkg := filepath.Join(mirror, host, "fieldservice", "fieldservice", "0.0.1", runtime.GOOS+"_"+runtime.GOARCH)
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(ws.provider)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "terraform-provider-fieldservice_v0.0.1"), b, 0o755); err != nil {
		t.Fatal(err)
	}
	rc := filepath.Join(t.TempDir(), "terraformrc")
	writeFile(t, rc, `provider_installation {
  filesystem_mirror {
    path    = "`+mirror+`"
    include = ["`+host+`/fieldservice/fieldservice"]
  }
}
`)
	ws.env = append(ws.env, "TF_CLI_CONFIG_FILE="+rc)
}

// copyTree copies the folder src, with its subfolders (hidden ones
// included), into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}
