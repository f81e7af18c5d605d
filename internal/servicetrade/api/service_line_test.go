package api_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestServiceLinesProvidedShowAllAndTrade(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	provided := 0
	for _, sl := range emust.SeedServiceLines {
		if sl.Provided {
			provided++
		}
	}
	def, err := c.ListServiceLines(ctx, api.ServiceLineFilter{})
	if err != nil || len(def) != provided {
		t.Fatalf("ListServiceLines() = %d, %v; want the %d provided lines", len(def), err, provided)
	}
	all, err := c.ListServiceLines(ctx, api.ServiceLineFilter{ShowAll: true})
	if err != nil || len(all) != len(emust.SeedServiceLines) {
		t.Fatalf("ListServiceLines(showAll) = %d, %v; want %d", len(all), err, len(emust.SeedServiceLines))
	}
	plumbing, err := c.ListServiceLines(ctx, api.ServiceLineFilter{TradeName: "plumb", ShowAll: true})
	if err != nil || len(plumbing) != 1 || plumbing[0].Trade != "Plumbing" || plumbing[0].Abbr != "BFP" {
		t.Fatalf("ListServiceLines(tradeName=plumb) = %+v, %v", plumbing, err)
	}
	got, err := c.GetServiceLine(ctx, plumbing[0].ID)
	if err != nil || *got != plumbing[0] || got.Icon == "" {
		t.Fatalf("GetServiceLine = %+v, %v; want %+v", got, err, plumbing[0])
	}
	if _, err := c.GetServiceLine(ctx, 123); !api.IsNotFound(err) {
		t.Errorf("GetServiceLine(123) = %v, want not found", err)
	}
}

func TestServiceLineTradeDecodesStringOrObject(t *testing.T) {
	for in, want := range map[string]api.Trade{
		`{"id":1,"trade":"Fire Protection"}`:          "Fire Protection",
		`{"id":1,"trade":{"name":"Fire Protection"}}`: "Fire Protection",
		`{"id":1,"trade":null}`:                       "",
		`{"id":1}`:                                    "",
	} {
		var sl api.ServiceLine
		if err := json.Unmarshal([]byte(in), &sl); err != nil || sl.Trade != want {
			t.Errorf("%s decoded to trade %q, %v; want %q", in, sl.Trade, err, want)
		}
	}
	var sl api.ServiceLine
	if err := json.Unmarshal([]byte(`{"trade":42}`), &sl); err == nil {
		t.Errorf("a numeric trade decoded without error")
	}
}
