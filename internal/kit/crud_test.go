package kit

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/providerdata"
)

func object(enabled bool, allowDuplicate tftypes.Value) tftypes.Value {
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"enabled": tftypes.Bool, "allow_duplicate": tftypes.Bool}}
	return tftypes.NewValue(typ, map[string]tftypes.Value{"enabled": tftypes.NewValue(tftypes.Bool, enabled), "allow_duplicate": allowDuplicate})
}

func TestOnlyProviderSideChangesSkipTheVendor(t *testing.T) {
	yes, no := tftypes.NewValue(tftypes.Bool, true), tftypes.NewValue(tftypes.Bool, false)
	b := &Base[struct{}, int64]{Type: Type[struct{}, int64]{ProviderSide: Defaults(AllowDuplicateDefault)}}
	if !b.onlyProviderSide(object(true, yes), object(true, no)) {
		t.Error("a change of allow_duplicate alone calls the vendor")
	}
	if b.onlyProviderSide(object(false, yes), object(true, no)) {
		t.Error("a change of enabled with allow_duplicate is not sent")
	}
	if b.onlyProviderSide(object(false, no), object(true, no)) {
		t.Error("a change of enabled is not sent")
	}
	unknown := tftypes.NewValue(tftypes.Bool, tftypes.UnknownValue)
	if b.onlyProviderSide(tftypes.NewValue(object(true, no).Type(), map[string]tftypes.Value{"enabled": unknown, "allow_duplicate": yes}), object(true, no)) {
		t.Error("an unknown planned value is not sent")
	}
	none := &Base[struct{}, int64]{}
	if none.onlyProviderSide(object(true, no), object(true, no)) {
		t.Error("a type without provider-side attributes skips the vendor")
	}
}

func TestTypeNames(t *testing.T) {
	typ := Type[struct{}, int64]{Vendor: Vendor[struct{}]{Name: "ServiceTrade", Prefix: "servicetrade"}, Name: "contract_rule"}
	if got := typ.TypeName(); got != "fieldservice_servicetrade_contract_rule" {
		t.Errorf("TypeName = %q", got)
	}
	if got := typ.Object(5); got != "ServiceTrade contract rule 5" {
		t.Errorf("Object = %q", got)
	}
	typ.Kind = "rule"
	if got := typ.KindName(); got != "rule" {
		t.Errorf("KindName = %q", got)
	}
	if d := Defaults(AllowDuplicateDefault); !d["allow_duplicate"].Equal(types.BoolValue(false)) || len(Defaults()) != 0 {
		t.Errorf("Defaults = %v", d)
	}
}

// A deleted object's natural key is free again, unless the type keeps it
// (an employee made inactive keeps its username).
func TestDeleteFreesTheKeyUnlessTheTypeKeepsIt(t *testing.T) {
	for _, keeps := range []bool{false, true} {
		data := &providerdata.Data{}
		b := &Base[struct{}, Child]{Data: data, Type: Type[struct{}, Child]{
			Vendor: Vendor[struct{}]{Name: "Vendor", Prefix: "vendor",
				Client: func(*providerdata.Data) providerdata.Vendor[struct{}] {
					return providerdata.Vendor[struct{}]{Name: "Vendor"}
				}},
			Name: "rule", ID: ruleID, KeepsKey: keeps,
		}}
		b.Keys().Put("7/5", "north")
		var resp resource.DeleteResponse
		req := resource.DeleteRequest{State: state(t, tftypes.NewValue(tftypes.String, "5"), tftypes.NewValue(tftypes.Number, 7))}
		var deleted Child
		b.DeleteWith(context.Background(), req, &resp, func(_ context.Context, _ struct{}, k Child) error { deleted = k; return nil })
		if resp.Diagnostics.HasError() || deleted != (Child{Parent: 7, ID: 5}) {
			t.Fatalf("deleted %v: %v", deleted, resp.Diagnostics)
		}
		claim, existing, err := b.Keys().Claim(context.Background(), "north", func(context.Context) ([]naturalkey.Entry, error) { return nil, nil })
		if err != nil {
			t.Fatal(err)
		}
		if claim != nil {
			claim.Release()
		}
		if taken := len(existing) > 0; taken != keeps {
			t.Errorf("KeepsKey %v: key still taken = %v", keeps, taken)
		}
	}
}
