package kickserv

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/kickserv/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// Destroying an employee makes it inactive, and says so in the same
// warning when the destroy is planned and when it is applied, as for the
// other objects the APIs cannot delete. (terraform-plugin-testing does not
// expose warnings, hence this test calls the resource directly.)
func TestEmployeeDestroyWarnsAtPlanAndApply(t *testing.T) {
	ctx := context.Background()
	srv := httptest.NewServer(emulator.New(emulator.Options{}))
	defer srv.Close()
	c, err := api.New(api.Config{BaseURL: srv.URL + emulator.KickservPrefix, Account: emuks.Account, APIToken: emuks.APIToken})
	if err != nil {
		t.Fatal(err)
	}
	name := "Dana Retiring"
	e, err := c.CreateEmployee(ctx, api.EmployeeInput{Name: &name})
	if err != nil {
		t.Fatal(err)
	}

	r := NewEmployeeResource().(*employeeResource)
	r.Data = &providerdata.Data{Kickserv: providerdata.Vendor[*api.Client]{Name: "Kickserv", Client: c}}
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	objType := sch.Schema.Type().TerraformType(ctx)
	null := tftypes.NewValue(objType, nil)
	state := tfsdk.State{Schema: sch.Schema, Raw: null}
	var m employeeResourceModel
	m.fromAPI(e)
	if d := state.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	wantSummary := "Kickserv employee " + formatNumber(e.Number) + " is made inactive, not deleted"

	planResp := resource.ModifyPlanResponse{Plan: tfsdk.Plan{Schema: sch.Schema, Raw: null}}
	r.ModifyPlan(ctx, resource.ModifyPlanRequest{
		State:  state,
		Plan:   tfsdk.Plan{Schema: sch.Schema, Raw: null},
		Config: tfsdk.Config{Schema: sch.Schema, Raw: null},
	}, &planResp)
	if planResp.Diagnostics.HasError() || planResp.Diagnostics.WarningsCount() != 1 || planResp.Diagnostics.Warnings()[0].Summary() != wantSummary {
		t.Errorf("destroy plan diagnostics = %v; want exactly the warning %q", planResp.Diagnostics, wantSummary)
	}
	if got, err := c.GetEmployee(ctx, e.Number); err != nil || !got.Active {
		t.Fatalf("planning changed the employee: %+v, %v", got, err)
	}

	resp := resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("Delete diagnostics = %v; want exactly one warning", resp.Diagnostics)
	}
	if w := resp.Diagnostics.Warnings()[0]; w.Summary() != wantSummary || !strings.Contains(w.Detail(), "active = true") || !strings.Contains(w.Detail(), "import") {
		t.Errorf("warning = %q / %q", w.Summary(), w.Detail())
	}
	if got, err := c.GetEmployee(ctx, e.Number); err != nil || got.Active {
		t.Errorf("after Delete, GetEmployee = %+v, %v; want the employee, inactive", got, err)
	}
}
