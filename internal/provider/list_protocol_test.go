package provider_test

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// listCase is one list resource driven through the protocol as Terraform
// 1.14's `terraform query` does.
type listCase struct {
	typeName, vendor string
	// parent, when set, creates what the objects belong to (a contract)
	// through the API and returns its id for create and filter.
	parent func(t *testing.T, run *emulator.Running) int64
	// create is the configuration of the i-th object to create through
	// the resource, its name carrying tag so that the test's objects are
	// told from the emulator's seeds.
	create func(tag string, i int, parent int64) map[string]tftypes.Value
	// name is the display name a listed object should have: the created
	// object's name attribute.
	name string
	// filter selects the created objects: those carrying tag, or those of
	// parent.
	filter func(tag string, parent int64) map[string]tftypes.Value
	// others, when set, is a filter that selects none of them (the filter
	// filters).
	others func(tag string, parent int64) map[string]tftypes.Value
}

// listCases are every list resource's: the two below, and each group's.
var listCases = slices.Concat(listCasesCore, listCasesHooks, listCasesTemplates, listCasesCatalogue, listCasesPeople, listCasesVendors)

var listCasesCore = []listCase{
	{
		typeName: "fieldservice_servicetrade_region", vendor: "servicetrade", name: "name",
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)), "points": trianglePoints()}
		},
		filter: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag)}
		},
		others: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag + " none")}
		},
	},
	{
		typeName: "fieldservice_servicetrade_contract_rule", vendor: "servicetrade", name: "name",
		parent: func(t *testing.T, run *emulator.Running) int64 {
			ct, err := stClient(t, run).CreateContract(context.Background(), stapi.ContractInput{Type: stapi.ContractTypeTemplate, Name: acctest.RandomName("list")})
			if err != nil {
				t.Fatal(err)
			}
			return ct.ID
		},
		create: func(tag string, i int, contract int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{
				"contract_id": acctest.NumVal(contract), "type": acctest.StrVal("markup"),
				"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)), "price": acctest.NumVal(int64(10 + i)),
			}
		},
		filter: func(_ string, contract int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"contract_id": acctest.NumVal(contract)}
		},
	},
}

// trianglePoints is a region's boundary.
func trianglePoints() tftypes.Value {
	pt := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"lat": tftypes.Number, "lon": tftypes.Number}}
	p := func(lat, lon float64) tftypes.Value {
		return tftypes.NewValue(pt, map[string]tftypes.Value{"lat": floatVal(lat), "lon": floatVal(lon)})
	}
	return tftypes.NewValue(tftypes.List{ElementType: pt}, []tftypes.Value{p(35.9, -79.0), p(35.7, -78.6), p(36.1, -78.5)})
}

// TestList_protocol drives every list resource as Terraform 1.14 does,
// against an emulator that pages every two objects: three objects created
// through the resource are listed across pages with what the filter listed
// before, each with its identity;
// with the resource included, each is what an import and a refresh make
// of it, and the configuration generated from it plans no change; a
// filter that matches none lists none; and a limit is honoured.
func TestList_protocol(t *testing.T) {
	for _, c := range listCases {
		t.Run(c.typeName, func(t *testing.T) {
			run := acctest.Isolated(t, emulator.Options{PageSize: 2})
			p := acctest.NewProtocol(t, c.typeName, c.vendor, vendorSettings(c.vendor, run))
			var parent int64
			if c.parent != nil {
				parent = c.parent(t, run)
			}
			tag := acctest.RandomName("list")
			filter := c.filter(tag, parent)
			// What the filter lists before the test creates anything (the
			// account's default terms, a new user's default role) is
			// listed after too.
			before, diags := p.List(filter, false, 0)
			acctest.NoErrors(t, "ListResource before the creates", diags)
			want := acctest.ListedNames(before)
			created := map[string]tftypes.Value{}
			for i := range 3 {
				config := p.Config(c.create(tag, i, parent))
				planned, private := p.Plan(p.Null(), config)
				state, _, _ := p.Apply(p.Null(), planned, config, private)
				var name string
				if err := acctest.Attr(t, state, c.name).As(&name); err != nil {
					t.Fatal(err)
				}
				want = append(want, name)
				created[name] = state
			}
			sort.Strings(want)

			listed, diags := p.List(filter, false, 0)
			acctest.NoErrors(t, "ListResource", diags)
			if got := acctest.ListedNames(listed); !slices.Equal(got, want) {
				t.Fatalf("listed %q, want %q", got, want)
			}
			for _, l := range listed {
				checkListedIdentity(t, l, createdOf(created, l.Name))
				if !l.Resource.IsNull() {
					t.Errorf("%q: a resource object although none was asked for", l.Name)
				}
			}

			full, diags := p.List(filter, true, 0)
			acctest.NoErrors(t, "ListResource with the resource", diags)
			if got := acctest.ListedNames(full); !slices.Equal(got, want) {
				t.Fatalf("listed with the resource %q, want %q", got, want)
			}
			for _, l := range full {
				checkListedIdentity(t, l, createdOf(created, l.Name))
				if l.Resource.IsNull() {
					t.Fatalf("%q: no resource object", l.Name)
				}
				p.CheckAdoptable(l.Resource)
			}

			if limited, diags := p.List(filter, true, 2); len(limited) != 2 || acctestHasError(diags) {
				t.Errorf("with limit 2: %d results (%v), want 2", len(limited), diags)
			}
			if c.others != nil {
				none, diags := p.List(c.others(tag, parent), false, 0)
				acctest.NoErrors(t, "ListResource matching none", diags)
				if len(none) != 0 {
					t.Errorf("a filter matching none listed %q", acctest.ListedNames(none))
				}
			}
		})
	}
}

// checkListedIdentity checks a listed object's identity: no attribute is
// null, and each is the created object's, for an object the test created
// (created is nil for one that was there before).
func checkListedIdentity(t *testing.T, l acctest.Listed, created *tftypes.Value) {
	t.Helper()
	for attr, v := range l.Identity {
		if v.IsNull() {
			t.Errorf("%q: identity attribute %s is null", l.Name, attr)
		}
		if created == nil {
			continue
		}
		if want := acctest.Attr(t, *created, attr); !v.Equal(want) {
			t.Errorf("%q: identity %s = %s, want %s", l.Name, attr, v, want)
		}
	}
	if len(l.Identity) == 0 {
		t.Errorf("%q: empty identity", l.Name)
	}
}

// createdOf is the state of the object the test created with that name,
// nil for one it did not create.
func createdOf(created map[string]tftypes.Value, name string) *tftypes.Value {
	if v, ok := created[name]; ok {
		return &v
	}
	return nil
}

func acctestHasError(diags []*tfprotov6.Diagnostic) bool {
	return slices.ContainsFunc(diags, func(d *tfprotov6.Diagnostic) bool { return d.Severity == tfprotov6.DiagnosticSeverityError })
}

// TestList_everyListableResource checks that every resource has a list
// resource named as it is, except the kinds the API cannot list, each with
// the reason; and that every list resource is driven by TestList_protocol.
func TestList_everyListableResource(t *testing.T) {
	srv, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	sch, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	acctest.NoErrors(t, "GetProviderSchema", sch.Diagnostics)
	tested := map[string]bool{}
	for _, c := range listCases {
		tested[c.typeName] = true
	}
	for name := range listTestedElsewhere {
		tested[name] = true
	}
	for name := range sch.ResourceSchemas {
		_, listed := sch.ListResourceSchemas[name]
		reason, unlistable := notListable[name]
		switch {
		case listed && unlistable:
			t.Errorf("%s has a list resource, yet is documented as not listable: %s", name, reason)
		case !listed && !unlistable:
			t.Errorf("%s has no list resource", name)
		case listed && !tested[name]:
			t.Errorf("%s's list resource is not in listCases", name)
		}
	}
	for name := range sch.ListResourceSchemas {
		if sch.ResourceSchemas[name] == nil {
			t.Errorf("list resource %s lists no resource", name)
		}
	}
}

// listTestedElsewhere are the list resources that a test of their own
// drives with the same checks as TestList_protocol, and why.
var listTestedElsewhere = map[string]string{
	"fieldservice_servicetrade_user_role": "TestList_userRole: a role assignment is shown by the role's name, which is no attribute of the assignment, and every user already holds a default role",
}

// notListable are the resources whose objects the vendor's API cannot
// list, and why.
var notListable = map[string]string{}

func floatVal(f float64) tftypes.Value { return tftypes.NewValue(tftypes.Number, big.NewFloat(f)) }
