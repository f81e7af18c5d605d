package servicetrade_test

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

const tfUserType = "fieldservice_servicetrade_user"

// newUserProtocol is the protocol harness (acctest.Protocol) of the user
// resource, with the provider configured for run's ServiceTrade.
func newUserProtocol(t *testing.T, run *emulator.Running) *acctest.Protocol {
	t.Helper()
	return acctest.NewProtocol(t, tfUserType, "servicetrade", map[string]string{
		"base_url": run.ServiceTradeURL(), "client_id": emust.ClientID, "client_secret": emust.ClientSecret,
	})
}

func TestUserPasswordAttributesAreSensitiveAndWriteOnly(t *testing.T) {
	newUserProtocol(t, acctest.Isolated(t, emulator.Options{})).CheckPasswordPair()
}

// password_wo reaches ServiceTrade on create, is never in the plan or the
// state, is sent again only when password_wo_version changes, and nothing
// diffs after an apply; destroy deactivates the user, with the same warning
// at plan and at apply.
func TestUserPasswordWO_protocol(t *testing.T) {
	run := acctest.Isolated(t, emulator.Options{})
	p := newUserProtocol(t, run)
	c, err := api.New(api.Config{BaseURL: run.ServiceTradeURL(), ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	home, err := c.ListUsers(ctx, api.UserFilter{})
	if err != nil || len(home) == 0 {
		t.Fatalf("users: %v, %v", home, err)
	}
	username := tfUserName("wo")
	config := func(password string, version int64) tftypes.Value {
		return p.Config(map[string]tftypes.Value{
			"username": acctest.StrVal(username), "first_name": acctest.StrVal("Write"), "last_name": acctest.StrVal("Only"),
			"email": acctest.StrVal("wo@example.com"), "company_id": acctest.NumVal(home[0].Company.ID), "location_id": acctest.NumVal(home[0].Location.ID),
			"password_wo": acctest.StrVal(password), "password_wo_version": acctest.NumVal(version),
		})
	}
	none := p.Null()

	// Terraform before 1.11 does not announce write-only support, and the
	// configuration is refused; 1.11 and later announce it.
	for _, allowed := range []bool{false, true} {
		refused := false
		for _, d := range p.Validate(config("wo-secret-1", 1), allowed) {
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
	var rawID string
	if err := acctest.Attr(t, state1, "id").As(&rawID); err != nil {
		t.Fatal(err)
	}
	id, _ := strconv.ParseInt(rawID, 10, 64)
	if !acctest.Attr(t, state1, "password_wo").IsNull() || bytes.Contains(raw1, []byte("wo-secret-1")) {
		t.Fatal("the new state carries the write-only password")
	}
	if !run.ServiceTrade.UserPasswordMatches(id, "wo-secret-1") {
		t.Fatal("ServiceTrade did not receive password_wo on create")
	}

	// Nothing diffs after the apply, and a refresh keeps the state as is.
	if again, _ := p.Plan(state1, cfg1); !again.Equal(state1) {
		t.Errorf("a second plan differs from the state:\n%v\n%v", again, state1)
	}
	if refreshed := p.Read(state1); !refreshed.Equal(state1) {
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
	if !acctest.Attr(t, state2, "id").Equal(acctest.Attr(t, state1, "id")) {
		t.Fatal("the update replaced the user")
	}
	if !acctest.Attr(t, state2, "password_wo").IsNull() || bytes.Contains(raw2, []byte("wo-secret")) {
		t.Fatal("the updated state carries the write-only password")
	}
	if !run.ServiceTrade.UserPasswordMatches(id, "wo-secret-2") {
		t.Fatal("changing password_wo_version did not send the new password")
	}
	if again, _ := p.Plan(state2, cfg2); !again.Equal(state2) {
		t.Errorf("a plan after the password change differs from the state:\n%v\n%v", again, state2)
	}

	// Destroy: warned at plan and at apply, with the same words; the user
	// stays, inactive.
	resp, err := p.Srv.PlanResourceChange(p.Ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: tfUserType, PriorState: acctest.Dynamic(t, p.Typ, state2),
		ProposedNewState: acctest.Dynamic(t, p.Typ, none), Config: acctest.Dynamic(t, p.Typ, none),
	})
	if err != nil {
		t.Fatal(err)
	}
	wantSummary := `ServiceTrade user "` + username + `" (id ` + rawID + `) still exists, deactivated`
	warnedOnce := func(when string, diags []*tfprotov6.Diagnostic) {
		t.Helper()
		n := 0
		for _, d := range diags {
			switch {
			case d.Severity == tfprotov6.DiagnosticSeverityError:
				t.Errorf("%s: %s: %s", when, d.Summary, d.Detail)
			case d.Summary == wantSummary && strings.Contains(d.Detail, `status = "inactive"`) && strings.Contains(d.Detail, "import"):
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d warnings %q in %v; want one", when, n, wantSummary, diags)
		}
	}
	warnedOnce("destroy plan", resp.Diagnostics)
	if u, err := c.GetUser(ctx, id); err != nil || u.Status != api.UserActive {
		t.Fatalf("planning changed the user: %+v, %v", u, err)
	}
	_, _, diags := p.Apply(state2, none, none, nil)
	warnedOnce("destroy", diags)
	u, err := c.GetUser(ctx, id)
	if err != nil || u.Status != api.UserInactive || u.FirstName != "Write" {
		t.Errorf("after destroy: %+v, %v; want the user, inactive", u, err)
	}

	// A user already gone is done: no error, no warning.
	if !run.ServiceTrade.RemoveUser(id) {
		t.Fatal("RemoveUser found nothing")
	}
	if _, _, diags := p.Apply(state2, none, none, nil); len(diags) != 0 {
		t.Errorf("destroying a removed user: %v", diags)
	}
}
