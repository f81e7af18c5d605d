package provider_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// listCasesCatalogue are the TestList_protocol cases of this group's list
// resources: each filter of lib items, warehouses and contracts is shown
// to filter, by a case whose objects it selects or by one whose others
// (a filter differing in it alone) selects none.
var listCasesCatalogue = slices.Concat(libItemListCases(), warehouseListCases(), contractListCases())

// libItemListCases: active parts found by name (a labor filter finds
// none), and inactive labor items found with active = false (the
// default, active items, finds none).
func libItemListCases() []listCase {
	item := func(typ string, active bool) func(string, int, int64) map[string]tftypes.Value {
		return func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)), "type": acctest.StrVal(typ), "active": acctest.BoolVal(active)}
		}
	}
	filter := func(more map[string]tftypes.Value) func(string, int64) map[string]tftypes.Value {
		return func(tag string, _ int64) map[string]tftypes.Value {
			f := map[string]tftypes.Value{"name": acctest.StrVal(tag)}
			for k, v := range more {
				f[k] = v
			}
			return f
		}
	}
	labor := acctest.StrVal("labor")
	return []listCase{
		{
			typeName: "fieldservice_servicetrade_lib_item", vendor: "servicetrade", name: "name",
			create: item("part", true), filter: filter(nil), others: filter(map[string]tftypes.Value{"type": labor}),
		},
		{
			typeName: "fieldservice_servicetrade_lib_item", vendor: "servicetrade", name: "name",
			create: item("labor", false),
			filter: filter(map[string]tftypes.Value{"type": labor, "active": acctest.BoolVal(false)}),
			others: filter(map[string]tftypes.Value{"type": labor}),
		},
	}
}

// warehouseListCases: warehouses of an office no other warehouse has (the
// API has no name filter), active ones listed by default (inactive ones
// asked for find none) and inactive ones asked for (the default finds
// none).
func warehouseListCases() []listCase {
	wh := func(status string) func(string, int, int64) map[string]tftypes.Value {
		return func(tag string, i int, office int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)), "office_id": acctest.NumVal(office), "status": acctest.StrVal(status)}
		}
	}
	filter := func(status string) func(string, int64) map[string]tftypes.Value {
		return func(_ string, office int64) map[string]tftypes.Value {
			f := map[string]tftypes.Value{"office_id": acctest.NumVal(office)}
			if status != "" {
				f["status"] = acctest.StrVal(status)
			}
			return f
		}
	}
	return []listCase{
		{
			typeName: "fieldservice_servicetrade_warehouse", vendor: "servicetrade", name: "name", parent: unusedOffice,
			create: wh("active"), filter: filter(""), others: filter("inactive"),
		},
		{
			typeName: "fieldservice_servicetrade_warehouse", vendor: "servicetrade", name: "name", parent: unusedOffice,
			create: wh("inactive"), filter: filter("inactive"), others: filter(""),
		},
	}
}

// unusedOffice is an office that controls no warehouse yet, active or not.
func unusedOffice(t *testing.T, run *emulator.Running) int64 {
	t.Helper()
	c := stClient(t, run)
	whs, err := c.ListAllWarehouses(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	offices, err := c.ListOffices(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range offices {
		if !slices.ContainsFunc(whs, func(w stapi.Warehouse) bool { return w.Office != nil && w.Office.ID == o.ID }) {
			return o.ID
		}
	}
	t.Fatal("every office has a warehouse")
	return 0
}

// contractCompanies are the companies of a contract case: the account's
// own (the vendor) and two customers. The emulator creates no companies
// and seeds no contracts, so the contracts of a customer are the case's.
type contractCompanies struct{ vendor, customer, other int64 }

// contractListCases: company contracts of a customer (another customer
// has none), default contracts of the vendor found by name (another name
// finds none), and deactivated company contracts found with
// active = false (the default, active ones, finds none).
func contractListCases() []listCase {
	contractCase := func(typ string, active bool, filter, others func(co contractCompanies, tag string) map[string]tftypes.Value) listCase {
		co := &contractCompanies{}
		return listCase{
			typeName: "fieldservice_servicetrade_contract", vendor: "servicetrade", name: "name",
			parent: func(t *testing.T, run *emulator.Running) int64 {
				*co = contractCompanies{vendor: companyID(t, run, emust.VendorCompany),
					customer: companyID(t, run, emust.SeedCustomerCompanies[0]), other: companyID(t, run, emust.SeedCustomerCompanies[1])}
				return co.customer
			},
			create: func(tag string, i int, _ int64) map[string]tftypes.Value {
				cfg := map[string]tftypes.Value{"type": acctest.StrVal(typ), "name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)),
					"vendor_id": acctest.NumVal(co.vendor), "active": acctest.BoolVal(active)}
				if typ == stapi.ContractTypeCompany {
					cfg["customer_id"] = acctest.NumVal(co.customer)
				}
				return cfg
			},
			filter: func(tag string, _ int64) map[string]tftypes.Value { return filter(*co, tag) },
			others: func(tag string, _ int64) map[string]tftypes.Value { return others(*co, tag) },
		}
	}
	num := acctest.NumVal
	return []listCase{
		contractCase(stapi.ContractTypeCompany, true,
			func(co contractCompanies, _ string) map[string]tftypes.Value {
				return map[string]tftypes.Value{"customer_id": num(co.customer)}
			},
			func(co contractCompanies, _ string) map[string]tftypes.Value {
				return map[string]tftypes.Value{"customer_id": num(co.other)}
			}),
		contractCase(stapi.ContractTypeDefault, true,
			func(co contractCompanies, tag string) map[string]tftypes.Value {
				return map[string]tftypes.Value{"vendor_id": num(co.vendor), "name": acctest.StrVal(tag)}
			},
			func(co contractCompanies, tag string) map[string]tftypes.Value {
				return map[string]tftypes.Value{"vendor_id": num(co.vendor), "name": acctest.StrVal(tag + " none")}
			}),
		contractCase(stapi.ContractTypeCompany, false,
			func(co contractCompanies, _ string) map[string]tftypes.Value {
				return map[string]tftypes.Value{"vendor_id": num(co.vendor), "customer_id": num(co.customer), "active": acctest.BoolVal(false)}
			},
			func(co contractCompanies, _ string) map[string]tftypes.Value {
				return map[string]tftypes.Value{"vendor_id": num(co.vendor), "customer_id": num(co.customer)}
			}),
	}
}

// companyID is the id of the company of that exact name.
func companyID(t *testing.T, run *emulator.Running, name string) int64 {
	t.Helper()
	list, err := stClient(t, run).ListCompanies(context.Background(), stapi.CompanyFilter{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Name == name {
			return c.ID
		}
	}
	t.Fatalf("no company named %q", name)
	return 0
}

// TestList_contractNeedsVendorOrCustomer checks that the contract list
// fails at validation without vendor_id and customer_id, naming them (the
// API has no unfiltered contract list), and that an unknown one passes
// validation, as it may turn out set.
func TestList_contractNeedsVendorOrCustomer(t *testing.T) {
	run := acctest.Isolated(t, emulator.Options{})
	p := acctest.NewProtocol(t, "fieldservice_servicetrade_contract", "servicetrade", vendorSettings("servicetrade", run))
	for _, filter := range []map[string]tftypes.Value{{}, {"name": acctest.StrVal("x"), "active": acctest.BoolVal(true)}} {
		listed, diags := p.List(filter, false, 0)
		if len(listed) != 0 || !slices.ContainsFunc(diags, func(d *tfprotov6.Diagnostic) bool {
			return d.Severity == tfprotov6.DiagnosticSeverityError &&
				strings.Contains(d.Summary+d.Detail, "vendor_id") && strings.Contains(d.Summary+d.Detail, "customer_id")
		}) {
			var got []string
			for _, d := range diags {
				got = append(got, d.Summary+": "+d.Detail)
			}
			t.Errorf("filter %v: listed %q with %q, want an error naming vendor_id and customer_id", filter, acctest.ListedNames(listed), got)
		}
	}

	ls := p.Srv.(tfprotov6.ProviderServerWithListResource) //nolint:staticcheck // as acctest.Protocol.List does.
	sch, err := p.Srv.GetProviderSchema(p.Ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ := sch.ListResourceSchemas[p.TypeName].ValueType().(tftypes.Object)
	unknown := acctest.Object(typ, map[string]tftypes.Value{"vendor_id": tftypes.NewValue(tftypes.Number, tftypes.UnknownValue)})
	v, err := ls.ValidateListResourceConfig(p.Ctx, &tfprotov6.ValidateListResourceConfigRequest{TypeName: p.TypeName, Config: acctest.Dynamic(t, typ, unknown)})
	if err != nil {
		t.Fatal(err)
	}
	acctest.NoErrors(t, "ValidateListResourceConfig with an unknown vendor_id", v.Diagnostics)
}
