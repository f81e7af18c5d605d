package faulttest_test

import (
	"context"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// watchdog only keeps a broken provider from hanging the suite; it is not
// a timing assertion.
const watchdog = 60 * time.Second

// objectValue builds a value of an object type from the given attributes,
// every other attribute null (as Terraform sends unset attributes and
// absent single blocks).
func objectValue(t *testing.T, typ tftypes.Type, attrs map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	ot, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%s is not an object type", typ)
	}
	vals := make(map[string]tftypes.Value, len(ot.AttributeTypes))
	for name, at := range ot.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range attrs {
		if _, ok := ot.AttributeTypes[name]; !ok {
			t.Fatalf("the schema has no attribute %q", name)
		}
		vals[name] = v
	}
	return tftypes.NewValue(ot, vals)
}

func dynamic(t *testing.T, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatalf("encoding a %s value: %v", typ, err)
	}
	return &dv
}

func errorDiags(diags []*tfprotov6.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			out = append(out, d.Summary+": "+d.Detail)
		}
	}
	return out
}

// A user's interrupt (Ctrl-C: Terraform calls StopProvider) while a create
// is waiting on the API ends the ApplyResourceChange call with an error and
// no new state: nothing is recorded as created. The framework cancels the
// context of every request in progress on StopProvider, and the provider's
// HTTP layer gives up at once on a cancelled context (no retry).
//
// Protocol level, without the Terraform CLI: the test plays Terraform's
// part (configure, plan, apply) against the provider server.
func TestServiceTradeInterrupt_stopProviderCancelsCreate(t *testing.T) {
	run := acctest.Isolated(t, emulator.Options{})
	server, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(errorDiags(schemas.Diagnostics)) > 0 {
		t.Fatalf("GetProviderSchema: %v %v", err, errorDiags(schemas.Diagnostics))
	}

	// Configure the provider for the test's emulator.
	providerType := schemas.Provider.ValueType()
	stType := providerType.(tftypes.Object).AttributeTypes["servicetrade"]
	providerConfig := objectValue(t, providerType, map[string]tftypes.Value{
		"retry_max_attempts": tftypes.NewValue(tftypes.Number, big.NewFloat(8)),
		"retry_min_delay":    tftypes.NewValue(tftypes.String, "10ms"),
		"retry_max_delay":    tftypes.NewValue(tftypes.String, "50ms"),
		"servicetrade": objectValue(t, stType, map[string]tftypes.Value{
			"base_url":      tftypes.NewValue(tftypes.String, run.ServiceTradeURL()),
			"client_id":     tftypes.NewValue(tftypes.String, emust.ClientID),
			"client_secret": tftypes.NewValue(tftypes.String, emust.ClientSecret),
		}),
	})
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.8.5",
		Config:           dynamic(t, providerType, providerConfig),
	})
	if err != nil || len(errorDiags(configured.Diagnostics)) > 0 {
		t.Fatalf("ConfigureProvider: %v %v", err, errorDiags(configured.Diagnostics))
	}

	// Plan the creation of one region.
	const typeName = "fieldservice_servicetrade_region"
	const name = "interrupted-region"
	regionType := schemas.ResourceSchemas[typeName].ValueType()
	pointType := regionType.(tftypes.Object).AttributeTypes["points"].(tftypes.List).ElementType
	point := func(lat, lon float64) tftypes.Value {
		return objectValue(t, pointType, map[string]tftypes.Value{
			"lat": tftypes.NewValue(tftypes.Number, big.NewFloat(lat)),
			"lon": tftypes.NewValue(tftypes.Number, big.NewFloat(lon)),
		})
	}
	regionConfig := dynamic(t, regionType, objectValue(t, regionType, map[string]tftypes.Value{
		"name":   tftypes.NewValue(tftypes.String, name),
		"points": tftypes.NewValue(tftypes.List{ElementType: pointType}, []tftypes.Value{point(1, 1), point(2, 2), point(3, 1)}),
	}))
	noState := dynamic(t, regionType, tftypes.NewValue(regionType, nil))
	plan, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: typeName, PriorState: noState, ProposedNewState: regionConfig, Config: regionConfig,
	})
	if err != nil || len(errorDiags(plan.Diagnostics)) > 0 {
		t.Fatalf("PlanResourceChange: %v %v", err, errorDiags(plan.Diagnostics))
	}

	// Apply while the emulator holds the POST unanswered.
	run.Inject(emulator.Fault{Vendor: stVendor, Method: http.MethodPost, Path: "/region", Hang: true})
	type result struct {
		resp *tfprotov6.ApplyResourceChangeResponse
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
			TypeName: typeName, PriorState: noState, PlannedState: plan.PlannedState, Config: regionConfig,
		})
		done <- result{resp, err}
	}()

	// Wait until the POST is in flight: the emulator has taken the fault.
	deadline := time.Now().Add(watchdog)
	for run.FaultsApplied() == 0 {
		select {
		case r := <-done:
			t.Fatalf("ApplyResourceChange returned before the POST reached the emulator: %v %v", r.err, r.resp)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the POST never reached the emulator")
		}
		time.Sleep(10 * time.Millisecond)
	}

	// The user interrupts.
	if _, err := server.StopProvider(ctx, &tfprotov6.StopProviderRequest{}); err != nil {
		t.Fatalf("StopProvider: %v", err)
	}

	var r result
	select {
	case r = <-done:
	case <-time.After(watchdog):
		t.Fatal("ApplyResourceChange did not return after StopProvider: the interrupt does not cancel requests in flight")
	}
	if r.err != nil {
		t.Fatalf("ApplyResourceChange returned a protocol error instead of a diagnostic: %v", r.err)
	}
	errs := errorDiags(r.resp.Diagnostics)
	if len(errs) == 0 {
		t.Fatal("ApplyResourceChange succeeded although the create was interrupted")
	}
	t.Logf("what the user sees on Ctrl-C: %s", strings.Join(errs, " | "))
	if msg := strings.Join(errs, " "); !strings.Contains(msg, `Creating ServiceTrade region "`+name+`" failed`) || !strings.Contains(msg, "context canceled") {
		t.Errorf("the error %q does not say which create was interrupted and why", msg)
	}
	if r.resp.NewState != nil {
		newState, err := r.resp.NewState.Unmarshal(regionType)
		if err != nil {
			t.Fatalf("decoding the new state: %v", err)
		}
		if !newState.IsNull() {
			t.Errorf("the interrupted create recorded a state object: %s", newState)
		}
	}

	// The server never acted on the held request: nothing exists to be
	// orphaned.
	c, err := stapi.New(stapi.Config{BaseURL: run.ServiceTradeURL(), ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	regions, err := c.ListRegions(ctx, stapi.RegionFilter{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	if len(regions) != 0 {
		t.Errorf("%d regions named %q exist after the interrupted create, want none", len(regions), name)
	}
}
