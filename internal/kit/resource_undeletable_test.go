package kit

import (
	"context"
	"errors"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/undeletable"
)

// ruleModel is the model of state()'s schema.
type ruleModel struct {
	ID         types.String `tfsdk:"id"`
	ContractID types.Int64  `tfsdk:"contract_id"`
	Note       types.String `tfsdk:"note"`
}

func stillThere(m ruleModel) undeletable.Notice {
	return undeletable.Notice{Summary: "rule " + m.ID.ValueString() + " still exists", Detail: "It cannot be deleted."}
}

func undeletableRule(deactivate func(struct{}, context.Context, Child, ruleModel) error) *Resource[struct{}, Child, ruleModel, struct{}] {
	r := &Resource[struct{}, Child, ruleModel, struct{}]{Notice: stillThere, Deactivate: deactivate}
	r.Type = Type[struct{}, Child]{
		Vendor: Vendor[struct{}]{Name: "Vendor", Prefix: "vendor",
			Client: func(*providerdata.Data) providerdata.Vendor[struct{}] {
				return providerdata.Vendor[struct{}]{Name: "Vendor"}
			}},
		Name: "rule", ID: ruleID, Deleting: "Deactivating",
	}
	r.Data = &providerdata.Data{}
	return r
}

func TestUndeletableWarnsWhenTheDestroyIsPlanned(t *testing.T) {
	s := state(t, tftypes.NewValue(tftypes.String, "5"), tftypes.NewValue(tftypes.Number, 7))
	destroy := resource.ModifyPlanRequest{State: s, Plan: tfsdk.Plan{Schema: s.Schema, Raw: tftypes.NewValue(s.Raw.Type(), nil)}}
	update := resource.ModifyPlanRequest{State: s, Plan: tfsdk.Plan(s)}
	for name, c := range map[string]struct {
		r    *Resource[struct{}, Child, ruleModel, struct{}]
		req  resource.ModifyPlanRequest
		warn bool
	}{
		"destroy":                {undeletableRule(nil), destroy, true},
		"update":                 {undeletableRule(nil), update, false},
		"destroy of a deletable": {&Resource[struct{}, Child, ruleModel, struct{}]{}, destroy, false},
	} {
		var resp resource.ModifyPlanResponse
		c.r.ModifyPlan(context.Background(), c.req, &resp)
		if warned := resp.Diagnostics.WarningsCount() == 1 && resp.Diagnostics.Warnings()[0].Summary() == "rule 5 still exists"; warned != c.warn || resp.Diagnostics.HasError() {
			t.Errorf("%s: %v", name, resp.Diagnostics)
		}
	}
}

func TestUndeletableDelete(t *testing.T) {
	req := resource.DeleteRequest{State: state(t, tftypes.NewValue(tftypes.String, "5"), tftypes.NewValue(tftypes.Number, 7))}

	// Forgotten only: no request, no client needed.
	forget := undeletableRule(nil)
	forget.Data = nil
	var resp resource.DeleteResponse
	forget.Delete(context.Background(), req, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Errorf("forget: %v", resp.Diagnostics)
	}

	// Deactivated, with the key and the state.
	var got Child
	var note string
	deactivated := undeletableRule(func(_ struct{}, _ context.Context, key Child, m ruleModel) error {
		got, note = key, m.ID.ValueString()
		return nil
	})
	resp = resource.DeleteResponse{}
	deactivated.Delete(context.Background(), req, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 || got != (Child{Parent: 7, ID: 5}) || note != "5" {
		t.Errorf("deactivate(%v, %q): %v", got, note, resp.Diagnostics)
	}

	// A failed deactivation fails the destroy, with no warning.
	failed := undeletableRule(func(struct{}, context.Context, Child, ruleModel) error { return errors.New("503") })
	resp = resource.DeleteResponse{}
	failed.Delete(context.Background(), req, &resp)
	if !resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 0 {
		t.Fatalf("failed deactivation: %v", resp.Diagnostics)
	}
	if got := resp.Diagnostics.Errors()[0].Summary(); got != "Deactivating Vendor rule {7 5} failed" {
		t.Errorf("summary %q", got)
	}
}
