package kickserv_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
)

// The password attribute is sent on create and when it changes, never
// otherwise, and is marked sensitive. Whether Kickserv received it is only
// observable through the emulator (passwords are never readable), and every
// password change rotates the employee's API token, which shows whether a
// password was sent at all.
func TestAccEmployee_password(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t)
	run, err := acctest.Shared()
	if err != nil {
		t.Fatal(err)
	}
	emu := run.Kickserv
	username := strings.ReplaceAll(acctest.RandomName("pw"), "-", "_")
	config := func(password, city string) string {
		attrs := map[string]string{"name": q("Password Test"), "username": q(username), "can_login": "true", "city": q(city)}
		if password != "" {
			attrs["password"] = q(password)
		}
		return employeeConfig(attrs)
	}
	var id, token string
	// passwordIs checks the password Kickserv holds and whether the API
	// token changed since the last check (that is, whether a password was
	// sent in between).
	passwordIs := func(want, not string, rotated bool) resource.TestCheckFunc {
		return func(*terraform.State) error {
			n := number(t, id)
			if !emu.PasswordMatches(emuks.Account, n, want) {
				return fmt.Errorf("Kickserv does not hold the password %q", want)
			}
			if not != "" && emu.PasswordMatches(emuks.Account, n, not) {
				return fmt.Errorf("Kickserv still accepts the old password %q", not)
			}
			now := emu.APITokenOf(emuks.Account, n)
			if rotated && now == token {
				return fmt.Errorf("the API token did not change: the password was not sent")
			}
			if !rotated && now != token {
				return fmt.Errorf("the API token changed: the password was sent again")
			}
			token = now
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkEmployeeInactive(t, &id),
		Steps: []resource.TestStep{
			{
				Config: config("first-Pass-1", "Austin"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectSensitiveValue(employeeAddr, tfjsonpath.New("password"))},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(employeeAddr, "id", &id),
					resource.TestCheckResourceAttr(employeeAddr, "can_login", "true"),
					func(*terraform.State) error { token = emu.APITokenOf(emuks.Account, number(t, id)); return nil },
					passwordIs("first-Pass-1", "", false),
				),
			},
			// A new password is sent, and nothing diffs afterwards.
			{
				Config: config("second-Pass-2", "Austin"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(employeeAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(&id), passwordIs("second-Pass-2", "first-Pass-1", true)),
			},
			// Other changes do not send the password again.
			{
				Config: config("second-Pass-2", "Dallas"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(employeeAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(&id), passwordIs("second-Pass-2", "", false)),
			},
			// The password cannot be read, so an import does not have it.
			{
				ResourceName:            employeeAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password"},
			},
			// Removing the password from the configuration leaves it in
			// Kickserv as it is.
			{
				Config: config("", "Dallas"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(employeeAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckNoResourceAttr(employeeAddr, "password"),
					passwordIs("second-Pass-2", "", false),
				),
			},
		},
	})
}

// Terraform before 1.11 cannot carry write-only values: the provider says
// so at plan time instead of silently storing or dropping the password.
// (The protocol-level test covers password_wo itself.)
func TestAccEmployee_passwordWORefusedBeforeTerraform111(t *testing.T) {
	preCheck(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipAbove(tfversion.Version1_10_0)},
		Steps: []resource.TestStep{{
			Config: employeeConfig(map[string]string{
				"name": q("Write Only"), "username": q(strings.ReplaceAll(acctest.RandomName("wo"), "-", "_")),
				"can_login": "true", "password_wo": q("never-stored-1"), "password_wo_version": "1",
			}),
			PlanOnly:    true,
			ExpectError: acctest.ErrorText("Write-only attributes are only supported in Terraform 1.11 and later."),
		}},
	})
}

// With Terraform 1.11 or later, password_wo goes to Kickserv and never into
// the state; changing password_wo_version sends it again.
func TestAccEmployee_passwordWO(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t)
	run, err := acctest.Shared()
	if err != nil {
		t.Fatal(err)
	}
	username := strings.ReplaceAll(acctest.RandomName("wo"), "-", "_")
	config := func(password string, version int) string {
		return employeeConfig(map[string]string{
			"name": q("Write Only"), "username": q(username), "can_login": "true",
			"password_wo": q(password), "password_wo_version": fmt.Sprint(version),
		})
	}
	var id string
	holds := func(password string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			if !run.Kickserv.PasswordMatches(emuks.Account, number(t, id), password) {
				return fmt.Errorf("Kickserv does not hold the password %q", password)
			}
			for k, v := range s.RootModule().Resources[employeeAddr].Primary.Attributes {
				if strings.Contains(v, "wo-Pass") {
					return fmt.Errorf("the state holds the write-only password in %s", k)
				}
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		CheckDestroy:             checkEmployeeInactive(t, &id),
		Steps: []resource.TestStep{
			{
				Config:           config("wo-Pass-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(employeeAddr, "id", &id),
					resource.TestCheckNoResourceAttr(employeeAddr, "password_wo"),
					holds("wo-Pass-1"),
				),
			},
			// A new value without a new version is not sent.
			{
				Config:           config("wo-Pass-2", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            holds("wo-Pass-1"),
			},
			{
				Config: config("wo-Pass-2", 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(employeeAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(&id), holds("wo-Pass-2")),
			},
		},
	})
}
