// Package clicompat_test pins what a user of a Terraform or OpenTofu CLI
// too old for a feature sees when using it (the README's "Which Terraform
// or OpenTofu version" table). Each test runs only under the CLIs it is
// about and skips, saying why, under the others: `make test` (Terraform
// 1.8.5) runs the write-only and identity ones, `make testacc-tofu`
// (OpenTofu 1.6.3) all of them, and `make test-cli` with a Terraform 1.11
// the identity one; where a feature works, its own tests run instead.
package clicompat_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// beforeWriteOnly runs a test only with a CLI older than 1.11 (a 1.11
// prerelease counts as 1.11), which cannot carry write-only values.
type beforeWriteOnly struct{}

func (beforeWriteOnly) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	if !req.TerraformVersion.Core().LessThan(tfversion.Version1_11_0) {
		resp.Skip = "CLI version " + req.TerraformVersion.String() + " supports write-only attributes: this test is about the CLIs before 1.11"
	}
}

// inOrder matches the given texts in that order, each as acctest.ErrorText
// does (any run of white space where the CLI wraps lines), with anything
// between them.
func inOrder(texts ...string) *regexp.Regexp {
	parts := make([]string, len(texts))
	for i, text := range texts {
		parts[i] = acctest.ErrorText(text).String()[len(`(?s)`):]
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `.*`))
}

// Terraform before 1.11 (and OpenTofu before 1.11) cannot carry a
// write-only value: the plan fails on the write-only attribute with the
// framework's error, which names the resource, the attribute and the
// version needed, before anything is sent to the vendor. This is the whole
// error a Terraform 1.8 user gets for each resource with a write-only
// attribute.
func TestAccOlderCLI_writeOnlyAttributeIsRefusedAtPlan(t *testing.T) {
	acctest.PreCheck(t, "SERVICETRADE_BASE_URL", "KICKSERV_ACCOUNT", "KICKSERV_API_TOKEN")
	cases := []struct{ address, config string }{
		{"fieldservice_servicetrade_user.test", `
resource "fieldservice_servicetrade_user" "test" {
  username            = "tfacc_clicompat_wo"
  first_name          = "Write"
  last_name           = "Only"
  email               = "write.only@example.com"
  company_id          = 4294967297
  location_id         = 4294967298
  password_wo         = "never-Sent-1"
  password_wo_version = 1
}
`},
		{"fieldservice_kickserv_employee.test", `
resource "fieldservice_kickserv_employee" "test" {
  name                = "Write Only"
  username            = "tfacc_clicompat_wo"
  can_login           = true
  password_wo         = "never-Sent-1"
  password_wo_version = 1
}
`},
	}
	for _, tc := range cases {
		t.Run(strings.SplitN(tc.address, ".", 2)[0], func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{beforeWriteOnly{}},
				Steps: []resource.TestStep{{
					Config:   tc.config,
					PlanOnly: true,
					ExpectError: inOrder(
						"Error: WriteOnly Attribute Not Allowed",
						"with "+tc.address+",",
						"The resource contains a non-null value for WriteOnly attribute password_wo. Write-only attributes are only supported in Terraform 1.11 and later.",
					),
				}},
			})
		})
	}
}

// cli is the CLI the acceptance tests run (TF_ACC_TERRAFORM_PATH).
type cli struct {
	path, name   string // name is "Terraform" or "OpenTofu"
	major, minor int
}

// cliUnderTest is the CLI of the acceptance tests, as its `version` says.
func cliUnderTest(t *testing.T) cli {
	t.Helper()
	acctest.RequireEmulator(t)
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance tests run with TF_ACC=1 (make test or make testacc)")
	}
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if path == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the Terraform CLI (the Makefile sets it)")
	}
	name, major, minor, err := acctest.CLIVersion(path)
	if err != nil {
		t.Fatal(err)
	}
	return cli{path: path, name: name, major: major, minor: minor}
}

// before reports whether the CLI is the named one, older than major.minor.
func (c cli) before(name string, major, minor int) bool {
	return c.name == name && (c.major < major || c.major == major && c.minor < minor)
}

// validate writes config as main.tf in a directory of its own and runs
// `validate` there (no init: these configurations fail at parsing, before
// any provider is needed), returning its output; it must fail.
func (c cli) validate(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(c.path, "validate", "-no-color")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("%s validate: want it to fail, got error %v and output:\n%s", c.name, err, out)
	}
	return string(out)
}

const requiredProviders = `terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}
`

// OpenTofu before 1.7 has no provider functions and does not parse the
// provider:: namespace: a call to provider::fieldservice::kimoby_webhook_signature
// is a syntax error on the line of the call, which says nothing about
// functions. (Terraform has them from 1.8, OpenTofu from 1.7:
// TestAccKimobyWebhookSignature_function.)
func TestAccOlderCLI_providerFunctionOnOpenTofu16(t *testing.T) {
	c := cliUnderTest(t)
	if !c.before("OpenTofu", 1, 7) {
		t.Skipf("this test is about OpenTofu before 1.7 (no provider functions), not %s %d.%d", c.name, c.major, c.minor)
	}
	out := c.validate(t, requiredProviders+`
output "signature" {
  value = provider::fieldservice::kimoby_webhook_signature("KEY", "https://example.com/hook", "BODY")
}
`)
	want := inOrder(
		"Error: Missing newline after argument",
		`on main.tf line 10, in output "signature":`,
		"An argument definition must end with a newline.",
	)
	if !want.MatchString(out) {
		t.Errorf("OpenTofu %d.%d: want the error %s, got:\n%s", c.major, c.minor, want, out)
	}
}

// OpenTofu before 1.7 has import blocks but no for_each in them, which the
// adoption guide uses with the plural data sources: the for_each argument
// is refused. (Terraform 1.8 and OpenTofu 1.7 run that pattern:
// TestAccTerms_adoptWithForEachImport and the adoption guide's end-to-end
// test.)
func TestAccOlderCLI_forEachImportOnOpenTofu16(t *testing.T) {
	c := cliUnderTest(t)
	if !c.before("OpenTofu", 1, 7) {
		t.Skipf("this test is about OpenTofu before 1.7 (no for_each in import blocks), not %s %d.%d", c.name, c.major, c.minor)
	}
	out := c.validate(t, requiredProviders+`
locals {
  existing = { standard = "4294967297" }
}

import {
  for_each = local.existing
  to       = fieldservice_servicetrade_terms.adopted[each.key]
  id       = each.value
}

resource "fieldservice_servicetrade_terms" "adopted" {
  for_each = local.existing
  name     = each.key
  content  = "Adopted."
}
`)
	want := inOrder(
		"Error: Unsupported argument",
		"on main.tf line 14, in import:",
		`An argument named "for_each" is not expected here.`,
	)
	if !want.MatchString(out) {
		t.Errorf("OpenTofu %d.%d: want the error %s, got:\n%s", c.major, c.minor, want, out)
	}
}

// Terraform before 1.12 and OpenTofu before 1.12 have no import by resource
// identity: an import block with identity instead of id is refused, the
// error naming the id argument it expects instead.
func TestAccOlderCLI_identityImportBlock(t *testing.T) {
	c := cliUnderTest(t)
	if !c.before("Terraform", 1, 12) && !c.before("OpenTofu", 1, 12) {
		t.Skipf("this test is about the CLIs before 1.12 (no import by identity), not %s %d.%d", c.name, c.major, c.minor)
	}
	out := c.validate(t, requiredProviders+`
import {
  to = fieldservice_servicetrade_region.triangle
  identity = {
    id = "4294967297"
  }
}

resource "fieldservice_servicetrade_region" "triangle" {
  name  = "Triangle"
  color = "#ff9000"
  points = [
    { lat = 36.10, lon = -79.10 },
    { lat = 36.10, lon = -78.40 },
    { lat = 35.60, lon = -78.40 },
  ]
}
`)
	for _, want := range []*regexp.Regexp{
		inOrder("Error: Missing required argument", "on main.tf line 9, in import:", `The argument "id" is required, but no definition was found.`),
		inOrder("Error: Unsupported argument", "on main.tf line 11, in import:", `An argument named "identity" is not expected here.`),
	} {
		if !want.MatchString(out) {
			t.Errorf("%s %d.%d: want the error %s, got:\n%s", c.name, c.major, c.minor, want, out)
		}
	}
}

// Terraform before 1.14 and OpenTofu (1.6 to at least 1.10) have no
// `query` command, so list resources cannot be used: the CLI says so, in
// its own name, and fails.
func TestAccOlderCLI_queryCommand(t *testing.T) {
	c := cliUnderTest(t)
	if !c.before("Terraform", 1, 14) && c.name != "OpenTofu" {
		t.Skipf("this test is about the CLIs without terraform query, not %s %d.%d", c.name, c.major, c.minor)
	}
	cmd := exec.Command(c.path, "query")
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("%s %d.%d: query succeeded:\n%s", c.name, c.major, c.minor, out)
	}
	if want := c.name + ` has no command named "query".`; !strings.Contains(string(out), want) {
		t.Errorf("%s %d.%d: want %q, got:\n%s", c.name, c.major, c.minor, want, out)
	}
}
