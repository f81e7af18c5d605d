package servicetrade

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// Destroying a contract deactivates it with the cancel_* options, leaves it
// in ServiceTrade, and says so in a warning, both when planning and when
// applying. (terraform-plugin-testing does not expose warnings, hence this
// test calls the resource directly.)
func TestContractDestroyDeactivatesAndWarns(t *testing.T) {
	ctx := context.Background()
	e := emulator.New(emulator.Options{})
	var mu sync.Mutex
	var deactivations []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/deactivate") {
			body, _ := io.ReadAll(r.Body)
			mu.Lock()
			deactivations = append(deactivations, string(body))
			mu.Unlock()
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		e.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c, err := api.New(api.Config{BaseURL: srv.URL + emulator.ServiceTradePrefix, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	ct, err := c.CreateContract(ctx, api.ContractInput{Type: api.ContractTypeTemplate, Name: "Base prices"})
	if err != nil {
		t.Fatal(err)
	}

	r := NewContractResource().(*contractResource)
	r.Data = &providerdata.Data{ServiceTrade: providerdata.Vendor[*api.Client]{Name: "ServiceTrade", Client: c}}
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	objType := sch.Schema.Type().TerraformType(ctx)
	state := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(objType, nil)}
	m := contractModel{CancelJobs: types.BoolValue(true), CancelServices: types.BoolNull(), CancelQuotes: types.BoolValue(false), CancelRecurringInvoices: types.BoolValue(true)}
	if d := m.fromAPI(ct); d.HasError() {
		t.Fatal(d)
	}
	if d := state.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	wantSummary := `ServiceTrade contract "Base prices" (id ` + formatID(ct.ID) + `) still exists, deactivated`

	planResp := resource.ModifyPlanResponse{Plan: tfsdk.Plan{Schema: sch.Schema, Raw: tftypes.NewValue(objType, nil)}}
	r.ModifyPlan(ctx, resource.ModifyPlanRequest{
		State:  state,
		Plan:   tfsdk.Plan{Schema: sch.Schema, Raw: tftypes.NewValue(objType, nil)},
		Config: tfsdk.Config{Schema: sch.Schema, Raw: tftypes.NewValue(objType, nil)},
	}, &planResp)
	if planResp.Diagnostics.HasError() || planResp.Diagnostics.WarningsCount() != 1 || planResp.Diagnostics.Warnings()[0].Summary() != wantSummary {
		t.Errorf("destroy plan diagnostics = %v; want exactly the warning %q", planResp.Diagnostics, wantSummary)
	}
	if len(deactivations) != 0 {
		t.Fatalf("planning deactivated the contract: %v", deactivations)
	}

	resp := resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("Delete diagnostics = %v; want exactly one warning", resp.Diagnostics)
	}
	if w := resp.Diagnostics.Warnings()[0]; w.Summary() != wantSummary || !strings.Contains(w.Detail(), "active = false") || !strings.Contains(w.Detail(), "import") {
		t.Errorf("warning = %q / %q", w.Summary(), w.Detail())
	}
	if len(deactivations) != 1 {
		t.Fatalf("Delete made %d deactivate calls, want 1", len(deactivations))
	}
	var sent map[string]bool
	if err := json.Unmarshal([]byte(deactivations[0]), &sent); err != nil || len(sent) != 2 || !sent["cancelJobs"] || !sent["cancelRecurringInvoices"] {
		t.Errorf("deactivate body = %s; want exactly cancelJobs and cancelRecurringInvoices", deactivations[0])
	}
	got, err := c.GetContract(ctx, ct.ID)
	if err != nil || got.Active || got.Name != "Base prices" {
		t.Errorf("after Delete, GetContract = %+v, %v; want the contract, deactivated", got, err)
	}

	// An unknown contract is already gone: no error, no warning.
	m.ID = types.StringValue("987")
	if d := state.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	resp = resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)
	if len(resp.Diagnostics) != 0 {
		t.Errorf("deleting an unknown contract: %v", resp.Diagnostics)
	}
}

func TestContractDates(t *testing.T) {
	ctx := context.Background()
	day := func(s string) dayValue { return dayValue{StringValue: basetypes.NewStringValue(s)} }
	equal := []struct{ a, b string }{
		{"2026-03-01", "2026-03-01"},
		{"2026-03-01T15:04:05Z", "2026-03-01"},
		{"2026-03-01", "2026-03-01T00:00:00Z"},
		{"2026-03-01T23:30:00-05:00", "2026-03-02"},
		{"2026-03-02T01:00:00+02:00", "2026-03-01"},
	}
	for _, tc := range equal {
		if eq, _ := day(tc.a).StringSemanticEquals(ctx, day(tc.b)); !eq {
			t.Errorf("%s and %s should denote the same day", tc.a, tc.b)
		}
	}
	for _, tc := range []struct{ a, b string }{{"2026-03-01", "2026-03-02"}, {"2026-03-01T23:30:00-05:00", "2026-03-01"}, {"junk", "junk"}} {
		if eq, _ := day(tc.a).StringSemanticEquals(ctx, day(tc.b)); eq {
			t.Errorf("%s and %s should differ", tc.a, tc.b)
		}
	}
	if eq, _ := day("2026-03-01").StringSemanticEquals(ctx, basetypes.NewStringValue("2026-03-01")); eq {
		t.Error("a plain string is not a day value")
	}
	for in, want := range map[string]int64{
		"2026-03-01":           1772366400, // noon UTC
		"2026-03-01T15:04:05Z": 1772377445,
	} {
		if got, err := contractDateUnix(in); err != nil || got != want {
			t.Errorf("contractDateUnix(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	ts := int64(1772377445)
	if got := dayFromUnix(&ts).ValueString(); got != "2026-03-01" {
		t.Errorf("dayFromUnix = %s", got)
	}
	if !dayFromUnix(nil).IsNull() {
		t.Error("dayFromUnix(nil) is not null")
	}
	if _, err := contractDateUnix("tomorrow"); err == nil {
		t.Error("tomorrow parsed")
	}
}

func TestParseRuleImportID(t *testing.T) {
	if c, r, err := parseRuleImportID("4294967301/4294967310"); err != nil || c != 4294967301 || r != 4294967310 {
		t.Errorf("parseRuleImportID = %d, %d, %v", c, r, err)
	}
	for _, bad := range []string{"", "4294967310", "1/2/3", "a/1", "1/b", "0/1", "1/-2", "/1"} {
		if _, _, err := parseRuleImportID(bad); err == nil || !strings.Contains(err.Error(), "<contract_id>/<rule_id>") {
			t.Errorf("parseRuleImportID(%q) = %v; want an explaining error", bad, err)
		}
	}
}
