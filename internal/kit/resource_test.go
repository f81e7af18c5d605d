package kit

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

// After an update, the object's natural key in the run's index is the one
// the answer carries: a rename frees the old key for a later create.
func TestUpdateFromMovesTheNaturalKey(t *testing.T) {
	data := &providerdata.Data{}
	r := &Resource[struct{}, Child, ruleModel, string]{
		Base: Base[struct{}, Child]{Data: data, Type: Type[struct{}, Child]{
			Vendor: Vendor[struct{}]{Name: "Vendor", Prefix: "vendor",
				Client: func(*providerdata.Data) providerdata.Vendor[struct{}] {
					return providerdata.Vendor[struct{}]{Name: "Vendor"}
				}},
			Name: "rule", ID: ruleID,
		}},
		Set:        func(m *ruleModel, name *string) { m.Note = types.StringValue(*name) },
		NaturalKey: func(name *string) string { return *name },
	}
	r.Keys().Put("7/5", "north")
	s := state(t, tftypes.NewValue(tftypes.String, "5"), tftypes.NewValue(tftypes.Number, 7))
	req := resource.UpdateRequest{State: s, Plan: tfsdk.Plan(s)}
	resp := resource.UpdateResponse{State: s}
	var plan, prior ruleModel
	r.UpdateFrom(context.Background(), req, &resp, &plan, &prior, func(context.Context, struct{}, Child) (*string, error) {
		renamed := "south"
		return &renamed, nil
	})
	if resp.Diagnostics.HasError() || plan.Note.ValueString() != "south" {
		t.Fatalf("update: %v, note %v", resp.Diagnostics, plan.Note)
	}
	for key, wantTaken := range map[string]bool{"north": false, "south": true} {
		claim, existing, err := r.Keys().Claim(context.Background(), key, func(context.Context) ([]naturalkey.Entry, error) { return nil, nil })
		if err != nil {
			t.Fatal(err)
		}
		if claim != nil {
			claim.Release()
		}
		if taken := len(existing) > 0; taken != wantTaken {
			t.Errorf("key %q taken = %v, want %v", key, taken, wantTaken)
		}
	}
}
