// Package lostcreate is what every resource's Create does when its create
// request failed with an unknown outcome (transport.OutcomeUnknown): the
// request reached the vendor, which may have created the object, but the
// answer was lost. The transport never sends such a request again, since
// that could create a duplicate; and the object must not be left where the
// user cannot see it. So the resource looks for it:
//
//   - where the API keeps an attribute unique (a ServiceTrade external
//     system's name, a Kickserv employee's username), the one object with
//     the planned value is adopted, with a warning, when it matches the
//     configuration;
//   - everywhere else (and when the unique match differs from the
//     configuration), the create fails with an error that says the object
//     may exist, lists the existing objects that match the configuration by
//     id, and says how to import one or what to delete before applying
//     again.
//
// Resources keep only the lookup itself; the decisions and every message
// are here, the same for all vendors.
package lostcreate

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// Lookup says how to find the object a create may have made.
type Lookup[T any] struct {
	// Vendor names the service, as users know it: "ServiceTrade".
	Vendor string
	// Kind is the object's name in messages, singular: "region". The plural
	// adds an "s".
	Kind string
	// ResourceType is the Terraform type, for the import command:
	// "fieldservice_servicetrade_region".
	ResourceType string
	// Match says what the candidates share with the configuration, to
	// complete "a <kind> <Match>": `named "North"`, `for hook URL "…"`.
	Match string
	// Unique is true when Match is by an attribute the API keeps unique:
	// one match equal to the configuration is adopted.
	Unique bool
	// Find returns the existing objects that match the configuration.
	Find func(context.Context) ([]T, error)
	// ImportID is a candidate's import id (for nested objects, the
	// composite form such as "<contract_id>/<rule_id>").
	ImportID func(T) string
	// Remove is what else the user may do with a candidate before applying
	// again, for APIs that cannot delete: "make it inactive in Kickserv".
	// Empty means "delete it in <Vendor>".
	Remove string
	// Differs, for Unique lookups, names the configured attributes whose
	// value the found object does not have (see PlanDiffs); none means it
	// is the object the configuration describes.
	Differs func(T) []string
}

// Recover handles the error of a create call. When err does not leave the
// outcome unknown, it adds the usual error (summary, err) and returns false.
// Otherwise it looks the object up: it returns the adopted object and true
// when the lookup is by a unique attribute and finds exactly one object,
// equal to the configuration (a warning says so); in every other case it
// adds an error that names the candidates and returns false.
//
// summary is the resource's usual summary for a failed create, such as
// `Creating ServiceTrade region "North" failed`.
func Recover[T any](ctx context.Context, diags *diag.Diagnostics, summary string, err error, l Lookup[T]) (T, bool) {
	var zero T
	if !transport.OutcomeUnknown(err) {
		diags.AddError(summary, err.Error())
		return zero, false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s may have acted on the request, but its answer did not come back, so the %s may have been created anyway. "+
		"Terraform does not send the request again, since that could create a duplicate.", err, l.Vendor, l.Kind)
	if ctx.Err() != nil {
		fmt.Fprintf(&b, "\n\nTerraform was interrupted before it could look for the %s. %s", l.Kind, l.checkBy())
		diags.AddError(summary, b.String())
		return zero, false
	}
	found, lookupErr := l.Find(ctx)
	if lookupErr != nil {
		fmt.Fprintf(&b, "\n\nLooking for it failed as well: %s\n\n%s", lookupErr, l.checkBy())
		diags.AddError(summary, b.String())
		return zero, false
	}
	if len(found) == 0 {
		fmt.Fprintf(&b, "\n\nNo %s %s exists, so it was most likely not created: apply again.", l.Kind, l.Match)
		diags.AddError(summary, b.String())
		return zero, false
	}
	if l.Unique && len(found) == 1 {
		var differs []string
		if l.Differs != nil {
			differs = l.Differs(found[0])
		}
		id := l.ImportID(found[0])
		if len(differs) == 0 {
			diags.AddWarning(fmt.Sprintf("%s %s %s adopted after a lost response", l.Vendor, l.Kind, l.Match),
				fmt.Sprintf("%s may have acted on the create request, but its answer did not come back (%s). %s keeps this attribute unique, and the %s %s (id %s) "+
					"matches the configuration, so Terraform recorded it in the state instead of creating it again.",
					l.Vendor, err, l.Vendor, l.Kind, l.Match, id))
			return found[0], true
		}
		fmt.Fprintf(&b, "\n\n%s keeps this attribute unique, and the %s %s (id %s) exists, but it differs from the configuration in %s, "+
			"so Terraform did not adopt it. %s", l.Vendor, l.Kind, l.Match, id, strings.Join(differs, ", "), l.importOrDelete("it", id))
		diags.AddError(summary, b.String())
		return zero, false
	}
	ids := make([]string, len(found))
	for i, f := range found {
		ids[i] = l.ImportID(f)
	}
	if len(ids) == 1 {
		fmt.Fprintf(&b, "\n\nThis existing %s %s matches the configuration (%s): id %s.", l.Vendor, l.Kind, l.Match, ids[0])
	} else {
		fmt.Fprintf(&b, "\n\nThese existing %s %ss match the configuration (%s): ids %s.", l.Vendor, l.Kind, l.Match, strings.Join(ids, ", "))
	}
	what := "it"
	if len(ids) > 1 {
		what = "the right one"
	}
	fmt.Fprintf(&b, " %s", l.importOrDelete(what, ids[0]))
	diags.AddError(summary, b.String())
	return zero, false
}

// importOrDelete is the way out, with the import command for id; what is
// "it" when there is one candidate, "the right one" when there are more.
func (l Lookup[T]) importOrDelete(what, id string) string {
	return fmt.Sprintf("Import %s with\n\n  terraform import %s.<name> %s\n\n(or an import block with that id), or %s, then apply again.",
		what, l.ResourceType, id, l.remove())
}

func (l Lookup[T]) remove() string {
	if l.Remove != "" {
		return l.Remove
	}
	return "delete it in " + l.Vendor
}

// checkBy asks the user to look, when Terraform could not.
func (l Lookup[T]) checkBy() string {
	return fmt.Sprintf("Check in %s whether a %s %s exists. If one does, import it with\n\n  terraform import %s.<name> <id>\n\n"+
		"(or an import block), or %s, then apply again; if none does, apply again.", l.Vendor, l.Kind, l.Match, l.ResourceType, l.remove())
}

// PlanDiffs names the top-level attributes whose planned value is known and
// differs from the value in adopted, a model of the resource (the planned
// model with what the API returned applied). Unknown planned values (ids,
// computed attributes) never count. Numbers are compared as float64, as
// the API returns them. When the comparison itself fails, the result names
// no attribute but is not empty either, so that nothing is adopted.
func PlanDiffs(ctx context.Context, plan tfsdk.Plan, adopted any) ([]string, diag.Diagnostics) {
	failed := []string{"(the comparison failed)"}
	st := tfsdk.State{Schema: plan.Schema, Raw: plan.Raw.Copy()}
	diags := st.Set(ctx, adopted)
	if diags.HasError() {
		return failed, diags
	}
	var planned, got map[string]tftypes.Value
	if err := plan.Raw.As(&planned); err != nil {
		diags.AddError("Comparing the found object with the plan failed", err.Error())
		return failed, diags
	}
	if err := st.Raw.As(&got); err != nil {
		diags.AddError("Comparing the found object with the plan failed", err.Error())
		return failed, diags
	}
	var names []string
	for name, p := range planned {
		if !p.IsFullyKnown() {
			continue
		}
		if !sameValue(p, got[name]) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, diags
}

// sameValue is tftypes equality, except that numbers are compared as the
// float64 the API deals in.
func sameValue(a, b tftypes.Value) bool {
	diffs, err := a.Diff(b)
	if err != nil {
		return false
	}
	for _, d := range diffs {
		if d.Value1 == nil || d.Value2 == nil || !d.Value1.Type().Is(tftypes.Number) || !d.Value1.IsKnown() || !d.Value2.IsKnown() ||
			d.Value1.IsNull() || d.Value2.IsNull() {
			return false
		}
		var x, y big.Float
		if d.Value1.As(&x) != nil || d.Value2.As(&y) != nil {
			return false
		}
		xf, _ := x.Float64()
		yf, _ := y.Float64()
		if xf != yf {
			return false
		}
	}
	return true
}

// Keep is a Find's filter: the listed objects that match, or the listing's
// error. APIs filter loosely (substrings, case-insensitive): Find lists
// with the API's filter, then keeps the exact matches.
func Keep[T any](list []T, err error, match func(T) bool) ([]T, error) {
	if err != nil {
		return nil, err
	}
	var kept []T
	for _, x := range list {
		if match(x) {
			kept = append(kept, x)
		}
	}
	return kept, nil
}
