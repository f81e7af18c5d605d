package e2e_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// workspace is a Terraform working directory wired to a freshly built
// provider binary.
type workspace struct {
	t         *testing.T
	dir       string
	terraform string
	env       []string
	// provider is the provider binary built for this workspace.
	provider string
}

// newWorkspace builds the provider and writes a CLI configuration whose
// dev_overrides point Terraform at it. It needs TF_ACC and the Terraform CLI
// (TF_ACC_TERRAFORM_PATH), like the acceptance tests.
func newWorkspace(t *testing.T, extraEnv ...string) *workspace {
	t.Helper()
	acctest.RequireEmulator(t)
	if os.Getenv("TF_ACC") == "" {
		t.Skip("end-to-end tests run with TF_ACC=1 (make test)")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the Terraform CLI (the Makefile sets it)")
	}
	root := t.TempDir()
	bin := filepath.Join(root, "bin")
	provider := filepath.Join(bin, "terraform-provider-fieldservice")
	build := exec.Command("go", "build", "-o", provider, ".")
	build.Dir = moduleRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	rc := filepath.Join(root, "terraformrc")
	writeFile(t, rc, `provider_installation {
  dev_overrides {
    "registry.terraform.io/fieldservice/fieldservice" = "`+bin+`"
  }
  direct {}
}
`)
	dir := filepath.Join(root, "config")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	return &workspace{t: t, dir: dir, terraform: tf, env: append(env, extraEnv...), provider: provider}
}

// startEmulator serves the in-process emulator of the three APIs on a
// loopback port for the rest of the test.
func startEmulator(t *testing.T, opts emulator.Options) *emulator.Running {
	t.Helper()
	run, err := emulator.Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = run.Close() })
	return run
}

// loggedWorkspace is a workspace whose Terraform and provider log at
// level (TF_LOG) to the file it returns.
func loggedWorkspace(t *testing.T, level string) (*workspace, string) {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), level+".log")
	return newWorkspace(t, "TF_LOG="+level, "TF_LOG_PATH="+logPath), logPath
}

// run runs terraform with args and returns its combined output; a non-zero
// exit fails the test unless allowed lists the code.
func (w *workspace) run(allowed []int, args ...string) (string, int) {
	w.t.Helper()
	cmd := exec.Command(w.terraform, args...)
	cmd.Dir = w.dir
	cmd.Env = w.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if err != nil && !containsInt(allowed, code) {
		w.t.Fatalf("terraform %s exited %d: %v\n%s", strings.Join(args, " "), code, err, out.String())
	}
	return out.String(), code
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// in returns the workspace working in another directory (created if need
// be), with the same provider build and environment.
func (w *workspace) in(dir string) *workspace {
	w.t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		w.t.Fatal(err)
	}
	c := *w
	c.dir = dir
	return &c
}

// copyDir copies the regular files of src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dst, e.Name()), string(b))
	}
}

// emulatedWorkspace is a workspace whose provider reaches the emulator
// through the environment variables it prints, as a user's shell would.
func emulatedWorkspace(t *testing.T, run *emulator.Running) *workspace {
	t.Helper()
	var env []string
	for k, v := range run.Env() {
		env = append(env, k+"="+v)
	}
	return newWorkspace(t, env...)
}

// serviceTradeClient is an API client of the emulated ServiceTrade account,
// for what a test makes or checks outside Terraform.
func serviceTradeClient(t *testing.T, run *emulator.Running) *stapi.Client {
	t.Helper()
	c, err := stapi.New(stapi.Config{BaseURL: run.ServiceTradeURL(), ClientID: run.Env()["SERVICETRADE_CLIENT_ID"], ClientSecret: run.Env()["SERVICETRADE_CLIENT_SECRET"]})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
