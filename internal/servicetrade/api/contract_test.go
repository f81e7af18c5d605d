package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// companyID finds a seeded company by exact name.
func companyID(t *testing.T, c *api.Client, name string) int64 {
	t.Helper()
	list, err := c.ListCompanies(context.Background(), api.CompanyFilter{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	for _, co := range list {
		if co.Name == name {
			return co.ID
		}
	}
	t.Fatalf("no company named %q", name)
	return 0
}

func TestNullableMarshalsThreeStates(t *testing.T) {
	body := struct {
		Left  api.Nullable[int64]  `json:"left,omitzero"`
		Null  api.Nullable[int64]  `json:"null,omitzero"`
		Value api.Nullable[string] `json:"value,omitzero"`
		Ptr   api.Nullable[int64]  `json:"ptr,omitzero"`
	}{Null: api.Null[int64](), Value: api.Some("x"), Ptr: api.FromPtr[int64](nil)}
	b, err := json.Marshal(body)
	if err != nil || string(b) != `{"null":null,"value":"x","ptr":null}` {
		t.Errorf("marshalled %s, %v", b, err)
	}
	if v, ok := api.Some(int64(7)).Get(); !ok || v != 7 {
		t.Errorf("Some(7).Get() = %d, %v", v, ok)
	}
	if _, ok := api.Null[int64]().Get(); ok {
		t.Error("Null().Get() has a value")
	}
}

func TestContractLifecycle(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 1})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	vendor := companyID(t, c, emust.VendorCompany)
	customer := companyID(t, c, emust.SeedCustomerCompanies[0])
	other := companyID(t, c, emust.SeedCustomerCompanies[1])

	const sentExpiry = 1445522820 // 2015-10-22T14:07:00Z
	ct, err := c.CreateContract(ctx, api.ContractInput{
		Type: api.ContractTypeCompany, Name: "Hwy 55 Contract", CustomerPo: api.Some("abc-1234"),
		ContractFields: api.ContractFields{
			VendorID: api.Some(vendor), CustomerID: api.Some(customer),
			ExpiresOn: api.Some(int64(sentExpiry)), ExpectedRevenue: api.Some(250000.0),
			InvoiceDetailLevel: []string{"public"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if ct.ID <= 1<<32 || ct.Type != "company" || *api.RefID(ct.Vendor) != vendor || *api.RefID(ct.Customer) != customer ||
		ct.CustomerPo == nil || *ct.CustomerPo != "abc-1234" || *ct.ExpiresOn != sentExpiry || !ct.Active ||
		ct.Revenue != nil || ct.Complexity != "simple" || ct.Parent != nil || api.RefID(ct.Owner) != nil ||
		len(ct.InvoiceDetailLevel) != 1 || len(ct.QuoteDetailLevel) != 3 || !strings.HasSuffix(ct.URI, "/contract/"+strconv.FormatInt(ct.ID, 10)) {
		t.Errorf("created = %+v", ct)
	}
	got, err := c.GetContract(ctx, ct.ID)
	if err != nil || *got.ExpiresOn != 1445472000 {
		t.Fatalf("GetContract = %+v, %v; want the expiry day at midnight UTC", got, err)
	}

	// A partial update: null clears, unset fields stay.
	name := "Hwy 55 Contract 1"
	upd, err := c.UpdateContract(ctx, ct.ID, api.ContractUpdate{Name: &name, ContractFields: api.ContractFields{
		CustomerID: api.Some(other), ExpectedRevenue: api.Null[float64](), Description: api.Some("Weekend prices"),
	}})
	if err != nil || upd.Name != name || *api.RefID(upd.Customer) != other || upd.ExpectedRevenue != nil ||
		upd.Description != "Weekend prices" || *upd.CustomerPo != "abc-1234" || *upd.ExpiresOn != 1445472000 {
		t.Fatalf("UpdateContract = %+v, %v", upd, err)
	}

	// The API's 400 carries the validation messages.
	_, err = c.UpdateContract(ctx, ct.ID, api.ContractUpdate{ContractFields: api.ContractFields{OwnerID: api.Some(int64(42))}})
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || len(apiErr.Validation["ownerId"]) == 0 {
		t.Errorf("UpdateContract with an unknown owner: %v, want 400 with an ownerId message", err)
	}

	// Listing: filtered, several pages, 404 on no match is an empty list,
	// and no listing without a vendor, customer or job.
	if _, err := c.CreateContract(ctx, api.ContractInput{Type: "default", Name: "Standard", ContractFields: api.ContractFields{VendorID: api.Some(vendor)}}); err != nil {
		t.Fatal(err)
	}
	list, err := c.ListContracts(ctx, api.ContractFilter{VendorID: vendor})
	if err != nil || len(list) != 2 {
		t.Errorf("ListContracts(vendor) = %d contracts, %v; want 2 across pages", len(list), err)
	}
	list, err = c.ListContracts(ctx, api.ContractFilter{CustomerID: customer})
	if err != nil || len(list) != 0 {
		t.Errorf("ListContracts(no match) = %v, %v; want an empty list", list, err)
	}
	if _, err := c.ListContracts(ctx, api.ContractFilter{Name: "Standard"}); !errors.Is(err, api.ErrContractFilter) {
		t.Errorf("ListContracts without a scope: %v", err)
	}

	// Deactivate: the contract stays, inactive.
	if err := c.DeactivateContract(ctx, ct.ID, api.DeactivateOptions{CancelJobs: true}); err != nil {
		t.Fatal(err)
	}
	got, err = c.GetContract(ctx, ct.ID)
	if err != nil || got.Active {
		t.Errorf("after deactivate: %+v, %v; want it inactive", got, err)
	}
	if err := c.DeactivateContract(ctx, 987, api.DeactivateOptions{}); !api.IsNotFound(err) {
		t.Errorf("deactivating an unknown contract: %v, want not found", err)
	}
	if _, err := c.GetContract(ctx, 987); !api.IsNotFound(err) {
		t.Errorf("GetContract(987): %v, want not found", err)
	}
}

// The reference's examples repeat keys; the last one wins, and nested
// objects may be null.
func TestContractDecodesDuplicateKeys(t *testing.T) {
	var ct api.Contract
	doc := `{"id":94,"name":"Hwy 55 Contract","active":false,"complexity":"simple","vendor":{"id":34,"uri":"u","name":"StandAlone Safety","status":"active"},
		"customerPo":null,"paymentTerms":null,"active":true,"complexity":"complex","actualMargin":15.45,"actualMargin":20.05}`
	if err := json.Unmarshal([]byte(doc), &ct); err != nil {
		t.Fatal(err)
	}
	if !ct.Active || ct.Complexity != "complex" || *ct.ActualMargin != 20.05 || ct.Vendor.ID != 34 || ct.CustomerPo != nil || ct.PaymentTerms != nil {
		t.Errorf("decoded %+v", ct)
	}
}

func TestContractRuleDecodesBothShapes(t *testing.T) {
	cases := map[string]struct {
		doc      string
		items    []int64
		line     int64
		wantType string
	}{
		"GET":                {`{"id":417,"type":"unit","price":160.5,"libItems":[{"id":874,"type":"part","code":null}],"serviceLine":null}`, []int64{874}, 0, "part"},
		"PUT libItemIds":     {`{"id":418,"type":"stack","price":39.99,"libItemIds":[{"id":624,"type":"inspection"}],"serviceLine":null}`, []int64{624}, 0, "inspection"},
		"bare ids":           {`{"id":1,"type":"unit","libItemIds":[5,6]}`, []int64{5, 6}, 0, ""},
		"serviceLine array":  {`{"id":419,"type":"additionalcharge","libItems":[{"id":624}],"serviceLine":[{"id":987,"name":"Line","trade":"Fire Protection","abbr":"LINE"}]}`, []int64{624}, 987, ""},
		"serviceLine object": {`{"id":420,"type":"additionalcharge","libItems":[],"serviceLine":{"id":988,"trade":{"name":"HVAC"}}}`, []int64{}, 988, ""},
	}
	for name, tc := range cases {
		var r api.ContractRule
		if err := json.Unmarshal([]byte(tc.doc), &r); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		ids := r.LibItemIDs()
		if len(ids) != len(tc.items) {
			t.Errorf("%s: lib items %v, want %v", name, ids, tc.items)
			continue
		}
		for i := range ids {
			if ids[i] != tc.items[i] {
				t.Errorf("%s: lib items %v, want %v", name, ids, tc.items)
			}
		}
		if tc.wantType != "" && string(r.LibItems[0].Type) != tc.wantType {
			t.Errorf("%s: lib item type %q", name, r.LibItems[0].Type)
		}
		switch {
		case tc.line == 0 && r.ServiceLine != nil, tc.line != 0 && (r.ServiceLine == nil || r.ServiceLine.ID != tc.line):
			t.Errorf("%s: service line %+v, want id %d", name, r.ServiceLine, tc.line)
		}
	}
	var r api.ContractRule
	if err := json.Unmarshal([]byte(`{"serviceLine":[{"id":1},{"id":2}]}`), &r); err == nil {
		t.Error("two service lines decoded without error")
	}
}

func TestContractRuleLifecycle(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 1})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	vendor := companyID(t, c, emust.VendorCompany)
	ct, err := c.CreateContract(ctx, api.ContractInput{Type: "default", Name: "Discount Price List", ContractFields: api.ContractFields{VendorID: api.Some(vendor)}})
	if err != nil {
		t.Fatal(err)
	}
	items, err := c.ListLibItems(ctx, api.LibItemFilter{Code: "LAB-INSP"})
	if err != nil || len(items) == 0 {
		t.Fatalf("lib items: %v, %v", items, err)
	}
	lines, err := c.ListServiceLines(ctx, api.ServiceLineFilter{})
	if err != nil || len(lines) == 0 {
		t.Fatalf("service lines: %v, %v", lines, err)
	}
	item, line := items[0].ID, lines[0].ID

	price, threshold := 30.00, 10.0
	r, err := c.CreateContractRule(ctx, ct.ID, api.ContractRuleInput{Type: "stack", Name: "Inspection, up to 10", Price: &price, Threshold: &threshold, LibItemIDs: []int64{item}})
	if err != nil || r.Price != 30 || *r.Threshold != 10 || r.ServiceLine != nil || len(r.LibItems) != 1 || r.LibItems[0].ID != item ||
		r.Contract == nil || r.Contract.ID != ct.ID || !strings.HasSuffix(r.URI, "/contract/"+strconv.FormatInt(ct.ID, 10)+"/rule/"+strconv.FormatInt(r.ID, 10)) {
		t.Fatalf("CreateContractRule = %+v, %v", r, err)
	}
	// The PUT response's "libItemIds" is read as the lib items.
	newPrice := 39.99
	up, err := c.UpdateContractRule(ctx, ct.ID, r.ID, api.ContractRuleUpdate{Price: &newPrice, Threshold: api.Null[float64]()})
	if err != nil || up.Price != 39.99 || up.Threshold != nil || len(up.LibItems) != 1 || up.LibItems[0].ID != item || up.Name != r.Name {
		t.Fatalf("UpdateContractRule = %+v, %v", up, err)
	}
	up, err = c.UpdateContractRule(ctx, ct.ID, r.ID, api.ContractRuleUpdate{LibItemIDs: []int64{}})
	if err != nil || len(up.LibItems) != 0 {
		t.Fatalf("UpdateContractRule removing items = %+v, %v", up, err)
	}

	ac, err := c.CreateContractRule(ctx, ct.ID, api.ContractRuleInput{Type: api.ContractRuleAdditionalCharge, Name: "Trip charge", LibItemIDs: []int64{item}, ServiceLineID: &line})
	if err != nil || ac.ServiceLine == nil || ac.ServiceLine.ID != line || ac.Price != 0 {
		t.Fatalf("additionalcharge rule = %+v, %v; want its service line, price 0", ac, err)
	}
	if _, err := c.CreateContractRule(ctx, ct.ID, api.ContractRuleInput{Type: "unit", Name: "x", ServiceLineID: &line}); err == nil || !strings.Contains(err.Error(), "serviceLineId") {
		t.Errorf("service line on a unit rule: %v, want a 400 naming serviceLineId", err)
	}

	list, err := c.ListContractRules(ctx, ct.ID, api.ContractRuleFilter{})
	if err != nil || len(list) != 2 {
		t.Errorf("ListContractRules = %d rules, %v; want 2 across pages", len(list), err)
	}
	list, err = c.ListContractRules(ctx, ct.ID, api.ContractRuleFilter{Type: api.ContractRuleAdditionalCharge})
	if err != nil || len(list) != 1 || list[0].ServiceLine == nil {
		t.Errorf("ListContractRules(additionalcharge) = %+v, %v", list, err)
	}
	if _, err := c.ListContractRules(ctx, 987, api.ContractRuleFilter{}); !api.IsNotFound(err) {
		t.Errorf("rules of an unknown contract: %v, want not found", err)
	}
	changed, err := c.ListContractRulesChanged(ctx, api.ContractRuleDates{CreatedAfter: 1})
	if err != nil || len(changed) != 2 {
		t.Errorf("ListContractRulesChanged = %d, %v", len(changed), err)
	}
	if _, err := c.ListContractRulesChanged(ctx, api.ContractRuleDates{}); err == nil {
		t.Error("ListContractRulesChanged without dates succeeded")
	}

	if err := c.DeleteContractRule(ctx, ct.ID, r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetContractRule(ctx, ct.ID, r.ID); !api.IsNotFound(err) {
		t.Errorf("GetContractRule after delete: %v, want not found", err)
	}
	if err := c.DeleteContractRule(ctx, ct.ID, r.ID); !api.IsNotFound(err) {
		t.Errorf("second delete: %v, want not found", err)
	}
}
