package kickserv_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
)

const employeeType = "fieldservice_kickserv_employee"

// newProtocol is the protocol harness (acctest.Protocol) of the employee
// resource, with the provider configured for run's Kickserv.
func newProtocol(t *testing.T, run *emulator.Running) *acctest.Protocol {
	t.Helper()
	return acctest.NewProtocol(t, employeeType, "kickserv", map[string]string{
		"base_url": run.KickservURL(), "account": emuks.Account, "api_token": emuks.APIToken,
	})
}

func employeeNumber(t *testing.T, state tftypes.Value) int64 {
	t.Helper()
	var id string
	if err := acctest.Attr(t, state, "id").As(&id); err != nil {
		t.Fatal(err)
	}
	return number(t, id)
}

func TestPasswordAttributesAreSensitiveAndWriteOnly(t *testing.T) {
	newProtocol(t, acctest.Isolated(t, emulator.Options{})).CheckPasswordPair()
}

// password_wo reaches Kickserv on create, is never in the plan or the state,
// is sent again only when password_wo_version changes, and nothing diffs
// after an apply.
func TestPasswordWO_protocol(t *testing.T) {
	run := acctest.Isolated(t, emulator.Options{})
	p := newProtocol(t, run)
	username := strings.ReplaceAll(acctest.RandomName("wo"), "-", "_")
	config := func(password string, version int64) tftypes.Value {
		return p.Config(map[string]tftypes.Value{
			"name": acctest.StrVal("Write Only"), "username": acctest.StrVal(username), "can_login": acctest.BoolVal(true),
			"password_wo": acctest.StrVal(password), "password_wo_version": acctest.NumVal(version),
		})
	}
	none := tftypes.NewValue(p.Typ, nil)

	// Terraform before 1.11 does not announce write-only support, and the
	// configuration is refused; 1.11 and later announce it.
	for _, allowed := range []bool{false, true} {
		resp, err := p.Srv.ValidateResourceConfig(p.Ctx, &tfprotov6.ValidateResourceConfigRequest{
			TypeName:           employeeType,
			Config:             acctest.Dynamic(t, p.Typ, config("wo-secret-1", 1)),
			ClientCapabilities: &tfprotov6.ValidateResourceConfigClientCapabilities{WriteOnlyAttributesAllowed: allowed},
		})
		if err != nil {
			t.Fatal(err)
		}
		refused := false
		for _, d := range resp.Diagnostics {
			if d.Severity == tfprotov6.DiagnosticSeverityError {
				if !allowed && strings.Contains(d.Detail, "Write-only attributes are only supported in Terraform 1.11 and later") {
					refused = true
					continue
				}
				t.Errorf("ValidateResourceConfig (write-only allowed: %v): %s: %s", allowed, d.Summary, d.Detail)
			}
		}
		if !allowed && !refused {
			t.Error("a client without write-only support was not refused")
		}
	}

	// Create.
	cfg1 := config("wo-secret-1", 1)
	planned, private := p.Plan(none, cfg1)
	if !acctest.Attr(t, planned, "password_wo").IsNull() {
		t.Error("the plan carries password_wo")
	}
	state1, raw1, _ := p.Apply(none, planned, cfg1, private)
	n := employeeNumber(t, state1)
	if !acctest.Attr(t, state1, "password_wo").IsNull() || bytes.Contains(raw1, []byte("wo-secret-1")) {
		t.Fatal("the new state carries the write-only password")
	}
	if !run.Kickserv.PasswordMatches(emuks.Account, n, "wo-secret-1") {
		t.Fatal("Kickserv did not receive password_wo on create")
	}
	token1 := run.Kickserv.APITokenOf(emuks.Account, n)

	// Nothing diffs after the apply, and a refresh keeps the state as is.
	if again, _ := p.Plan(state1, cfg1); !again.Equal(state1) {
		t.Errorf("a second plan differs from the state:\n%v\n%v", again, state1)
	}
	read, err := p.Srv.ReadResource(p.Ctx, &tfprotov6.ReadResourceRequest{TypeName: employeeType, CurrentState: acctest.Dynamic(t, p.Typ, state1)})
	if err != nil {
		t.Fatal(err)
	}
	acctest.NoErrors(t, "ReadResource", read.Diagnostics)
	if refreshed := p.Value(read.NewState); !refreshed.Equal(state1) {
		t.Errorf("a refresh changed the state:\n%v\n%v", refreshed, state1)
	}

	// A new password without a new version plans nothing, so nothing is sent.
	if planned, _ := p.Plan(state1, config("wo-secret-2", 1)); !planned.Equal(state1) {
		t.Errorf("changing only password_wo planned a change:\n%v", planned)
	}

	// A new version sends the current password_wo, in place.
	cfg2 := config("wo-secret-2", 2)
	planned, private = p.Plan(state1, cfg2)
	if planned.Equal(state1) {
		t.Fatal("changing password_wo_version planned nothing")
	}
	state2, raw2, _ := p.Apply(state1, planned, cfg2, private)
	if employeeNumber(t, state2) != n {
		t.Fatal("the update replaced the employee")
	}
	if !acctest.Attr(t, state2, "password_wo").IsNull() || bytes.Contains(raw2, []byte("wo-secret")) {
		t.Fatal("the updated state carries the write-only password")
	}
	if !run.Kickserv.PasswordMatches(emuks.Account, n, "wo-secret-2") || run.Kickserv.PasswordMatches(emuks.Account, n, "wo-secret-1") {
		t.Fatal("changing password_wo_version did not send the new password")
	}
	if run.Kickserv.APITokenOf(emuks.Account, n) == token1 {
		t.Error("the password changed but the employee's API token did not")
	}
	if again, _ := p.Plan(state2, cfg2); !again.Equal(state2) {
		t.Errorf("a plan after the password change differs from the state:\n%v\n%v", again, state2)
	}

	// Destroy makes the employee inactive and says it still exists.
	_, _, diags := p.Apply(state2, none, none, nil)
	warned := false
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityWarning && strings.Contains(d.Detail, "still exists, inactive, in Kickserv") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("destroy gave no warning that the employee still exists: %v", diags)
	}
	c := newClientFor(t, run)
	e, err := c.GetEmployee(p.Ctx, n)
	if err != nil || e.Active {
		t.Errorf("after destroy: %+v, %v; want the employee, inactive", e, err)
	}
}

func newClientFor(t *testing.T, run *emulator.Running) *api.Client {
	t.Helper()
	c, err := api.New(api.Config{BaseURL: run.KickservURL(), Account: emuks.Account, APIToken: emuks.APIToken})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
