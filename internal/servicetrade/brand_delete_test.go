package servicetrade

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// Destroying a brand makes no API request, leaves the brand in
// ServiceTrade, and says so in a warning, both when planning and applying.
// (terraform-plugin-testing does not expose warnings, hence this test calls
// the resource directly.)
func TestBrandDestroyWarnsAndLeavesTheBrand(t *testing.T) {
	ctx := context.Background()
	e, c := EmulatedClient(t)
	companies, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.SeedCustomerCompanies[1]})
	if err != nil || len(companies) != 1 {
		t.Fatalf("ListCompanies = %v, %v", companies, err)
	}
	cid := companies[0].ID
	b, err := c.CreateBrand(ctx, cid, api.BrandInput{Name: "Acme Suites"})
	if err != nil {
		t.Fatal(err)
	}

	r := NewBrandResource().(*brandResource)
	r.Data = &providerdata.Data{ServiceTrade: providerdata.Vendor[*api.Client]{Name: "ServiceTrade", Client: c}}
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	objType := sch.Schema.Type().TerraformType(ctx)
	state := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(objType, nil)}
	m := brandModel{CompanyID: types.Int64Value(cid)}
	m.fromAPI(b)
	if d := state.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	wantSummary := fmt.Sprintf(`ServiceTrade brand "Acme Suites" (id %d) of company %d still exists in ServiceTrade`, b.ID, cid)

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
	if w.Summary() != wantSummary || !strings.Contains(w.Detail(), "405") || !strings.Contains(w.Detail(), fmt.Sprintf("import it with `%d/%d`", cid, b.ID)) {
		t.Errorf("warning = %q / %q", w.Summary(), w.Detail())
	}
	if n := e.Requests(); len(n) != 0 {
		t.Errorf("Delete sent requests %v; want none (DELETE is a 405)", n)
	}
	if got, err := c.GetBrand(ctx, cid, b.ID); err != nil || got.Name != "Acme Suites" {
		t.Errorf("after Delete, GetBrand = %+v, %v; want the brand to still exist", got, err)
	}
}
