package lostcreate_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/lostcreate"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/naturalkey"
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

// statusErr is a vendor error type that carries the answer's status.
type statusErr struct{ status int }

func (e statusErr) Error() string {
	return fmt.Sprintf("Vendor API POST /thing returned %d %s", e.status, http.StatusText(e.status))
}
func (e statusErr) OutcomeUnknown() bool { return transport.StatusOutcomeUnknown(e.status) }
func (e statusErr) Status() int          { return e.status }

// opaqueErr is a vendor error type that does not say its answer's status.
type opaqueErr struct{ status int }

func (e opaqueErr) Error() string { return statusErr(e).Error() }

const vendor = "Vendor"

// fixture is a create and its lookup, with counters.
type fixture struct {
	// answers are the create's results in turn; the last one repeats.
	answers []error
	sends   int
	found   []thing
	findErr error
	finds   int
	// onFind runs at every lookup (to cancel a context, say).
	onFind func()
}

func (f *fixture) send(context.Context) (*thing, error) {
	f.sends++
	err := f.answers[min(f.sends, len(f.answers))-1]
	if err != nil {
		return nil, err
	}
	return &thing{id: 99, name: "x", label: "planned"}, nil
}

func (f *fixture) lookup(unique bool) lostcreate.Lookup[thing] {
	return lostcreate.Lookup[thing]{
		Vendor: vendor, Kind: "thing", ResourceType: "fieldservice_vendor_thing", Match: `named "x"`, Unique: unique,
		Find: func(context.Context) ([]thing, error) {
			f.finds++
			if f.onFind != nil {
				f.onFind()
			}
			return f.found, f.findErr
		},
		ImportID: func(t thing) string { return fmt.Sprintf("%d", t.id) },
		Differs: func(t thing) []string {
			if t.label != "planned" {
				return []string{"label"}
			}
			return nil
		},
	}
}

// fast is a retry policy of 3 attempts.
var fast = transport.RetryPolicy{MaxAttempts: 3, MinDelay: 100 * time.Millisecond, MaxDelay: time.Second, MaxElapsed: time.Minute}

func create(t *testing.T, ctx context.Context, f *fixture, l lostcreate.Lookup[thing]) (*thing, bool, diag.Diagnostics, []time.Duration) {
	t.Helper()
	waits, restore := lostcreate.FakeClock()
	defer restore()
	var diags diag.Diagnostics
	got, ok := lostcreate.Create(ctx, &diags, summary, fast, f.send, l)
	return got, ok, diags, *waits
}

// only returns the only diagnostic, which must have the given severity.
func only(t *testing.T, diags diag.Diagnostics, sev diag.Severity) diag.Diagnostic {
	t.Helper()
	if len(diags) != 1 || diags[0].Severity() != sev {
		t.Fatalf("diagnostics = %v; want exactly one of severity %v", diags, sev)
	}
	return diags[0]
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

func TestASuccessfulCreateIsReturned(t *testing.T) {
	f := &fixture{answers: []error{nil}}
	got, ok, diags, _ := create(t, context.Background(), f, f.lookup(false))
	if !ok || got.id != 99 || len(diags) != 0 || f.sends != 1 || f.finds != 0 {
		t.Errorf("got %+v %v %v after %d sends and %d lookups; want the object, sent once, not looked up", got, ok, diags, f.sends, f.finds)
	}
}

func TestAnErrorOfKnownOutcomeIsReportedAsIs(t *testing.T) {
	apiErr := errors.New("Vendor API POST /thing returned 422 Unprocessable Entity: name is taken")
	f := &fixture{answers: []error{apiErr}}
	_, ok, diags, _ := create(t, context.Background(), f, f.lookup(true))
	if ok {
		t.Fatal("adopted after a refused create")
	}
	d := only(t, diags, diag.SeverityError)
	if d.Summary() != summary || d.Detail() != apiErr.Error() {
		t.Errorf("got %q / %q; want the usual error unchanged", d.Summary(), d.Detail())
	}
	if f.finds != 0 || f.sends != 1 {
		t.Errorf("%d lookups and %d sends; want none and one: the create was refused", f.finds, f.sends)
	}
}

// The heart of it: a create whose answer was lost, and whose object does
// not exist, is sent again and succeeds.
func TestACreateThatProvablyDidNotHappenIsSentAgain(t *testing.T) {
	for name, lost := range map[string]error{
		"dropped connection": errLost,
		"gateway timeout":    fmt.Errorf("creating: %w", statusErr{http.StatusGatewayTimeout}),
		"server error":       fmt.Errorf("creating: %w", statusErr{http.StatusInternalServerError}),
	} {
		t.Run(name, func(t *testing.T) {
			f := &fixture{answers: []error{lost, nil}}
			got, ok, diags, waits := create(t, context.Background(), f, f.lookup(false))
			if !ok || got == nil || got.id != 99 || len(diags) != 0 {
				t.Fatalf("got %+v %v %v; want the object made by the second send", got, ok, diags)
			}
			if f.sends != 2 || f.finds != 1 {
				t.Errorf("%d sends and %d lookups; want 2 and 1", f.sends, f.finds)
			}
			if len(waits) != 1 || waits[0] < fast.MinDelay/2 || waits[0] > fast.MinDelay {
				t.Errorf("waits %v; want one backoff between %v and %v", waits, fast.MinDelay/2, fast.MinDelay)
			}
		})
	}
}

// A 500 is looked up only when the vendor says how to read its status:
// otherwise it is an answer like any other.
func TestA500NeedsTheVendorsStatus(t *testing.T) {
	f := &fixture{answers: []error{opaqueErr{http.StatusInternalServerError}}}
	l := f.lookup(false)
	if _, ok, diags, _ := create(t, context.Background(), f, l); ok || f.finds != 0 || f.sends != 1 {
		t.Errorf("ok %v after %d lookups and %d sends (%v); want the error as is", ok, f.finds, f.sends, diags)
	}
}

func TestTheRetryBudgetBoundsTheResends(t *testing.T) {
	f := &fixture{answers: []error{errLost}}
	_, ok, diags, waits := create(t, context.Background(), f, f.lookup(true))
	if ok {
		t.Fatal("succeeded although every send was lost")
	}
	if f.sends != fast.MaxAttempts || f.finds != fast.MaxAttempts {
		t.Errorf("%d sends and %d lookups; want %d of each (retry_max_attempts)", f.sends, f.finds, fast.MaxAttempts)
	}
	if len(waits) != 2 || waits[1] < fast.MinDelay || waits[1] > 2*fast.MinDelay {
		t.Errorf("waits %v; want 2, the second in [%v, %v] (doubling)", waits, fast.MinDelay, 2*fast.MinDelay)
	}
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`^Vendor API POST /thing: POST https://api.example.com/thing failed after 1 attempt\(s\): unexpected EOF`,
		`Vendor may have acted on the request, but its answer did not come back\. No thing named "x" exists, so it was not created\.`,
		`Terraform sent the request 3 time\(s\) over \S+, looking for the thing after each, and the provider's retry budget \(retry_max_attempts = 3, retry_max_elapsed = 1m0s\) is spent: apply again later\.`)
}

func TestRetryMaxElapsedBoundsTheResends(t *testing.T) {
	f := &fixture{answers: []error{errLost}}
	waits, restore := lostcreate.FakeClock()
	defer restore()
	var diags diag.Diagnostics
	p := transport.RetryPolicy{MaxAttempts: 1000, MinDelay: time.Second, MaxDelay: time.Second, MaxElapsed: 3 * time.Second}
	if _, ok := lostcreate.Create(context.Background(), &diags, summary, p, f.send, f.lookup(false)); ok {
		t.Fatal("succeeded although every send was lost")
	}
	var total time.Duration
	for _, w := range *waits {
		total += w
	}
	if total > p.MaxElapsed || f.sends < 4 || f.sends > 7 {
		t.Errorf("%d sends with %v of waits; want 4 to 7 sends (waits of 0.5 to 1 s) within retry_max_elapsed (3 s)", f.sends, total)
	}
}

func TestZeroRetrySettingsTakeTheDefaults(t *testing.T) {
	f := &fixture{answers: []error{errLost}}
	waits, restore := lostcreate.FakeClock()
	defer restore()
	var diags diag.Diagnostics
	lostcreate.Create(context.Background(), &diags, summary, transport.RetryPolicy{}, f.send, f.lookup(false))
	if f.sends != transport.DefaultMaxAttempts || (*waits)[0] < transport.DefaultMinDelay/2 || (*waits)[0] > transport.DefaultMinDelay {
		t.Errorf("%d sends, waits %v; want %d sends, the first wait around %v", f.sends, *waits, transport.DefaultMaxAttempts, transport.DefaultMinDelay)
	}
}

func TestAKnownFailureAfterAResendSaysSo(t *testing.T) {
	f := &fixture{answers: []error{errLost, statusErr{http.StatusBadRequest}}}
	_, ok, diags, _ := create(t, context.Background(), f, f.lookup(false))
	if ok || f.sends != 2 {
		t.Fatalf("ok %v after %d sends; want the second send's refusal", ok, f.sends)
	}
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`^Vendor API POST /thing returned 400 Bad Request\n\nThis was attempt 2 of the create\. The earlier ones got no answer that said whether Vendor acted on them \(the first: .*unexpected EOF\), and after each, no thing named "x" existed, so the request was sent again\.$`)
}

func TestInterruptedWhileWaitingToResend(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f := &fixture{answers: []error{errLost}, onFind: cancel}
	_, ok, diags, _ := create(t, ctx, f, f.lookup(false))
	if ok || f.sends != 1 {
		t.Fatalf("ok %v after %d sends; want no resend once interrupted", ok, f.sends)
	}
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`^Vendor API POST /thing: POST https://api.example.com/thing failed after 1 attempt\(s\): unexpected EOF\n\n`,
		`No thing named "x" exists, so it was not created; Terraform was interrupted before sending the request again: apply again\.`)
}

func TestCandidatesAreNamedWithTheImportCommand(t *testing.T) {
	f := &fixture{answers: []error{errLost}, found: []thing{{id: 11, name: "x"}, {id: 12, name: "x"}}}
	_, ok, diags, _ := create(t, context.Background(), f, f.lookup(false))
	if ok {
		t.Fatal("adopted although the lookup is not by a unique attribute")
	}
	if f.sends != 1 {
		t.Errorf("sent %d times; a create whose object may exist is never sent again", f.sends)
	}
	d := only(t, diags, diag.SeverityError)
	if d.Summary() != summary {
		t.Errorf("summary %q, want %q", d.Summary(), summary)
	}
	mustMatch(t, d.Detail(),
		`^Vendor API POST /thing: POST https://api.example.com/thing failed after 1 attempt\(s\): unexpected EOF`,
		`Vendor may have acted on the request, but its answer did not come back, so the thing may have been created anyway\. Terraform sends such a request again only once it has seen that no thing named "x" exists`,
		`These existing Vendor things match the configuration \(named "x"\): ids 11, 12\.`,
		`Import the right one with\s+terraform import fieldservice_vendor_thing\.<name> 11\s+\(or an import block with that id\), or delete it in Vendor, then apply again\.`)
}

func TestOneCandidate(t *testing.T) {
	f := &fixture{answers: []error{errLost}, found: []thing{{id: 11}}}
	_, _, diags, _ := create(t, context.Background(), f, f.lookup(false))
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`This existing Vendor thing matches the configuration \(named "x"\): id 11\.`,
		`Import it with\s+terraform import fieldservice_vendor_thing\.<name> 11`)
}

// A 500 whose object exists is explained, with its own reason.
func TestA500WhoseObjectExists(t *testing.T) {
	f := &fixture{answers: []error{statusErr{http.StatusInternalServerError}}, found: []thing{{id: 11}}}
	_, _, diags, _ := create(t, context.Background(), f, f.lookup(false))
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`Vendor may have acted on the request, but it answered with a server error \(500\), which does not say whether it did, so the thing may have been created anyway`,
		`id 11\.`)
}

func TestAFailedLookupAsksTheUserToLook(t *testing.T) {
	f := &fixture{answers: []error{errLost}, findErr: errors.New("GET /thing: 500")}
	_, _, diags, _ := create(t, context.Background(), f, f.lookup(true))
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`Looking for it failed as well: GET /thing: 500`,
		`Check in Vendor whether a thing named "x" exists\. If one does, import it with\s+terraform import fieldservice_vendor_thing\.<name> <id>`)
	if f.sends != 1 {
		t.Errorf("sent %d times; a failed lookup proves nothing, so nothing is sent again", f.sends)
	}
}

func TestAnInterruptedCreateIsNotLookedUp(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f := &fixture{answers: []error{errLost}}
	_, _, diags, _ := create(t, ctx, f, f.lookup(false))
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(), `Terraform was interrupted before it could look for the thing\. Check in Vendor whether a thing named "x" exists`)
	if f.finds != 0 || f.sends != 1 {
		t.Errorf("%d lookups, %d sends after the user interrupted; want 0 and 1", f.finds, f.sends)
	}
}

func TestTheUniqueMatchIsAdoptedWithAWarning(t *testing.T) {
	f := &fixture{answers: []error{errLost}, found: []thing{{id: 7, name: "x", label: "planned"}}}
	got, ok, diags, _ := create(t, context.Background(), f, f.lookup(true))
	if !ok || got.id != 7 || f.sends != 1 {
		t.Fatalf("got %+v, %v after %d sends; want thing 7 adopted, sent once", got, ok, f.sends)
	}
	d := only(t, diags, diag.SeverityWarning)
	mustMatch(t, d.Summary(), `^Vendor thing named "x" adopted after a lost response$`)
	mustMatch(t, d.Detail(), `^Vendor may have acted on the create request, but its answer did not come back \(.*unexpected EOF\)`, `the thing named "x" \(id 7\) matches the configuration`)
}

func TestAUniqueMatchThatDiffersIsNotAdopted(t *testing.T) {
	f := &fixture{answers: []error{errLost}, found: []thing{{id: 7, name: "x", label: "other"}}}
	_, ok, diags, _ := create(t, context.Background(), f, f.lookup(true))
	if ok {
		t.Fatal("adopted an object that differs from the configuration")
	}
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`the thing named "x" \(id 7\) exists, but it differs from the configuration in label, so Terraform did not adopt it`,
		`terraform import fieldservice_vendor_thing\.<name> 7`)
}

func TestSeveralUniqueMatchesAreNotAdopted(t *testing.T) {
	f := &fixture{answers: []error{errLost}, found: []thing{{id: 7, label: "planned"}, {id: 8, label: "planned"}}}
	_, ok, diags, _ := create(t, context.Background(), f, f.lookup(true))
	if ok {
		t.Fatal("adopted one of two matches")
	}
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(), `ids 7, 8`)
}

// keyed is a lookup with a natural key, listed by list.
func keyed(f *fixture, ix *naturalkey.Index, list naturalkey.ListFunc) lostcreate.Lookup[thing] {
	l := f.lookup(false)
	l.Key = &lostcreate.Key{Index: ix, Value: "x", Describe: `name "x"`, Attribute: "name", List: list, Why: "Two things of one name confuse people."}
	return l
}

func listing(calls *int, entries ...naturalkey.Entry) naturalkey.ListFunc {
	return func(context.Context) ([]naturalkey.Entry, error) {
		*calls++
		return entries, nil
	}
}

func TestAnExistingKeyIsRefusedWithTheImportCommand(t *testing.T) {
	f := &fixture{answers: []error{nil}}
	var calls int
	_, ok, diags, _ := create(t, context.Background(), f, keyed(f, &naturalkey.Index{}, listing(&calls, naturalkey.Entry{ID: "42", Key: "x"}, naturalkey.Entry{ID: "43", Key: "y"})))
	if ok || f.sends != 0 {
		t.Fatalf("ok %v after %d sends; want a refusal before sending", ok, f.sends)
	}
	d := only(t, diags, diag.SeverityError)
	mustMatch(t, d.Summary(), `^A Vendor thing with name "x" already exists$`)
	mustMatch(t, d.Detail(),
		`^A Vendor thing with name "x" already exists \(id 42\): to manage it with Terraform, import it:\n\n  terraform import fieldservice_vendor_thing\.<name> 42\n\n`+
			`or with an import block:\n\n  import \{\n    to = fieldservice_vendor_thing\.<name>\n    id = "42"\n  \}\n\n`,
		`Terraform checks this before creating a thing, so as not to make a second one behind your back .* Two things of one name confuse people\. `+
			`If you did not mean that thing, or another resource of this configuration already manages it, give this resource another name, or delete the existing thing in Vendor first\.`,
		`replace it without create_before_destroy`)
}

func TestSeveralExistingKeys(t *testing.T) {
	f := &fixture{answers: []error{nil}}
	var calls int
	l := keyed(f, &naturalkey.Index{}, listing(&calls, naturalkey.Entry{ID: "43", Key: "x"}, naturalkey.Entry{ID: "42", Key: "x"}))
	l.Key.Instead = "give this resource another name (Vendor cannot delete things)"
	_, _, diags, _ := create(t, context.Background(), f, l)
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`^Vendor things with name "x" already exist \(ids 42, 43\): to manage the right one with Terraform, import it:`,
		`If you did not mean that thing, or another resource of this configuration already manages it, give this resource another name \(Vendor cannot delete things\)\.$`)
}

// Two creates of one key in one process: the second is refused, naming
// the object the first made, without listing again.
func TestTheSecondCreateOfAKeyInOneProcessIsRefused(t *testing.T) {
	var ix naturalkey.Index
	var calls int
	first := &fixture{answers: []error{nil}}
	if _, ok, diags, _ := create(t, context.Background(), first, keyed(first, &ix, listing(&calls))); !ok {
		t.Fatalf("the first create failed: %v", diags)
	}
	second := &fixture{answers: []error{nil}}
	_, ok, diags, _ := create(t, context.Background(), second, keyed(second, &ix, listing(&calls)))
	if ok || second.sends != 0 || calls != 1 {
		t.Fatalf("second create: ok %v, %d sends, %d listings in all; want a refusal, no send, one listing", ok, second.sends, calls)
	}
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(),
		`^A Vendor thing with name "x" already exists \(id 99\), made by another resource of this configuration during this apply\. Terraform creates at most one thing with a given name: give each resource its own name\.`)
}

// An object found after a lost create holds its key too.
func TestAnObjectFoundAfterALostCreateHoldsItsKey(t *testing.T) {
	var ix naturalkey.Index
	var calls int
	first := &fixture{answers: []error{errLost}, found: []thing{{id: 11}}}
	if _, ok, _, _ := create(t, context.Background(), first, keyed(first, &ix, listing(&calls))); ok {
		t.Fatal("adopted by a non-unique lookup")
	}
	second := &fixture{answers: []error{nil}}
	_, ok, diags, _ := create(t, context.Background(), second, keyed(second, &ix, listing(&calls)))
	if ok || second.sends != 0 {
		t.Fatalf("ok %v after %d sends; the object found after the lost create has the key", ok, second.sends)
	}
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(), `\(id 11\)`)
}

// A create that made nothing frees the key.
func TestAFailedCreateFreesItsKey(t *testing.T) {
	var ix naturalkey.Index
	var calls int
	first := &fixture{answers: []error{statusErr{http.StatusBadRequest}}}
	create(t, context.Background(), first, keyed(first, &ix, listing(&calls)))
	second := &fixture{answers: []error{nil}}
	if _, ok, diags, _ := create(t, context.Background(), second, keyed(second, &ix, listing(&calls))); !ok {
		t.Errorf("the key of a refused create is still held: %v", diags)
	}
}

func TestAFailedKeyCheckCreatesNothing(t *testing.T) {
	f := &fixture{answers: []error{nil}}
	l := keyed(f, &naturalkey.Index{}, func(context.Context) ([]naturalkey.Entry, error) { return nil, errors.New("GET /thing: 503") })
	_, ok, diags, _ := create(t, context.Background(), f, l)
	if ok || f.sends != 0 {
		t.Fatalf("ok %v after %d sends; want nothing sent when the check fails", ok, f.sends)
	}
	d := only(t, diags, diag.SeverityError)
	if d.Summary() != summary {
		t.Errorf("summary %q, want %q", d.Summary(), summary)
	}
	mustMatch(t, d.Detail(), `^Checking whether a Vendor thing with name "x" already exists failed: GET /thing: 503\n\nTerraform checks this before creating a thing, and creates nothing when it cannot tell\. Two things of one name confuse people\. Apply again\.$`)
	l.Kind = "item"
	_, _, diags, _ = create(t, context.Background(), f, l)
	mustMatch(t, only(t, diags, diag.SeverityError).Detail(), `before creating an item,`)
}

// The error says which kind of answer left the outcome unknown.
func TestTheReasonIsNamed(t *testing.T) {
	for status, want := range map[int]string{
		http.StatusServiceUnavailable:  `Vendor may have acted on the request, but the answer came from a gateway \(503 Service Unavailable\), which does not say whether it did\. No thing named "x" exists`,
		http.StatusInternalServerError: `Vendor may have acted on the request, but it answered with a server error \(500\), which does not say whether it did\. No thing named "x" exists`,
	} {
		f := &fixture{answers: []error{statusErr{status}}}
		_, _, diags, _ := create(t, context.Background(), f, f.lookup(false))
		mustMatch(t, only(t, diags, diag.SeverityError).Detail(), want)
	}
}
