package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestTermsLifecycle(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	seeded, err := c.ListTerms(ctx)
	if err != nil || len(seeded) != len(emust.SeedTerms) {
		t.Fatalf("ListTerms = %d, %v; want the %d seeded terms", len(seeded), err, len(emust.SeedTerms))
	}
	created, err := c.CreateTerms(ctx, api.TermsInput{Name: "Quote Terms", Content: "Valid for 30 days."})
	if err != nil {
		t.Fatal(err)
	}
	if created.ID <= 1<<32 || created.Name != "Quote Terms" || created.Content != "Valid for 30 days." || !strings.HasSuffix(created.URI, "/terms/"+api.JoinIDs([]int64{created.ID})) {
		t.Errorf("created terms = %+v", created)
	}
	updated, err := c.UpdateTerms(ctx, created.ID, api.TermsInput{Name: "Quote Terms v2", Content: "Valid for 60 days."})
	if err != nil || updated.Name != "Quote Terms v2" || updated.Content != "Valid for 60 days." {
		t.Fatalf("updated terms = %+v, %v", updated, err)
	}
	got, err := c.GetTerms(ctx, created.ID)
	if err != nil || *got != *updated {
		t.Fatalf("GetTerms = %+v, %v; want %+v", got, err, updated)
	}
	all, err := c.ListTerms(ctx)
	if err != nil || len(all) != len(emust.SeedTerms)+1 {
		t.Fatalf("ListTerms after create = %d, %v", len(all), err)
	}
	if err := c.DeleteTerms(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetTerms(ctx, created.ID); !api.IsNotFound(err) {
		t.Errorf("GetTerms after delete = %v, want not found", err)
	}
	if err := c.DeleteTerms(ctx, created.ID); !api.IsNotFound(err) {
		t.Errorf("second DeleteTerms = %v, want not found", err)
	}
	if _, err := c.UpdateTerms(ctx, created.ID, api.TermsInput{Name: "x", Content: "y"}); !api.IsNotFound(err) {
		t.Errorf("UpdateTerms after delete = %v, want not found", err)
	}
}

func TestTermsValidation(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[0].cfg(base))
	_, err := c.CreateTerms(context.Background(), api.TermsInput{Name: "No content"})
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || !strings.Contains(err.Error(), "content: content is required") {
		t.Fatalf("CreateTerms without content = %v, want a 400 naming content", err)
	}
}

// UpdateTerms sends the documented PUT (not the POST of the reference's
// example), with both fields.
func TestTermsUpdateIsPUT(t *testing.T) {
	e, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	created, err := c.CreateTerms(ctx, api.TermsInput{Name: "Job Terms", Content: "One."})
	if err != nil {
		t.Fatal(err)
	}
	e.ResetRequests()
	if _, err := c.UpdateTerms(ctx, created.ID, api.TermsInput{Name: "Job Terms", Content: "Two."}); err != nil {
		t.Fatal(err)
	}
	if got := e.Requests(); got["servicetrade PUT"] != 1 || got["servicetrade POST"] != 0 {
		t.Errorf("requests = %v, want exactly one PUT", got)
	}
	if _, err := c.UpdateTerms(ctx, created.ID, api.TermsInput{Name: "Job Terms", Content: " "}); !strings.Contains(fmt.Sprint(err), "content") {
		t.Errorf("UpdateTerms with blank content = %v, want a 400 naming content", err)
	}
}

// Terms in use answer 409 (IsConflict) with the API's message: those of a
// quote template, and the account's defaults.
func TestTermsInUse(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	terms, err := c.CreateTerms(ctx, api.TermsInput{Name: "Quote Terms", Content: "Valid for 30 days."})
	if err != nil {
		t.Fatal(err)
	}
	qt, err := c.CreateQuoteTemplate(ctx, api.QuoteTemplateInput{Name: "Quarterly", TermsID: &terms.ID})
	if err != nil {
		t.Fatal(err)
	}
	err = c.DeleteTerms(ctx, terms.ID)
	if !api.IsConflict(err) || api.IsNotFound(err) || !strings.Contains(err.Error(), "terms is referenced by other entities") {
		t.Fatalf("DeleteTerms of a template's terms = %v, want a 409 with the API's message", err)
	}
	if err := c.DeleteQuoteTemplate(ctx, qt.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteTerms(ctx, terms.ID); err != nil {
		t.Errorf("DeleteTerms once unused = %v", err)
	}

	all, err := c.ListTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range all {
		if tm.Name == emust.SeedTerms[1] {
			if err := c.DeleteTerms(ctx, tm.ID); !api.IsConflict(err) {
				t.Errorf("DeleteTerms of the account's default terms = %v, want a 409", err)
			}
		}
	}
}
