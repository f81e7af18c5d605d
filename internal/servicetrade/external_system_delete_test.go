package servicetrade

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// Destroying an external system makes no API request, leaves the system in
// ServiceTrade, and says so in a warning, both when planning and applying.
// (terraform-plugin-testing does not expose warnings, hence this test calls
// the resource directly.)
func TestExternalSystemDestroyWarnsAndLeavesTheSystem(t *testing.T) {
	ctx := context.Background()
	e, c := EmulatedClient(t)
	es, err := c.CreateExternalSystem(ctx, api.ExternalSystemInput{Name: "ledger", Label: "Ledger"})
	if err != nil {
		t.Fatal(err)
	}

	r := NewExternalSystemResource().(*externalSystemResource)
	r.Data = &providerdata.Data{ServiceTrade: providerdata.Vendor[*api.Client]{Name: "ServiceTrade", Client: c}}
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	objType := sch.Schema.Type().TerraformType(ctx)
	state := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(objType, nil)}
	var m externalSystemModel
	if d := m.fromAPI(es); d.HasError() {
		t.Fatal(d)
	}
	if d := state.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	wantSummary := `ServiceTrade external system "ledger" (id ` + formatID(es.ID) + `) still exists in ServiceTrade`

	// Plan: the destroy plan already warns.
	planResp := resource.ModifyPlanResponse{Plan: tfsdk.Plan{Schema: sch.Schema, Raw: tftypes.NewValue(objType, nil)}}
	r.ModifyPlan(ctx, resource.ModifyPlanRequest{
		State:  state,
		Plan:   tfsdk.Plan{Schema: sch.Schema, Raw: tftypes.NewValue(objType, nil)},
		Config: tfsdk.Config{Schema: sch.Schema, Raw: tftypes.NewValue(objType, nil)},
	}, &planResp)
	if planResp.Diagnostics.HasError() || planResp.Diagnostics.WarningsCount() != 1 || planResp.Diagnostics.Warnings()[0].Summary() != wantSummary {
		t.Errorf("destroy plan diagnostics = %v; want exactly the warning %q", planResp.Diagnostics, wantSummary)
	}

	e.ResetRequests()
	resp := resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("Delete diagnostics = %v; want exactly one warning", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0]
	if w.Summary() != wantSummary || !strings.Contains(w.Detail(), `405 "DELETE action not yet implemented"`) || !strings.Contains(w.Detail(), "import") {
		t.Errorf("warning = %q / %q", w.Summary(), w.Detail())
	}
	if n := e.Requests(); len(n) != 0 {
		t.Errorf("Delete sent requests %v; want none (DELETE is a 405)", n)
	}
	got, err := c.GetExternalSystem(ctx, es.ID)
	if err != nil || got.Name != "ledger" {
		t.Errorf("after Delete, GetExternalSystem = %+v, %v; want the system to still exist", got, err)
	}
}
