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

// Deleting a template already gone succeeds although ServiceTrade's DELETE
// documents no 404 (the emulator answers 403 "not editable by user"), and
// a template still in use fails with the 409 explained.
func TestServiceTemplateDeleteGoneAndInUse(t *testing.T) {
	ctx := context.Background()
	e, c := EmulatedClient(t)
	lines, err := c.ListServiceLines(ctx, api.ServiceLineFilter{})
	if err != nil || len(lines) == 0 {
		t.Fatalf("ListServiceLines = %v, %v", lines, err)
	}
	st, err := c.CreateServiceTemplate(ctx, api.ServiceTemplateInput{Name: "Gone", Description: "d", ServiceLineID: lines[0].ID, PreferredTechIDs: []int64{}})
	if err != nil {
		t.Fatal(err)
	}

	r := NewServiceTemplateResource().(*serviceTemplateResource)
	r.Data = &providerdata.Data{ServiceTrade: providerdata.Vendor[*api.Client]{Name: "ServiceTrade", Client: c}}
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	state := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(sch.Schema.Type().TerraformType(ctx), nil)}
	var m serviceTemplateResourceModel
	if d := m.refresh(st); d.HasError() {
		t.Fatal(d)
	}
	if d := state.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}

	e.ServiceTrade.SetServiceTemplateAssociations(st.ID, 1)
	resp := resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "still refer to it") {
		t.Errorf("Delete of a template in use = %v; want the 409 explained", resp.Diagnostics)
	}

	e.ServiceTrade.SetServiceTemplateAssociations(st.ID, 0)
	if err := c.DeleteServiceTemplate(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	resp = resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() {
		t.Errorf("Delete of a template already gone = %v; want success", resp.Diagnostics)
	}
}
