package api_test

import (
	"context"
	"errors"
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
