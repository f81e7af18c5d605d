// Package lostcreate is how every resource's Create sends its create
// request (Create), so that a create never fails where it could recover,
// and never makes a duplicate.
//
// Before the request, when the object has a natural key (a webhook's URL,
// an external system's name, a username: see Key), Create checks that no
// object with that key exists, and otherwise fails with the way to import
// it: a second object with the same key is almost always a mistake made
// behind the user's back, typically the second `terraform apply` after a
// create whose answer was lost.
//
// After the request, when its outcome is unknown (transport.OutcomeUnknown:
// the answer was lost or came from a gateway; or the server answered 500,
// which does not say whether it acted either), the object may exist
// although the create failed. The transport never repeats such a request,
// since that could create a duplicate. So Create looks for the object:
//
//   - when none exists (the lookup is exact and complete, every page), the
//     create provably did not happen: Create sends it again, with backoff,
//     within the provider's retry budget (retry_max_attempts and
//     retry_max_elapsed);
//   - where the API keeps an attribute unique (a ServiceTrade external
//     system's name, a Kickserv employee's username), the one object with
//     the planned value is adopted, with a warning, when it matches the
//     configuration;
//   - everywhere else (and when the unique match differs from the
//     configuration, or the lookup fails, or the user interrupts), the
//     create fails with an error that says the object may exist, lists the
//     existing objects that match the configuration by id, and says how to
//     import one or what to delete before applying again.
//
// Resources keep only the request and the lookup; the decisions and every
// message are here, the same for all vendors.
package lostcreate

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

// Lookup says how to find the object a create may have made.
type Lookup[T any] struct {
	// Vendor names the service as users know it: "ServiceTrade".
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
	// Find returns the existing objects that match the configuration. It
	// must list them all (every page) and keep the exact matches: when it
	// finds none, the create is sent again.
	Find func(context.Context) ([]T, error)
	// ImportID is a candidate's import id (for nested objects, the
	// composite form such as "<contract_id>/<rule_id>"). For objects with
	// a Key it is also their id in the key's index.
	ImportID func(T) string
	// Remove is what else the user may do with a candidate before applying
	// again, for APIs that cannot delete: "make it inactive in Kickserv".
	// Empty means "delete it in <Vendor>".
	Remove string
	// Differs, for Unique lookups, names the configured attributes whose
	// value the found object does not have (see PlanDiffs); none means it
	// is the object the configuration describes.
	Differs func(T) []string
	// Key, when set, is the object's natural key, checked before the
	// create is sent.
	Key *Key
}

// Create sends a create with send and returns the object it made (or
// adopted), or false with the error in diags. summary is the resource's
// usual summary for a failed create, such as `Creating ServiceTrade region
// "North" failed`. retry is the provider's retry policy: it bounds how
// often, and for how long, a create that provably did not happen is sent
// again (zero fields take the transport's defaults).
func Create[T any](ctx context.Context, diags *diag.Diagnostics, summary string, retry transport.RetryPolicy, send func(context.Context) (*T, error), l Lookup[T]) (*T, bool) {
	claim, ok := l.checkKey(ctx, diags, summary)
	if !ok {
		return nil, false
	}
	defer claim.Release()
	b := newBudget(retry)
	var first error // the first attempt's unknown outcome, for messages
	for attempt := 1; ; attempt++ {
		obj, err := send(ctx)
		if err == nil {
			if attempt > 1 {
				tflog.Info(ctx, "create succeeded after resending a create that provably did not happen", map[string]any{
					"vendor": l.Vendor, "kind": l.Kind, "attempts": attempt,
				})
			}
			claim.Done(l.ImportID(*obj))
			if k := l.Key; k != nil && k.Unchecked {
				k.Index.Put(l.ImportID(*obj), k.Value)
			}
			return obj, true
		}
		why, unknown := l.unknownOutcome(err)
		if !unknown {
			detail := err.Error()
			if first != nil {
				detail += fmt.Sprintf("\n\nThis was attempt %d of the create. The earlier ones got no answer that said whether %s acted on them (the first: %s), "+
					"and after each, no %s %s existed, so the request was sent again.", attempt, l.Vendor, first, l.Kind, l.Match)
			}
			diags.AddError(summary, detail)
			return nil, false
		}
		if first == nil {
			first = err
		}
		found, looked := l.look(ctx, diags, summary, err, why)
		if !looked {
			return nil, false
		}
		if len(found) > 0 {
			return l.settle(diags, summary, err, found, claim)
		}
		// Nothing was created: send the create again, if the budget allows.
		wait, more := b.next(attempt)
		if !more {
			diags.AddError(summary, fmt.Sprintf("%s\n\n%s may have acted on the request, but %s. No %s %s exists, so it was not created. "+
				"Terraform sent the request %d time(s) over %s, looking for the %s after each, and the provider's retry budget "+
				"(retry_max_attempts = %d, retry_max_elapsed = %s) is spent: apply again later.",
				err, l.Vendor, why, l.Kind, l.Match, attempt, b.elapsed().Round(1e6), l.Kind, b.p.MaxAttempts, b.p.MaxElapsed))
			return nil, false
		}
		tflog.Warn(ctx, "sending a create again: its outcome was unknown and the object does not exist", map[string]any{
			"vendor": l.Vendor, "kind": l.Kind, "match": l.Match, "attempt": attempt, "wait": wait.String(),
		})
		if sleep(ctx, wait) != nil {
			diags.AddError(summary, fmt.Sprintf("%s\n\n%s may have acted on the request, but %s. No %s %s exists, so it was not created; "+
				"Terraform was interrupted before sending the request again: apply again.", err, l.Vendor, why, l.Kind, l.Match))
			return nil, false
		}
	}
}

// unknownOutcome reports whether err leaves it unknown whether the create
// happened, and says why, to complete "<vendor> may have acted on the
// request, but …". transport.OutcomeUnknown covers lost answers and
// gateway answers (502, 503, 504). A 500 is the server's own answer, so
// the transport counts its outcome as known; but for a create it says only
// that the server failed somewhere, maybe after it stored the object, so
// it is treated here like a lost answer: looked up, and sent again only
// when nothing was created.
func (l Lookup[T]) unknownOutcome(err error) (string, bool) {
	status := transport.StatusOf(err)
	switch {
	case status == http.StatusInternalServerError:
		return "it answered with a server error (500), which does not say whether it did", true
	case transport.OutcomeUnknown(err) && transport.StatusOutcomeUnknown(status):
		return fmt.Sprintf("the answer came from a gateway (%d %s), which does not say whether it did", status, http.StatusText(status)), true
	case transport.OutcomeUnknown(err):
		return "its answer did not come back", true
	}
	return "", false
}

// look searches for the object after an unknown outcome. It returns the
// candidates, none meaning that nothing was created; or false, with the
// error in diags, when the search could not be made, which proves nothing.
func (l Lookup[T]) look(ctx context.Context, diags *diag.Diagnostics, summary string, err error, why string) ([]T, bool) {
	if ctx.Err() != nil {
		diags.AddError(summary, fmt.Sprintf("%s\n\nTerraform was interrupted before it could look for the %s. %s", l.mayExist(err, why), l.Kind, l.checkBy()))
		return nil, false
	}
	found, lookupErr := l.Find(ctx)
	if lookupErr != nil {
		diags.AddError(summary, fmt.Sprintf("%s\n\nLooking for it failed as well: %s\n\n%s", l.mayExist(err, why), lookupErr, l.checkBy()))
		return nil, false
	}
	return found, true
}

// mayExist is the start of the error of a create that may have happened.
func (l Lookup[T]) mayExist(err error, why string) string {
	return fmt.Sprintf("%s\n\n%s may have acted on the request, but %s, so the %s may have been created anyway. "+
		"Terraform sends such a request again only once it has seen that no %s %s exists, since otherwise that could create a duplicate.",
		err, l.Vendor, why, l.Kind, l.Kind, l.Match)
}

// settle decides what to do with the objects found after an unknown
// outcome: adopt the one unique match equal to the configuration (with a
// warning), or fail with an error naming them. found is not empty; the
// found objects are recorded under the key (they exist, whatever happens).
func (l Lookup[T]) settle(diags *diag.Diagnostics, summary string, err error, found []T, claim *naturalkey.Claim) (*T, bool) {
	why, _ := l.unknownOutcome(err)
	ids := make([]string, len(found))
	for i, f := range found {
		ids[i] = l.ImportID(f)
	}
	claim.Done(ids...)
	var b strings.Builder
	b.WriteString(l.mayExist(err, why))
	if l.Unique && len(found) == 1 {
		var differs []string
		if l.Differs != nil {
			differs = l.Differs(found[0])
		}
		if len(differs) == 0 {
			diags.AddWarning(fmt.Sprintf("%s %s %s adopted after a lost response", l.Vendor, l.Kind, l.Match),
				fmt.Sprintf("%s may have acted on the create request, but %s (%s). %s keeps this attribute unique, and the %s %s (id %s) "+
					"matches the configuration, so Terraform recorded it in the state instead of creating it again.",
					l.Vendor, why, err, l.Vendor, l.Kind, l.Match, ids[0]))
			adopted := found[0]
			return &adopted, true
		}
		fmt.Fprintf(&b, "\n\n%s keeps this attribute unique, and the %s %s (id %s) exists, but it differs from the configuration in %s, "+
			"so Terraform did not adopt it. %s", l.Vendor, l.Kind, l.Match, ids[0], strings.Join(differs, ", "), l.importOrDelete("it", ids[0]))
		diags.AddError(summary, b.String())
		return nil, false
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
	return nil, false
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
