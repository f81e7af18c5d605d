package acctest

import (
	"context"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

// Protocol drives the provider server the way Terraform 1.11+ does, for
// one resource type, so that write-only attributes can be tested although
// the Terraform CLI the acceptance tests use (1.8.5) does not support them.
type Protocol struct {
	T        *testing.T
	Ctx      context.Context
	Srv      tfprotov6.ProviderServer
	TypeName string
	// Schema is the resource type's schema, Typ its object type.
	Schema *tfprotov6.Schema
	Typ    tftypes.Object
}

// NewProtocol serves the provider in-process, configures it with one vendor
// block (such as "kickserv") holding settings (string attributes such as
// base_url), announcing Terraform 1.11, and returns the harness of the
// resource type typeName.
func NewProtocol(t *testing.T, typeName, vendor string, settings map[string]string) *Protocol {
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
	NoErrors(t, "GetProviderSchema", sch.Diagnostics)
	provType := objectType(t, sch.Provider.ValueType())
	vendorType := objectType(t, provType.AttributeTypes[vendor])
	vals := map[string]tftypes.Value{}
	for k, v := range settings {
		vals[k] = StrVal(v)
	}
	cfg := Object(provType, map[string]tftypes.Value{vendor: Object(vendorType, vals)})
	conf, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.0", Config: Dynamic(t, provType, cfg)})
	if err != nil {
		t.Fatal(err)
	}
	NoErrors(t, "ConfigureProvider", conf.Diagnostics)
	rs := sch.ResourceSchemas[typeName]
	if rs == nil {
		t.Fatalf("the provider has no %s resource", typeName)
	}
	return &Protocol{T: t, Ctx: ctx, Srv: srv, TypeName: typeName, Schema: rs, Typ: objectType(t, rs.ValueType())}
}

// objectType is t as an object type; a schema's block always is one.
func objectType(t *testing.T, typ tftypes.Type) tftypes.Object {
	t.Helper()
	o, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("schema type %s is not an object", typ)
	}
	return o
}

// Config builds a resource configuration: the given attributes, the rest null.
func (p *Protocol) Config(attrs map[string]tftypes.Value) tftypes.Value { return Object(p.Typ, attrs) }

// Null is the null object: the prior state of a create, the planned state
// and configuration of a destroy.
func (p *Protocol) Null() tftypes.Value { return tftypes.NewValue(p.Typ, nil) }

// Proposed is what Terraform proposes to the provider: configured values,
// prior values for unset computed attributes, and no write-only values.
func (p *Protocol) Proposed(prior, config tftypes.Value) tftypes.Value {
	var cfg, old map[string]tftypes.Value
	if err := config.As(&cfg); err != nil {
		p.T.Fatal(err)
	}
	if !prior.IsNull() {
		if err := prior.As(&old); err != nil {
			p.T.Fatal(err)
		}
	}
	out := map[string]tftypes.Value{}
	for _, a := range p.Schema.Block.Attributes {
		v := cfg[a.Name]
		switch {
		case a.WriteOnly:
			v = tftypes.NewValue(p.Typ.AttributeTypes[a.Name], nil)
		case v.IsNull() && a.Computed && old != nil:
			v = old[a.Name]
		}
		out[a.Name] = v
	}
	return tftypes.NewValue(p.Typ, out)
}

// PlanResponse runs PlanResourceChange and returns its answer, failing
// the test only when the call itself fails.
func (p *Protocol) PlanResponse(prior, config tftypes.Value) *tfprotov6.PlanResourceChangeResponse {
	p.T.Helper()
	resp, err := p.Srv.PlanResourceChange(p.Ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName:           p.TypeName,
		PriorState:         Dynamic(p.T, p.Typ, prior),
		ProposedNewState:   Dynamic(p.T, p.Typ, p.Proposed(prior, config)),
		Config:             Dynamic(p.T, p.Typ, config),
		ClientCapabilities: &tfprotov6.PlanResourceChangeClientCapabilities{},
	})
	if err != nil {
		p.T.Fatal(err)
	}
	return resp
}

// Plan runs PlanResourceChange and returns the planned state and private
// data; an error, or a replacement, fails the test.
func (p *Protocol) Plan(prior, config tftypes.Value) (tftypes.Value, []byte) {
	p.T.Helper()
	resp := p.PlanResponse(prior, config)
	NoErrors(p.T, "PlanResourceChange", resp.Diagnostics)
	if len(resp.RequiresReplace) > 0 {
		p.T.Fatalf("the plan replaces the %s because of %v", p.TypeName, resp.RequiresReplace)
	}
	return p.Value(resp.PlannedState), resp.PlannedPrivate
}

// Apply runs ApplyResourceChange and returns the new state, with the raw
// bytes Terraform would write to the state file, and the diagnostics; an
// error fails the test.
func (p *Protocol) Apply(prior, planned, config tftypes.Value, private []byte) (tftypes.Value, []byte, []*tfprotov6.Diagnostic) {
	p.T.Helper()
	resp, err := p.Srv.ApplyResourceChange(p.Ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:       p.TypeName,
		PriorState:     Dynamic(p.T, p.Typ, prior),
		PlannedState:   Dynamic(p.T, p.Typ, planned),
		Config:         Dynamic(p.T, p.Typ, config),
		PlannedPrivate: private,
	})
	if err != nil {
		p.T.Fatal(err)
	}
	NoErrors(p.T, "ApplyResourceChange", resp.Diagnostics)
	return p.Value(resp.NewState), resp.NewState.MsgPack, resp.Diagnostics
}

// Read runs ReadResource on state and returns the refreshed state.
func (p *Protocol) Read(state tftypes.Value) tftypes.Value {
	p.T.Helper()
	resp, err := p.Srv.ReadResource(p.Ctx, &tfprotov6.ReadResourceRequest{TypeName: p.TypeName, CurrentState: Dynamic(p.T, p.Typ, state)})
	if err != nil {
		p.T.Fatal(err)
	}
	NoErrors(p.T, "ReadResource", resp.Diagnostics)
	return p.Value(resp.NewState)
}

// Validate runs ValidateResourceConfig, as a client that does (or does
// not) support write-only attributes, and returns the diagnostics.
func (p *Protocol) Validate(config tftypes.Value, writeOnlyAllowed bool) []*tfprotov6.Diagnostic {
	p.T.Helper()
	resp, err := p.Srv.ValidateResourceConfig(p.Ctx, &tfprotov6.ValidateResourceConfigRequest{
		TypeName:           p.TypeName,
		Config:             Dynamic(p.T, p.Typ, config),
		ClientCapabilities: &tfprotov6.ValidateResourceConfigClientCapabilities{WriteOnlyAttributesAllowed: writeOnlyAllowed},
	})
	if err != nil {
		p.T.Fatal(err)
	}
	return resp.Diagnostics
}

// Value decodes a value of the resource type.
func (p *Protocol) Value(dv *tfprotov6.DynamicValue) tftypes.Value {
	p.T.Helper()
	v, err := dv.Unmarshal(p.Typ)
	if err != nil {
		p.T.Fatal(err)
	}
	return v
}

// Attr returns one top-level attribute of an object value.
func Attr(t *testing.T, v tftypes.Value, name string) tftypes.Value {
	t.Helper()
	var m map[string]tftypes.Value
	if err := v.As(&m); err != nil {
		t.Fatal(err)
	}
	return m[name]
}

// Object builds an object of typ: the given attributes, the rest null.
func Object(typ tftypes.Object, vals map[string]tftypes.Value) tftypes.Value {
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

// Dynamic encodes v for the protocol.
func Dynamic(t *testing.T, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

// NoErrors fails the test on an error diagnostic of call.
func NoErrors(t *testing.T, call string, diags []*tfprotov6.Diagnostic) {
	t.Helper()
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("%s: %s: %s", call, d.Summary, d.Detail)
		}
	}
}

// StrVal, NumVal and BoolVal are protocol values.
func StrVal(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
func NumVal(n int64) tftypes.Value  { return tftypes.NewValue(tftypes.Number, big.NewFloat(float64(n))) }
func BoolVal(b bool) tftypes.Value  { return tftypes.NewValue(tftypes.Bool, b) }

// CheckPasswordPair checks the resource's password attributes as the kit
// builds them: `password` sensitive, `password_wo` sensitive and
// write-only.
func (p *Protocol) CheckPasswordPair() {
	p.T.Helper()
	want := map[string]struct{ sensitive, writeOnly bool }{
		"password":    {true, false},
		"password_wo": {true, true},
	}
	for _, a := range p.Schema.Block.Attributes {
		if w, ok := want[a.Name]; ok {
			if a.Sensitive != w.sensitive || a.WriteOnly != w.writeOnly {
				p.T.Errorf("%s: sensitive=%v write-only=%v, want %v/%v", a.Name, a.Sensitive, a.WriteOnly, w.sensitive, w.writeOnly)
			}
			delete(want, a.Name)
		}
	}
	if len(want) > 0 {
		p.T.Errorf("attributes missing from the schema: %v", want)
	}
}
