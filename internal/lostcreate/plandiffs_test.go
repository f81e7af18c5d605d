package lostcreate_test

import (
	"context"
	"errors"
	"io"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
)

func TestKeep(t *testing.T) {
	kept, err := lostcreate.Keep([]thing{{name: "x"}, {name: "X"}, {name: "x2"}, {name: "x"}}, nil, func(t thing) bool { return t.name == "x" })
	if err != nil || len(kept) != 2 {
		t.Errorf("Keep = %v, %v; want the 2 exact matches", kept, err)
	}
	if _, err := lostcreate.Keep[thing](nil, io.EOF, nil); !errors.Is(err, io.EOF) {
		t.Errorf("Keep must pass the listing's error on, got %v", err)
	}
}

type model struct {
	ID     types.String  `tfsdk:"id"`
	Name   types.String  `tfsdk:"name"`
	Label  types.String  `tfsdk:"label"`
	Weight types.Float64 `tfsdk:"weight"`
	Tags   types.Set     `tfsdk:"tags"`
}

func TestPlanDiffs(t *testing.T) {
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"id":     schema.StringAttribute{Computed: true},
		"name":   schema.StringAttribute{Required: true},
		"label":  schema.StringAttribute{Optional: true},
		"weight": schema.Float64Attribute{Optional: true},
		"tags":   schema.SetAttribute{Optional: true, ElementType: types.StringType},
	}}
	tags := func(v ...string) types.Set {
		els := make([]attr.Value, len(v))
		for i, s := range v {
			els[i] = types.StringValue(s)
		}
		return types.SetValueMust(types.StringType, els)
	}
	planned := model{ID: types.StringUnknown(), Name: types.StringValue("x"), Label: types.StringNull(), Weight: types.Float64Value(0.1), Tags: tags("a", "b")}
	plan := tfsdk.Plan{Schema: s}
	if diags := plan.Set(ctx, &planned); diags.HasError() {
		t.Fatal(diags)
	}
	// The planned number as Terraform sends it: the decimal 0.1, not the
	// float64 nearest to it, which is what the API's answer gives.
	raw := map[string]tftypes.Value{}
	if err := plan.Raw.As(&raw); err != nil {
		t.Fatal(err)
	}
	decimal, _, err := big.ParseFloat("0.1", 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	raw["weight"] = tftypes.NewValue(tftypes.Number, decimal)
	plan.Raw = tftypes.NewValue(plan.Raw.Type(), raw)
	same := planned
	same.ID = types.StringValue("42")
	same.Tags = tags("b", "a")
	if got, diags := lostcreate.PlanDiffs(ctx, plan, &same); diags.HasError() || len(got) != 0 {
		t.Errorf("PlanDiffs(same object, id now known, set reordered) = %v %v; want none", got, diags)
	}
	other := same
	other.Label = types.StringValue("set elsewhere")
	other.Tags = tags("a")
	other.Weight = types.Float64Value(0.2)
	if got, _ := lostcreate.PlanDiffs(ctx, plan, &other); strings.Join(got, ",") != "label,tags,weight" {
		t.Errorf("PlanDiffs = %v; want label,tags,weight", got)
	}
}
