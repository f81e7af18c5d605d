package servicetrade_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const tfUserAddr = "fieldservice_servicetrade_user.test"

// tfUserHome is where the test users live: the company and home office of
// an active user of the account's own company, and a service line.
type tfUserHome struct{ company, office, line int64 }

func tfUserHomeOf(t *testing.T) tfUserHome {
	t.Helper()
	c := acctest.ServiceTradeClient(t)
	company, office := acctest.ServiceTradeHome(t, c)
	lines, err := c.ListServiceLines(context.Background(), api.ServiceLineFilter{})
	if err != nil || len(lines) == 0 {
		t.Fatalf("the account's service lines: %v, %v; this test needs one", lines, err)
	}
	return tfUserHome{company: company, office: office, line: lines[0].ID}
}

// tfUserName is a random username (letters, digits and underscores).
func tfUserName(prefix string) string {
	return strings.ReplaceAll(acctest.RandomName(prefix), "-", "_")
}

// tfUserBlock is a user resource labelled label: the required attributes
// for username, and the attribute lines given.
func tfUserBlock(label, username string, h tfUserHome, lines ...string) string {
	return fmt.Sprintf(`resource "fieldservice_servicetrade_user" %q {
  username    = %q
  first_name  = "Geordi"
  last_name   = "La Forge"
  email       = "geordi@example.com"
  company_id  = %d
  location_id = %d
  %s
}
`, label, username, h.company, h.office, strings.Join(lines, "\n  "))
}

func tfUserID(t *testing.T, raw string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		t.Fatalf("user id %q is not numeric", raw)
	}
	return id
}

// tfUserPassword checks, in the emulator (passwords cannot be read), that
// ServiceTrade holds the password.
func tfUserPassword(t *testing.T, id *string, password string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if acctest.Live() {
			return nil
		}
		run, err := acctest.Shared()
		if err != nil {
			return err
		}
		if !run.ServiceTrade.UserPasswordMatches(tfUserID(t, *id), password) {
			return fmt.Errorf("ServiceTrade does not hold the password %q for user %s", password, *id)
		}
		return nil
	}
}

// checkUsersDeactivated is deliberately not a "gone" check: ServiceTrade
// cannot delete users, so after destroy every user the test created must
// still exist, inactive.
func checkUsersDeactivated(t *testing.T, ids *[]string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if len(*ids) == 0 {
			return fmt.Errorf("no user id was captured")
		}
		for _, raw := range *ids {
			u, err := acctest.ServiceTradeClient(t).GetUser(context.Background(), tfUserID(t, raw))
			if err != nil {
				return fmt.Errorf("user %s should still exist after destroy, but reading it failed: %v", raw, err)
			}
			if u.Status != api.UserInactive {
				return fmt.Errorf("user %s is %s after destroy; want it inactive", raw, u.Status)
			}
		}
		return nil
	}
}

// Note: the API cannot delete users, so every run leaves the users it
// created in the account, deactivated (with random tfacc_ usernames).
func TestAccUser_lifecycle(t *testing.T) {
	preCheck(t)
	h := tfUserHomeOf(t)
	username := tfUserName("user")
	var id string
	var ids []string
	keep := func(*terraform.State) error {
		ids = append(ids, id)
		return nil
	}
	first := tfUserBlock("test", username, h, `password = "tribbles123"`)
	updated := tfUserBlock("test", username, h, `password = "riker4ever"`, `first_name = "Commander"`, `phone = "919-555-0142"`,
		`details = "Chief engineer"`, `is_sales = true`, `timezone = "Europe/Paris"`, fmt.Sprintf(`service_line_ids = [%d]`, h.line))
	updated = strings.Replace(updated, `first_name  = "Geordi"`, "", 1)
	trimmed := tfUserBlock("test", username, h, `password = "riker4ever"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkUsersDeactivated(t, &ids),
		Steps: []resource.TestStep{
			// Create: active, no phone, the account's time zone.
			{
				Config: first,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(tfUserAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectSensitiveValue(tfUserAddr, tfjsonpath.New("password")),
						plancheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
						plancheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("phone"), knownvalue.StringExact("")),
						plancheck.ExpectUnknownValue(tfUserAddr, tfjsonpath.New("timezone")),
						plancheck.ExpectUnknownValue(tfUserAddr, tfjsonpath.New("role_ids")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("name"), knownvalue.StringExact("Geordi La Forge")),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("timezone"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("details"), knownvalue.Null()),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("service_line_ids"), knownvalue.SetExact([]knownvalue.Check{})),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("is_sales"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("role_ids"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("created"), knownvalue.NotNull()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(tfUserAddr, "id", &id), keep,
					resource.TestMatchResourceAttr(tfUserAddr, "uri", regexpMust(`/user/\d+$`)),
					resource.TestCheckResourceAttr(tfUserAddr, "password", "tribbles123"),
					tfUserPassword(t, &id, "tribbles123"),
				),
			},
			// A second plan after a refresh is empty too.
			{Config: first, PlanOnly: true},
			// A second user with the username, in another case, is refused
			// before the create, with the way to import the existing one.
			{
				Config:      first + tfUserBlock("copy", strings.ToUpper(username), h, `password = "tribbles123"`),
				ExpectError: regexpMust(fmt.Sprintf(`A\s+ServiceTrade\s+user\s+with\s+username\s+"%s"\s+already\s+exists\s+\(id\s+\d+\)(?s:.*)terraform\s+import`, strings.ToUpper(username))),
			},
			// Update in place, with a new password.
			{
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(tfUserAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("name"), knownvalue.StringExact("Commander La Forge")),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("timezone"), knownvalue.StringExact("Europe/Paris")),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("service_line_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(h.line)})),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("details"), knownvalue.StringExact("Chief engineer")),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("is_sales"), knownvalue.Bool(true)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(tfUserAddr, &id), tfUserPassword(t, &id, "riker4ever")),
			},
			// Import by id: the password cannot be read back.
			{
				ResourceName:            tfUserAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"password"},
			},
			// Out-of-band change: the next plan shows it and apply reverts it.
			{
				PreConfig: func() {
					c := acctest.ServiceTradeClient(t)
					u, err := c.GetUser(context.Background(), tfUserID(t, id))
					if err != nil {
						t.Fatal(err)
					}
					in := api.UserInputOf(*u)
					in.FirstName, in.Phone, in.IsSales = "Changed", "", false
					if _, err := c.UpdateUser(context.Background(), u.ID, in); err != nil {
						t.Fatal(err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(tfUserAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("first_name"), knownvalue.StringExact("Commander")),
						plancheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("is_sales"), knownvalue.Bool(true)),
						// The first name changes, so the full name is recomposed.
						plancheck.ExpectUnknownValue(tfUserAddr, tfjsonpath.New("name")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(tfUserAddr, &id),
					resource.TestCheckResourceAttr(tfUserAddr, "phone", "919-555-0142"),
					// The password did not change, so it was not sent again.
					tfUserPassword(t, &id, "riker4ever"),
				),
			},
			// Deactivated out of band: planned back to active, in place.
			{
				PreConfig: func() {
					if _, err := acctest.ServiceTradeClient(t).SetUserStatus(context.Background(), tfUserID(t, id), api.UserInactive); err != nil {
						t.Fatal(err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(tfUserAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
						// Neither name changes, so the full name is known.
						plancheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("name"), knownvalue.StringExact("Commander La Forge")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					sameID(tfUserAddr, &id),
					func(*terraform.State) error {
						if u, err := acctest.ServiceTradeClient(t).GetUser(context.Background(), tfUserID(t, id)); err != nil || !u.Active() {
							return fmt.Errorf("after apply the user is %+v, %v; want it active again", u, err)
						}
						return nil
					},
				),
			},
			// Removing the optional attributes clears them; the time zone
			// is kept as it is.
			{
				Config: trimmed,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(tfUserAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("timezone"), knownvalue.StringExact("Europe/Paris")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("phone"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("details"), knownvalue.Null()),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("service_line_ids"), knownvalue.SetExact([]knownvalue.Check{})),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("is_sales"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("timezone"), knownvalue.StringExact("Europe/Paris")),
				},
				Check: sameID(tfUserAddr, &id),
			},
			// status = "inactive" keeps the user, inactive.
			{
				Config: tfUserBlock("test", username, h, `password = "riker4ever"`, `status = "inactive"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(tfUserAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(tfUserAddr, &id), resource.TestCheckResourceAttr(tfUserAddr, "status", "inactive")),
			},
			// A new username replaces the user: PUT cannot change it. The
			// old user is deactivated, the new one created.
			{
				Config: tfUserBlock("test", username+"_2", h, `password = "riker4ever"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(tfUserAddr, plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectUnknownValue(tfUserAddr, tfjsonpath.New("id")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						if got := s.RootModule().Resources[tfUserAddr].Primary.ID; got == id {
							return fmt.Errorf("id %s kept: username did not replace the user", id)
						}
						if u, err := acctest.ServiceTradeClient(t).GetUser(context.Background(), tfUserID(t, id)); err != nil || u.Status != api.UserInactive {
							return fmt.Errorf("the replaced user is %+v, %v; want it inactive", u, err)
						}
						return nil
					},
					acctest.Capture(tfUserAddr, "id", &id), keep,
					resource.TestCheckResourceAttr(tfUserAddr, "username", username+"_2"),
					resource.TestCheckResourceAttr(tfUserAddr, "status", "active"),
					tfUserPassword(t, &id, "riker4ever"),
				),
			},
		},
	})
}

// The username of a deactivated user stays taken: creating a user with it
// fails with the import command, and importing it plans its reactivation.
func TestAccUser_usernameOfDeactivatedUser(t *testing.T) {
	preCheck(t)
	h := tfUserHomeOf(t)
	username := tfUserName("user_old")
	c := acctest.ServiceTradeClient(t)
	u, err := c.CreateUser(context.Background(), api.UserInput{
		Username: username, FirstName: "Old", LastName: "Timer", Password: "oldtimer42", Email: "old@example.com",
		CompanyID: h.company, LocationID: h.office, Status: api.UserActive,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetUserStatus(context.Background(), u.ID, api.UserInactive); err != nil {
		t.Fatal(err)
	}
	id := formatTestID(u.ID)
	ids := []string{id}
	config := tfUserBlock("test", username, h, `password = "tribbles123"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		CheckDestroy:             checkUsersDeactivated(t, &ids),
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: acctest.ErrorText(fmt.Sprintf(`A ServiceTrade user with username %q already exists (id %s)`, username, id)),
			},
			{
				Config: config + fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", tfUserAddr, id),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(tfUserAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(tfUserAddr, tfjsonpath.New("status"), knownvalue.StringExact("active")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(tfUserAddr, "id", id),
					resource.TestCheckResourceAttr(tfUserAddr, "status", "active"),
					resource.TestCheckResourceAttr(tfUserAddr, "first_name", "Geordi"),
					// After an import, the configured password is sent.
					tfUserPassword(t, &id, "tribbles123"),
				),
			},
		},
	})
}

// Removed behind Terraform's back (only ServiceTrade support can, so this
// needs the emulator's hook): the next plan creates it again.
func TestAccUser_removedOutOfBand(t *testing.T) {
	config := func() string {
		return tfUserBlock("test", tfUserName("user_oob"), tfUserHomeOf(t), `password = "tribbles123"`)
	}
	testRecreatedAfterRemoval(t, "user", tfUserAddr, config, (*emust.Server).RemoveUser)
}

// Every documented constraint fails at plan time, naming the attribute,
// and a password never shows in an error, even a refused one.
func TestAccUser_planTimeValidation(t *testing.T) {
	preCheck(t)
	h := tfUserHome{company: 4294967297, office: 4294967298, line: 4294967299}
	cases := []struct {
		lines []string
		want  string
	}{
		{[]string{`password = "Short1"`}, `Attribute password must be at least 8 characters long and include at least one letter and at least one digit; the value given is shorter than 8 characters`},
		{[]string{`password = "NoDigitsHere"`}, `the value given has no digit`},
		{[]string{`password = "12345678901"`}, `the value given has no letter`},
		{[]string{`password_wo = "Short1"`}, `Attribute password_wo must be at least 8 characters long`},
		{[]string{`password = "tribbles123"`, `password_wo = "tribbles123"`}, `Attribute "password_wo" cannot be specified when "password" is specified`},
		{[]string{`password = "tribbles123"`, `password_wo_version = 1`}, `Attribute "password_wo" must be specified when "password_wo_version" is specified`},
		{nil, `ServiceTrade needs a password to create a user: set password (or password_wo, with Terraform 1.11 or later)`},
		{[]string{`password = "tribbles123"`, `timezone = "Mars/Olympus_Mons"`}, `Attribute timezone must be an IANA time zone name such as "America/New_York" or "Europe/Paris" (names are case-sensitive), got: "Mars/Olympus_Mons"`},
		{[]string{`password = "tribbles123"`, `timezone = "america/new_york"`}, `got: "america/new_york"`},
		{[]string{`password = "tribbles123"`, `status = "shadow"`}, `Attribute status cannot be "shadow": ServiceTrade reserves that status for system users`},
		{[]string{`password = "tribbles123"`, `status = "deleted"`}, `Attribute status value must be one of: ["active" "inactive" "pending"], got: "deleted"`},
		{[]string{`password = "tribbles123"`, `service_line_ids = [0]`}, `value must be at least 1, got: 0`},
		{[]string{`password = "tribbles123"`, `details = ""`}, `Attribute details string length must be at least 1, got: 0`},
		{[]string{`password = "tribbles123"`, `first_name = " "`}, `Attribute first_name must not be blank`},
	}
	steps := make([]resource.TestStep, 0, len(cases)+2)
	for _, tc := range cases {
		cfg := tfUserBlock("test", "validation_user", h, tc.lines...)
		if strings.Contains(strings.Join(tc.lines, ""), "first_name") {
			cfg = strings.Replace(cfg, `first_name  = "Geordi"`, "", 1)
		}
		steps = append(steps, resource.TestStep{Config: cfg, PlanOnly: true, ExpectError: acctest.ErrorText(tc.want)})
	}
	bad := strings.ReplaceAll(tfUserBlock("test", "validation_user", h, `password = "tribbles123"`), `location_id = 4294967298`, `location_id = 0`)
	steps = append(steps, resource.TestStep{Config: bad, PlanOnly: true, ExpectError: acctest.ErrorText(`Attribute location_id value must be at least 1, got: 0`)})
	steps = append(steps, resource.TestStep{
		Config: strings.Replace(tfUserBlock("test", "validation_user", h, `password = "tribbles123"`), `username    = "validation_user"`, "", 1), PlanOnly: true,
		ExpectError: acctest.ErrorText(`The argument "username" is required, but no definition was found.`),
	})
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProviderFactories(), Steps: steps})
}

// Terraform before 1.11 cannot carry write-only values: the provider says
// so at plan time instead of silently storing or dropping the password.
// (The protocol-level test covers password_wo itself.)
func TestAccUser_passwordWORefusedBeforeTerraform111(t *testing.T) {
	preCheck(t)
	h := tfUserHome{company: 4294967297, office: 4294967298}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipAbove(tfversion.Version1_10_0)},
		Steps: []resource.TestStep{{
			Config:      tfUserBlock("test", tfUserName("wo"), h, `password_wo = "never-stored-1"`, `password_wo_version = 1`),
			PlanOnly:    true,
			ExpectError: acctest.ErrorText("Write-only attributes are only supported in Terraform 1.11 and later."),
		}},
	})
}

// With Terraform 1.11 or later (run with
// TF_ACC_TERRAFORM_PATH=/usr/local/bin/terraform; older CLIs skip it, the
// skip naming Terraform 1.11.0), password_wo goes to ServiceTrade and never
// into the state; changing password_wo_version sends it again.
func TestAccUser_passwordWO(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t) // passwords are only observable in the emulator
	h := tfUserHomeOf(t)
	username := tfUserName("user_wo")
	config := func(password string, version int) string {
		return tfUserBlock("test", username, h, fmt.Sprintf("password_wo = %q", password), fmt.Sprintf("password_wo_version = %d", version))
	}
	var id string
	ids := []string{}
	holds := func(password string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			if err := tfUserPassword(t, &id, password)(s); err != nil {
				return err
			}
			for k, v := range s.RootModule().Resources[tfUserAddr].Primary.Attributes {
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
		CheckDestroy:             checkUsersDeactivated(t, &ids),
		Steps: []resource.TestStep{
			{
				Config:           config("wo-Pass-1", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.Capture(tfUserAddr, "id", &id),
					func(*terraform.State) error { ids = append(ids, id); return nil },
					resource.TestCheckNoResourceAttr(tfUserAddr, "password_wo"),
					resource.TestCheckNoResourceAttr(tfUserAddr, "password"),
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
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(tfUserAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(sameID(tfUserAddr, &id), holds("wo-Pass-2")),
			},
		},
	})
}

// The user's passwords never reach Terraform's TF_LOG=trace log (the
// provider's request and response bodies included) nor its output, errors
// included: an apply that creates a user, one that changes its password, a
// plan refused for a bad password, and a destroy, with the provider built
// and run by the Terraform CLI as in production.
func TestAccUser_passwordsNeverLogged(t *testing.T) {
	preCheck(t)
	acctest.RequireEmulator(t)
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Skip("needs the Terraform CLI in TF_ACC_TERRAFORM_PATH")
	}
	run := acctest.Isolated(t, emulator.Options{})
	c, err := api.New(api.Config{BaseURL: run.ServiceTradeURL(), ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	home, err := c.ListUsers(context.Background(), api.UserFilter{})
	if err != nil || len(home) == 0 {
		t.Fatalf("users: %v, %v", home, err)
	}
	root := t.TempDir()
	bin := filepath.Join(root, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-fieldservice"), ".")
	build.Dir = moduleRootDir(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	// The registry host is OpenTofu's when the CLI is (TF_ACC_PROVIDER_HOST).
	source := "registry.terraform.io/fieldservice/fieldservice"
	if host := os.Getenv("TF_ACC_PROVIDER_HOST"); host != "" {
		source = host + "/fieldservice/fieldservice"
	}
	rc := filepath.Join(root, "terraformrc")
	writeTestFile(t, rc, "provider_installation {\n  dev_overrides {\n    \""+source+"\" = \""+bin+"\"\n  }\n  direct {}\n}\n")
	dir := filepath.Join(root, "config")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(root, "trace.log")
	const pw1, pw2, bad = "Secret-User-Passw0rd-1", "Secret-User-Passw0rd-2", "Qz7shrt"
	username := tfUserName("secret")
	config := func(password string) string {
		return fmt.Sprintf(`
terraform {
  required_providers {
    fieldservice = { source = %q }
  }
}

provider "fieldservice" {
  servicetrade {
    base_url      = %q
    client_id     = %q
    client_secret = %q
  }
}

variable "password" {
  type      = string
  sensitive = true
  default   = %q
}

resource "fieldservice_servicetrade_user" "secret" {
  username    = %q
  first_name  = "Secret"
  last_name   = "Keeper"
  email       = "secret.keeper@example.com"
  company_id  = %d
  location_id = %d
  password    = var.password
}
`, source, run.ServiceTradeURL(), emust.ClientID, emust.ClientSecret, password, username, home[0].Company.ID, home[0].Location.ID)
	}
	var output strings.Builder
	terraformRun := func(wantFail bool, args ...string) {
		t.Helper()
		cmd := exec.Command(tf, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_LOG=trace", "TF_LOG_PATH="+logPath)
		out, err := cmd.CombinedOutput()
		output.Write(out)
		if (err != nil) != wantFail {
			t.Fatalf("terraform %s: %v (want failure: %v)\n%s", strings.Join(args, " "), err, wantFail, out)
		}
	}
	writeTestFile(t, filepath.Join(dir, "main.tf"), config(pw1))
	terraformRun(false, "apply", "-auto-approve", "-input=false")
	writeTestFile(t, filepath.Join(dir, "main.tf"), config(pw2))
	terraformRun(false, "apply", "-auto-approve", "-input=false")
	writeTestFile(t, filepath.Join(dir, "main.tf"), config(bad))
	terraformRun(true, "plan", "-input=false")
	if !strings.Contains(output.String(), "Invalid password") {
		t.Fatalf("the bad password was not refused at plan time:\n%s", output.String())
	}
	writeTestFile(t, filepath.Join(dir, "main.tf"), config(pw2))
	terraformRun(false, "destroy", "-auto-approve", "-input=false")

	logBytes, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	logText := string(logBytes)
	// The test proves something only if the provider's own trace logs,
	// with the user requests' bodies, were captured.
	for _, want := range []string{"API request detail", "API response detail", "/user"} {
		if !strings.Contains(logText, want) {
			t.Fatalf("the trace log has no %q: provider trace logging was not captured", want)
		}
	}
	for _, secret := range []string{pw1, pw2, bad} {
		if strings.Contains(logText, secret) {
			t.Errorf("the TF_LOG=trace log contains the password %q", secret)
		}
		if strings.Contains(output.String(), secret) {
			t.Errorf("Terraform's output contains the password %q", secret)
		}
	}
	if u, err := c.ListUsers(context.Background(), api.UserFilter{Name: "secret.keeper", Statuses: api.UserListedStatuses}); err != nil || len(u) != 1 || u[0].Status != api.UserInactive {
		t.Errorf("after destroy: %+v, %v; want the one user, inactive", u, err)
	}
	t.Logf("checked 3 passwords against %d bytes of trace log", len(logText))
}

func moduleRootDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
