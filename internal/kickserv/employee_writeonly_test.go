package kickserv_test

import (
	"bytes"
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

const employeeType = "fieldservice_kickserv_employee"

// protocol drives the provider server the way Terraform 1.11+ does, so that
// write-only attributes can be tested although the Terraform CLI the tests
// use (1.8.5) does not support them.
type protocol struct {
	t      *testing.T
	ctx    context.Context
	srv    tfprotov6.ProviderServer
	schema *tfprotov6.Schema
	typ    tftypes.Object
}

func newProtocol(t *testing.T, run *emulator.Running) *protocol {
	t.Helper()
	ctx := context.Background()
	srv, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	sch, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	noErrors(t, "GetProviderSchema", sch.Diagnostics)
	provType := sch.Provider.ValueType().(tftypes.Object)
	ksType := provType.AttributeTypes["kickserv"].(tftypes.Object)
	cfg := object(provType, map[string]tftypes.Value{
		"kickserv": object(ksType, map[string]tftypes.Value{
			"base_url":  tftypes.NewValue(tftypes.String, run.KickservURL()),
			"account":   tftypes.NewValue(tftypes.String, emuks.Account),
			"api_token": tftypes.NewValue(tftypes.String, emuks.APIToken),
		}),
	})
	conf, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.0", Config: dynamic(t, provType, cfg)})
	if err != nil {
		t.Fatal(err)
	}
	noErrors(t, "ConfigureProvider", conf.Diagnostics)
	rs := sch.ResourceSchemas[employeeType]
	if rs == nil {
		t.Fatalf("the provider has no %s resource", employeeType)
	}
	return &protocol{t: t, ctx: ctx, srv: srv, schema: rs, typ: rs.ValueType().(tftypes.Object)}
}

// config builds a resource configuration: the given attributes, the rest null.
func (p *protocol) config(attrs map[string]tftypes.Value) tftypes.Value { return object(p.typ, attrs) }

// proposed is what Terraform proposes to the provider: configured values,
// prior values for unset computed attributes, and no write-only values.
func (p *protocol) proposed(prior, config tftypes.Value) tftypes.Value {
	var cfg, old map[string]tftypes.Value
	if err := config.As(&cfg); err != nil {
		p.t.Fatal(err)
	}
	if !prior.IsNull() {
		if err := prior.As(&old); err != nil {
			p.t.Fatal(err)
		}
	}
	out := map[string]tftypes.Value{}
	for _, a := range p.schema.Block.Attributes {
		v := cfg[a.Name]
		switch {
		case a.WriteOnly:
			v = tftypes.NewValue(p.typ.AttributeTypes[a.Name], nil)
		case v.IsNull() && a.Computed && old != nil:
			v = old[a.Name]
		}
		out[a.Name] = v
	}
	return tftypes.NewValue(p.typ, out)
}

// plan runs PlanResourceChange and returns the planned state and private data.
func (p *protocol) plan(prior, config tftypes.Value) (tftypes.Value, []byte) {
	p.t.Helper()
	resp, err := p.srv.PlanResourceChange(p.ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName:           employeeType,
		PriorState:         dynamic(p.t, p.typ, prior),
		ProposedNewState:   dynamic(p.t, p.typ, p.proposed(prior, config)),
		Config:             dynamic(p.t, p.typ, config),
		ClientCapabilities: &tfprotov6.PlanResourceChangeClientCapabilities{},
	})
	if err != nil {
		p.t.Fatal(err)
	}
	noErrors(p.t, "PlanResourceChange", resp.Diagnostics)
	if len(resp.RequiresReplace) > 0 {
		p.t.Fatalf("the plan replaces the employee because of %v", resp.RequiresReplace)
	}
	return p.value(resp.PlannedState), resp.PlannedPrivate
}

// apply runs ApplyResourceChange and returns the new state, with the raw
// bytes Terraform would write to the state file.
func (p *protocol) apply(prior, planned, config tftypes.Value, private []byte) (tftypes.Value, []byte, []*tfprotov6.Diagnostic) {
	p.t.Helper()
	resp, err := p.srv.ApplyResourceChange(p.ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:       employeeType,
		PriorState:     dynamic(p.t, p.typ, prior),
		PlannedState:   dynamic(p.t, p.typ, planned),
		Config:         dynamic(p.t, p.typ, config),
		PlannedPrivate: private,
	})
	if err != nil {
		p.t.Fatal(err)
	}
	noErrors(p.t, "ApplyResourceChange", resp.Diagnostics)
	return p.value(resp.NewState), resp.NewState.MsgPack, resp.Diagnostics
}

func (p *protocol) value(dv *tfprotov6.DynamicValue) tftypes.Value {
	p.t.Helper()
	v, err := dv.Unmarshal(p.typ)
	if err != nil {
		p.t.Fatal(err)
	}
	return v
}

// attr returns one top-level attribute of an object value.
func attr(t *testing.T, v tftypes.Value, name string) tftypes.Value {
	t.Helper()
	var m map[string]tftypes.Value
	if err := v.As(&m); err != nil {
		t.Fatal(err)
	}
	return m[name]
}

func object(typ tftypes.Object, vals map[string]tftypes.Value) tftypes.Value {
	out := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, at := range typ.AttributeTypes {
		if v, ok := vals[name]; ok {
			out[name] = v
		} else {
			out[name] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(typ, out)
}

func dynamic(t *testing.T, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

func noErrors(t *testing.T, call string, diags []*tfprotov6.Diagnostic) {
	t.Helper()
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("%s: %s: %s", call, d.Summary, d.Detail)
		}
	}
}

func strVal(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
func numVal(n int64) tftypes.Value  { return tftypes.NewValue(tftypes.Number, big.NewFloat(float64(n))) }
func boolVal(b bool) tftypes.Value  { return tftypes.NewValue(tftypes.Bool, b) }
func employeeNumber(t *testing.T, state tftypes.Value) int64 {
	t.Helper()
	var id string
	if err := attr(t, state, "id").As(&id); err != nil {
		t.Fatal(err)
	}
	return number(t, id)
}

func TestPasswordAttributesAreSensitiveAndWriteOnly(t *testing.T) {
	p := newProtocol(t, acctest.Isolated(t, emulator.Options{}))
	want := map[string]struct{ sensitive, writeOnly bool }{
		"password":    {true, false},
		"password_wo": {true, true},
	}
	for _, a := range p.schema.Block.Attributes {
		if w, ok := want[a.Name]; ok {
			if a.Sensitive != w.sensitive || a.WriteOnly != w.writeOnly {
				t.Errorf("%s: sensitive=%v write-only=%v, want %v/%v", a.Name, a.Sensitive, a.WriteOnly, w.sensitive, w.writeOnly)
			}
			delete(want, a.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("attributes missing from the schema: %v", want)
	}
}

// password_wo reaches Kickserv on create, is never in the plan or the state,
// is sent again only when password_wo_version changes, and nothing diffs
// after an apply.
func TestPasswordWO_protocol(t *testing.T) {
	run := acctest.Isolated(t, emulator.Options{})
	p := newProtocol(t, run)
	username := strings.ReplaceAll(acctest.RandomName("wo"), "-", "_")
	config := func(password string, version int64) tftypes.Value {
		return p.config(map[string]tftypes.Value{
			"name": strVal("Write Only"), "username": strVal(username), "can_login": boolVal(true),
			"password_wo": strVal(password), "password_wo_version": numVal(version),
		})
	}
	none := tftypes.NewValue(p.typ, nil)

	// Terraform before 1.11 does not announce write-only support, and the
	// configuration is refused; 1.11 and later announce it.
	for _, allowed := range []bool{false, true} {
		resp, err := p.srv.ValidateResourceConfig(p.ctx, &tfprotov6.ValidateResourceConfigRequest{
			TypeName:           employeeType,
			Config:             dynamic(t, p.typ, config("wo-secret-1", 1)),
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
	planned, private := p.plan(none, cfg1)
	if !attr(t, planned, "password_wo").IsNull() {
		t.Error("the plan carries password_wo")
	}
	state1, raw1, _ := p.apply(none, planned, cfg1, private)
	n := employeeNumber(t, state1)
	if !attr(t, state1, "password_wo").IsNull() || bytes.Contains(raw1, []byte("wo-secret-1")) {
		t.Fatal("the new state carries the write-only password")
	}
	if !run.Kickserv.PasswordMatches(emuks.Account, n, "wo-secret-1") {
		t.Fatal("Kickserv did not receive password_wo on create")
	}
	token1 := run.Kickserv.APITokenOf(emuks.Account, n)

	// Nothing diffs after the apply, and a refresh keeps the state as is.
	if again, _ := p.plan(state1, cfg1); !again.Equal(state1) {
		t.Errorf("a second plan differs from the state:\n%v\n%v", again, state1)
	}
	read, err := p.srv.ReadResource(p.ctx, &tfprotov6.ReadResourceRequest{TypeName: employeeType, CurrentState: dynamic(t, p.typ, state1)})
	if err != nil {
		t.Fatal(err)
	}
	noErrors(t, "ReadResource", read.Diagnostics)
	if refreshed := p.value(read.NewState); !refreshed.Equal(state1) {
		t.Errorf("a refresh changed the state:\n%v\n%v", refreshed, state1)
	}

	// A new password without a new version plans nothing, so nothing is sent.
	if planned, _ := p.plan(state1, config("wo-secret-2", 1)); !planned.Equal(state1) {
		t.Errorf("changing only password_wo planned a change:\n%v", planned)
	}

	// A new version sends the current password_wo, in place.
	cfg2 := config("wo-secret-2", 2)
	planned, private = p.plan(state1, cfg2)
	if planned.Equal(state1) {
		t.Fatal("changing password_wo_version planned nothing")
	}
	state2, raw2, _ := p.apply(state1, planned, cfg2, private)
	if employeeNumber(t, state2) != n {
		t.Fatal("the update replaced the employee")
	}
	if !attr(t, state2, "password_wo").IsNull() || bytes.Contains(raw2, []byte("wo-secret")) {
		t.Fatal("the updated state carries the write-only password")
	}
	if !run.Kickserv.PasswordMatches(emuks.Account, n, "wo-secret-2") || run.Kickserv.PasswordMatches(emuks.Account, n, "wo-secret-1") {
		t.Fatal("changing password_wo_version did not send the new password")
	}
	if run.Kickserv.APITokenOf(emuks.Account, n) == token1 {
		t.Error("the password changed but the employee's API token did not")
	}
	if again, _ := p.plan(state2, cfg2); !again.Equal(state2) {
		t.Errorf("a plan after the password change differs from the state:\n%v\n%v", again, state2)
	}

	// Destroy makes the employee inactive and says it still exists.
	_, _, diags := p.apply(state2, none, none, nil)
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
	e, err := c.GetEmployee(p.ctx, n)
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
