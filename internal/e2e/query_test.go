package e2e_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
)

// queryCLIEnv names a Terraform 1.14+ CLI for the `terraform query` test
// alone, so that it can run while the rest of the suite uses the
// Makefile's Terraform 1.8.5; without it, TF_ACC_TERRAFORM_PATH is used
// when it is 1.14 or later (make test-cli CLI=…).
const queryCLIEnv = "TF_ACC_TERRAFORM_QUERY_PATH"

// The Terraform 1.14 section of the "adopting an existing account" guide,
// run as written: `terraform query -generate-config-out` lists every
// object the guide's list blocks ask for and writes a resource and an
// import block for each; the plan imports them all and changes nothing,
// and after the apply the next plan is empty.
func TestAdoptExistingAccountGuide_query(t *testing.T) {
	cli := queryCLI(t)
	run := startEmulator(t, emulator.Options{PageSize: 2})
	ws := emulatedWorkspace(t, run)
	ws.terraform = cli
	acct := existingAccount(t, run)
	// The query file adopts every kind but lib items and warehouses.
	want := acct.total() - acct.libItems - acct.warehouses

	copyDir(t, filepath.Join(moduleRoot(t), "examples", "guides", "adopt", "query"), ws.dir)
	brandVar := "-var=brand_company_id=" + strconv.FormatInt(acct.brandCompanyID, 10)
	ws.run(nil, "query", "-generate-config-out=generated.tf", brandVar)
	generated, err := os.ReadFile(filepath.Join(ws.dir, "generated.tf"))
	if err != nil {
		t.Fatalf("terraform query wrote no configuration: %v", err)
	}
	resources := regexp.MustCompile(`(?m)^resource "fieldservice_`).FindAll(generated, -1)
	imports := regexp.MustCompile(`(?m)^import \{`).FindAll(generated, -1)
	if len(resources) != want || len(imports) != want {
		t.Fatalf("generated %d resource and %d import blocks, want %d of each:\n%s", len(resources), len(imports), want, generated)
	}
	if !strings.Contains(string(generated), "identity = {") {
		t.Errorf("the import blocks do not name objects by identity:\n%s", generated)
	}

	out, _ := ws.run(nil, "plan", "-input=false")
	if !strings.Contains(out, strconv.Itoa(want)+" to import, 0 to add, 0 to change, 0 to destroy") {
		t.Fatalf("the plan of the generated configuration does not only import %d objects:\n%s", want, out)
	}
	out, _ = ws.run(nil, "apply", "-auto-approve", "-input=false")
	if !strings.Contains(out, strconv.Itoa(want)+" imported") {
		t.Fatalf("the apply did not import %d objects:\n%s", want, out)
	}
	if out, code := ws.run([]int{0, 2}, "plan", "-detailed-exitcode", "-input=false"); code != 0 {
		t.Fatalf("the plan after adoption is not empty:\n%s", out)
	}
}

// queryCLI is the Terraform CLI the query test runs: the one queryCLIEnv
// names, else the suite's (TF_ACC_TERRAFORM_PATH), when it is Terraform
// 1.14 or later; the test is skipped otherwise, saying how to run it.
func queryCLI(t *testing.T) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("end-to-end tests run with TF_ACC=1 (make test)")
	}
	path := os.Getenv(queryCLIEnv)
	if path == "" {
		path = os.Getenv("TF_ACC_TERRAFORM_PATH")
	}
	if path == "" {
		t.Skipf("terraform query needs Terraform 1.14 or later: set %s to one to run this test", queryCLIEnv)
	}
	name, major, minor, err := acctest.CLIVersion(path)
	if err != nil {
		t.Fatal(err)
	}
	if name != "Terraform" || major < 1 || major == 1 && minor < 14 {
		t.Skipf("terraform query needs Terraform 1.14 or later; %s is %s %d.%d. Set %s to a Terraform 1.14+ CLI, or run make test-cli CLI=<it>, to run this test.",
			path, name, major, minor, queryCLIEnv)
	}
	return path
}
