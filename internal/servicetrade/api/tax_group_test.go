package api_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestTaxGroupLifecycleAndNotFound(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()

	tg, err := c.CreateTaxGroup(ctx, api.TaxGroupInput{Code: "BOS", Name: "Boston", State: "MA", CombinedRate: 0.0975,
		PostalCodes: []string{"02108", "02109"}})
	if err != nil {
		t.Fatal(err)
	}
	if tg.ID <= 1<<32 || tg.Code != "BOS" || tg.Name != "Boston" || tg.State != "MA" || tg.CombinedRate != 0.0975 ||
		!slices.Equal(tg.PostalCodes, []string{"02108", "02109"}) || tg.Created == 0 || tg.Updated != tg.Created ||
		!strings.HasSuffix(tg.URI, "/taxgroup/"+strconv.FormatInt(tg.ID, 10)) {
		t.Errorf("created tax group = %+v", tg)
	}

	// No postal codes are sent as [], and PUT replaces the whole list.
	got, err := c.UpdateTaxGroup(ctx, tg.ID, api.TaxGroupInput{Code: "BOS2", Name: "Boston NYC", State: "Mass.", CombinedRate: 0.1})
	if err != nil || got.Code != "BOS2" || got.Name != "Boston NYC" || got.State != "Mass." || got.CombinedRate != 0.1 ||
		got.PostalCodes == nil || len(got.PostalCodes) != 0 || got.Created != tg.Created || got.Updated <= tg.Updated {
		t.Fatalf("UpdateTaxGroup = %+v, %v", got, err)
	}
	read, err := c.GetTaxGroup(ctx, tg.ID)
	if err != nil || read.Code != "BOS2" || len(read.PostalCodes) != 0 || read.Updated != got.Updated {
		t.Fatalf("GetTaxGroup = %+v, %v", read, err)
	}

	if err := c.DeleteTaxGroup(ctx, tg.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetTaxGroup(ctx, tg.ID); !api.IsNotFound(err) {
		t.Errorf("GetTaxGroup after delete: %v, want not found", err)
	}
	if _, err := c.UpdateTaxGroup(ctx, tg.ID, api.TaxGroupInput{Code: "X", Name: "X", State: "X"}); !api.IsNotFound(err) {
		t.Errorf("UpdateTaxGroup after delete: %v, want not found", err)
	}
	if err := c.DeleteTaxGroup(ctx, tg.ID); !api.IsNotFound(err) {
		t.Errorf("second delete: %v, want not found", err)
	}
}

func TestCreateTaxGroupRefusesBadInput(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[1].cfg(base))
	for field, in := range map[string]api.TaxGroupInput{
		"code":  {Code: strings.Repeat("C", 41), Name: "n", State: "NC", CombinedRate: 0.05},
		"name":  {Code: "c", Name: strings.Repeat("n", 101), State: "NC", CombinedRate: 0.05},
		"state": {Code: "c", Name: "n", CombinedRate: 0.05},
	} {
		_, err := c.CreateTaxGroup(context.Background(), in)
		var apiErr *api.Error
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || len(apiErr.Validation[field]) == 0 {
			t.Errorf("CreateTaxGroup(%+v) = %v, want a 400 with a %s validation message", in, err, field)
		}
	}
}

// The list pages, and its filters are the API's: code, name and postal
// code match substrings (the client passes them on, the caller keeps exact
// matches), state exactly.
func TestListTaxGroupsFilters(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	all, err := c.ListTaxGroups(ctx, api.TaxGroupFilter{})
	if err != nil || len(all) != len(emust.SeedTaxGroups) {
		t.Fatalf("ListTaxGroups = %+v, %v; want the %d seeded groups across pages", all, err, len(emust.SeedTaxGroups))
	}
	if all[1].Code != "WAKE2021" || all[1].CombinedRate != 0.085 || !slices.Equal(all[1].PostalCodes, []string{"27513", "27607"}) || all[1].Created != 1619314698 {
		t.Errorf("seeded WAKE2021 = %+v", all[1])
	}
	codes := func(f api.TaxGroupFilter) []string {
		t.Helper()
		list, err := c.ListTaxGroups(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, tg := range list {
			out = append(out, tg.Code)
		}
		return out
	}
	for _, tc := range []struct {
		f    api.TaxGroupFilter
		want []string
	}{
		{api.TaxGroupFilter{Code: "nyc"}, []string{"NYC2020", "NYC2021"}},
		{api.TaxGroupFilter{Name: "NYC"}, []string{"NYC2020", "NYC2021"}},
		{api.TaxGroupFilter{State: "NY"}, []string{"NYC2020", "NYC2021"}},
		{api.TaxGroupFilter{State: "N"}, nil},
		{api.TaxGroupFilter{PostalCode: "10005"}, []string{"NYC2020", "NYC2021"}},
		{api.TaxGroupFilter{PostalCode: "2751"}, []string{"WAKE2021"}},
		{api.TaxGroupFilter{Code: "NYC", ExcludeID: all[2].ID}, []string{"NYC2021"}},
	} {
		if got := codes(tc.f); !slices.Equal(got, tc.want) {
			t.Errorf("ListTaxGroups(%+v) = %v, want %v", tc.f, got, tc.want)
		}
	}
}
