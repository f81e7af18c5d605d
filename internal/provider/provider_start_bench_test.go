package provider_test

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

// What a provider process costs Terraform besides the API calls: the
// schema (GetProviderSchema, asked of the first process of every command)
// and the requests of a plan walk (asked of a fresh process per walk,
// without GetProviderSchema). Profile with
//
//	go test ./internal/provider/ -run '^$' -bench ProviderStart -cpuprofile /tmp/cpu.out -memprofile /tmp/mem.out
//
// The benchmarks amortise what a process does once (lazily built package
// state); TestProviderStart_firstCalls times the first calls of a test
// process, as a fresh provider process makes them.

// startWalkType is the resource type a plan walk is timed with.
const startWalkType = "fieldservice_servicetrade_webhook"

func newStartServer(tb testing.TB) tfprotov6.ProviderServer {
	tb.Helper()
	srv, err := providerserver.NewProtocol6WithError(provider.New("bench")())()
	if err != nil {
		tb.Fatal(err)
	}
	return srv
}

// startTypes are the provider's and the walk resource's value types, read
// once from a server of their own.
type startTypes struct {
	provider, resource tftypes.Object
	// providerConfig configures ServiceTrade (no request is made);
	// resourceConfig is a webhook to create.
	providerConfig, resourceConfig *tfprotov6.DynamicValue
	nullResource                   *tfprotov6.DynamicValue
}

func loadStartTypes(tb testing.TB) startTypes {
	tb.Helper()
	resp, err := newStartServer(tb).GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		tb.Fatal(err)
	}
	var st startTypes
	st.provider = resp.Provider.ValueType().(tftypes.Object)
	st.resource = resp.ResourceSchemas[startWalkType].ValueType().(tftypes.Object)
	stType := st.provider.AttributeTypes["servicetrade"].(tftypes.Object)
	st.providerConfig = dynamic(tb, st.provider, objectOf(st.provider, map[string]tftypes.Value{
		"servicetrade": objectOf(stType, map[string]tftypes.Value{
			"base_url":      tftypes.NewValue(tftypes.String, "http://127.0.0.1:9"),
			"client_id":     tftypes.NewValue(tftypes.String, "bench"),
			"client_secret": tftypes.NewValue(tftypes.String, "bench"),
		}),
	}))
	st.resourceConfig = dynamic(tb, st.resource, objectOf(st.resource, map[string]tftypes.Value{
		"hook_url": tftypes.NewValue(tftypes.String, "https://example.com/hook"),
	}))
	st.nullResource = dynamic(tb, st.resource, tftypes.NewValue(st.resource, nil))
	return st
}

func objectOf(typ tftypes.Object, vals map[string]tftypes.Value) tftypes.Value {
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

func dynamic(tb testing.TB, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	tb.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		tb.Fatal(err)
	}
	return &dv
}

func startNoErrors(tb testing.TB, call string, diags []*tfprotov6.Diagnostic) {
	tb.Helper()
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			tb.Fatalf("%s: %s: %s", call, d.Summary, d.Detail)
		}
	}
}

// getSchema is what the first process of a command is asked.
func getSchema(tb testing.TB, srv tfprotov6.ProviderServer) *tfprotov6.GetProviderSchemaResponse {
	tb.Helper()
	resp, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		tb.Fatal(err)
	}
	startNoErrors(tb, "GetProviderSchema", resp.Diagnostics)
	return resp
}

// planWalk is what a walk process is asked for one new resource (as
// Terraform 1.8 asks it of a plan): metadata, the provider's configuration
// validated and applied, the resource's validated and planned.
func planWalk(tb testing.TB, srv tfprotov6.ProviderServer, st startTypes) {
	tb.Helper()
	ctx := context.Background()
	md, err := srv.GetMetadata(ctx, &tfprotov6.GetMetadataRequest{})
	if err != nil {
		tb.Fatal(err)
	}
	startNoErrors(tb, "GetMetadata", md.Diagnostics)
	vp, err := srv.ValidateProviderConfig(ctx, &tfprotov6.ValidateProviderConfigRequest{Config: st.providerConfig})
	if err != nil {
		tb.Fatal(err)
	}
	startNoErrors(tb, "ValidateProviderConfig", vp.Diagnostics)
	conf, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.8.5", Config: st.providerConfig})
	if err != nil {
		tb.Fatal(err)
	}
	startNoErrors(tb, "ConfigureProvider", conf.Diagnostics)
	vr, err := srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: startWalkType, Config: st.resourceConfig})
	if err != nil {
		tb.Fatal(err)
	}
	startNoErrors(tb, "ValidateResourceConfig", vr.Diagnostics)
	plan, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: startWalkType, PriorState: st.nullResource, ProposedNewState: st.resourceConfig, Config: st.resourceConfig,
		ClientCapabilities: &tfprotov6.PlanResourceChangeClientCapabilities{},
	})
	if err != nil {
		tb.Fatal(err)
	}
	startNoErrors(tb, "PlanResourceChange", plan.Diagnostics)
}

// A fresh server's first GetProviderSchema: every schema built, validated
// and converted.
func BenchmarkProviderStart_firstSchema(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		getSchema(b, newStartServer(b))
	}
}

// GetProviderSchema again on the same server.
func BenchmarkProviderStart_secondSchema(b *testing.B) {
	srv := newStartServer(b)
	getSchema(b, srv)
	b.ReportAllocs()
	for b.Loop() {
		getSchema(b, srv)
	}
}

// A plan walk's requests for one new resource, on a fresh server.
func BenchmarkProviderStart_planWalk(b *testing.B) {
	st := loadStartTypes(b)
	b.ReportAllocs()
	for b.Loop() {
		planWalk(b, newStartServer(b), st)
	}
}

// The first calls of this test process, timed (run it alone, with
// -count=1, to see a fresh process's costs: go test ./internal/provider/
// -run TestProviderStart_firstCalls -count=1 -v).
func TestProviderStart_firstCalls(t *testing.T) {
	start := time.Now()
	srv := newStartServer(t)
	getSchema(t, srv)
	first := time.Since(start)
	start = time.Now()
	getSchema(t, srv)
	second := time.Since(start)
	st := loadStartTypes(t)
	start = time.Now()
	planWalk(t, newStartServer(t), st)
	walk := time.Since(start)
	t.Logf("first GetProviderSchema %v, second %v, plan walk on a fresh server %v", first, second, walk)
}
