package lostcreate_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

type thing struct {
	id    int
	name  string
	label string
}

// errLost is what a vendor client returns when the answer to its POST was
// lost: the transport's error, wrapped.
var errLost = fmt.Errorf("Vendor API POST /thing: %w",
	&transport.AttemptError{Method: http.MethodPost, URL: "https://api.example.com/thing", Attempts: 1, Err: io.ErrUnexpectedEOF, MayHaveActed: true})

func lookup(found []thing, err error, unique bool) lostcreate.Lookup[thing] {
	return lostcreate.Lookup[thing]{
		Vendor: "Vendor", Kind: "thing", ResourceType: "fieldservice_vendor_thing", Match: `named "x"`, Unique: unique,
		Find:     func(context.Context) ([]thing, error) { return found, err },
		ImportID: func(t thing) string { return fmt.Sprintf("%d", t.id) },
		Differs: func(t thing) []string {
			if t.label != "planned" {
				return []string{"label"}
			}
			return nil
		},
	}
}

// detail returns the only diagnostic of the given severity.
func only(t *testing.T, diags diag.Diagnostics, sev diag.Severity) diag.Diagnostic {
	t.Helper()
	var got []diag.Diagnostic
	for _, d := range diags {
		if d.Severity() == sev {
			got = append(got, d)
		}
	}
	if len(got) != 1 || len(diags) != 1 {
		t.Fatalf("diagnostics = %v; want exactly one of severity %v", diags, sev)
	}
	return got[0]
}

func mustMatch(t *testing.T, text string, patterns ...string) {
	t.Helper()
	for _, p := range patterns {
		if !regexp.MustCompile(p).MatchString(text) {
			t.Errorf("%q\ndoes not match %s", text, p)
		}
	}
}

const summary = `Creating Vendor thing "x" failed`

func TestAnErrorOfKnownOutcomeIsReportedAsIs(t *testing.T) {
	apiErr := errors.New("Vendor API POST /thing returned 422 Unprocessable Entity: name is taken")
	called := false
	l := lookup(nil, nil, true)
	l.Find = func(context.Context) ([]thing, error) { called = true; return nil, nil }
	var diags diag.Diagnostics
	if _, ok := lostcreate.Recover(context.Background(), &diags, summary, apiErr, l); ok {
		t.Fatal("adopted after a refused create")
	}
	d := only(t, diags, diag.SeverityError)
	if d.Summary() != summary || d.Detail() != apiErr.Error() {
		t.Errorf("got %q / %q; want the usual error unchanged", d.Summary(), d.Detail())
	}
	if called {
		t.Error("looked for the object although the create was refused")
	}
}

func TestCandidatesAreNamedWithTheImportCommand(t *testing.T) {
	var diags diag.Diagnostics
	_, ok := lostcreate.Recover(context.Background(), &diags, summary, errLost, lookup([]thing{{id: 11, name: "x"}, {id: 12, name: "x"}}, nil, false))
	if ok {
		t.Fatal("adopted although the lookup is not by a unique attribute")
	}
	d := only(t, diags, diag.SeverityError)
	if d.Summary() != summary {
		t.Errorf("summary %q, want %q", d.Summary(), summary)
	}
	mustMatch(t, d.Detail(),
		`^Vendor API POST /thing: POST https://api.example.com/thing failed after 1 attempt\(s\): unexpected EOF`,
		`Vendor may have acted on the request, but its answer did not come back, so the thing may have been created anyway\. Terraform does not send the request again`,
		`These existing Vendor things match the configuration \(named "x"\): ids 11, 12\.`,
		`Import the right one with\s+terraform import fieldservice_vendor_thing\.<name> 11\s+\(or an import block with that id\), or delete it in Vendor, then apply again\.`)
}

func TestOneCandidate(t *testing.T) {
	var diags diag.Diagnostics
	lostcreate.Recover(context.Background(), &diags, summary, errLost, lookup([]thing{{id: 11}}, nil, false))
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`This existing Vendor thing matches the configuration \(named "x"\): id 11\.`,
		`Import it with\s+terraform import fieldservice_vendor_thing\.<name> 11`)
}

func TestNoCandidateMeansApplyAgain(t *testing.T) {
	var diags diag.Diagnostics
	lostcreate.Recover(context.Background(), &diags, summary, errLost, lookup(nil, nil, true))
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(), `No thing named "x" exists, so it was most likely not created: apply again\.`)
}

func TestAFailedLookupAsksTheUserToLook(t *testing.T) {
	var diags diag.Diagnostics
	lostcreate.Recover(context.Background(), &diags, summary, errLost, lookup(nil, errors.New("GET /thing: 500"), true))
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`Looking for it failed as well: GET /thing: 500`,
		`Check in Vendor whether a thing named "x" exists\. If one does, import it with\s+terraform import fieldservice_vendor_thing\.<name> <id>`)
}

func TestAnInterruptedCreateIsNotLookedUp(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	called := false
	l := lookup(nil, nil, false)
	l.Find = func(context.Context) ([]thing, error) { called = true; return nil, nil }
	var diags diag.Diagnostics
	lostcreate.Recover(ctx, &diags, summary, errLost, l)
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(), `Terraform was interrupted before it could look for the thing\. Check in Vendor whether a thing named "x" exists`)
	if called {
		t.Error("looked up after the user interrupted")
	}
}

func TestTheUniqueMatchIsAdoptedWithAWarning(t *testing.T) {
	var diags diag.Diagnostics
	got, ok := lostcreate.Recover(context.Background(), &diags, summary, errLost, lookup([]thing{{id: 7, name: "x", label: "planned"}}, nil, true))
	if !ok || got.id != 7 {
		t.Fatalf("got %+v, %v; want thing 7 adopted", got, ok)
	}
	d := only(t, diags, diag.SeverityWarning)
	mustMatch(t, d.Summary(), `^Vendor thing named "x" adopted after a lost response$`)
	mustMatch(t, d.Detail(), `^Vendor may have acted on the create request, but its answer did not come back \(.*unexpected EOF\)`, `the thing named "x" \(id 7\) matches the configuration`)
}

func TestAUniqueMatchThatDiffersIsNotAdopted(t *testing.T) {
	var diags diag.Diagnostics
	_, ok := lostcreate.Recover(context.Background(), &diags, summary, errLost, lookup([]thing{{id: 7, name: "x", label: "other"}}, nil, true))
	if ok {
		t.Fatal("adopted an object that differs from the configuration")
	}
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`the thing named "x" \(id 7\) exists, but it differs from the configuration in label, so Terraform did not adopt it`,
		`terraform import fieldservice_vendor_thing\.<name> 7`)
}

func TestSeveralUniqueMatchesAreNotAdopted(t *testing.T) {
	var diags diag.Diagnostics
	_, ok := lostcreate.Recover(context.Background(), &diags, summary, errLost, lookup([]thing{{id: 7, label: "planned"}, {id: 8, label: "planned"}}, nil, true))
	if ok {
		t.Fatal("adopted one of two matches")
	}
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(), `ids 7, 8`)
}

func TestGatewayAnswersCount(t *testing.T) {
	var diags diag.Diagnostics
	called := false
	l := lookup(nil, nil, false)
	l.Find = func(context.Context) ([]thing, error) { called = true; return nil, nil }
	lostcreate.Recover(context.Background(), &diags, summary, fmt.Errorf("creating: %w", gatewayErr{}), l)
	if !called {
		t.Error("a 504 answer to a create must be looked up")
	}
}

type gatewayErr struct{}

func (gatewayErr) Error() string        { return "Vendor API POST /thing returned 504 Gateway Timeout" }
func (gatewayErr) OutcomeUnknown() bool { return true }

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
