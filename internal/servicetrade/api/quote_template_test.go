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

func qtPtr[T any](v T) *T { return &v }

// seedIDs looks the reference data up by name, as the acceptance tests do.
func seedIDs(t *testing.T, c *api.Client) (termsID, companyID, personalID, alarmID int64) {
	t.Helper()
	ctx := context.Background()
	terms, err := c.ListTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range terms {
		if tm.Name == emust.SeedTerms[0] {
			termsID = tm.ID
		}
	}
	companies, err := c.ListCompanies(ctx, api.CompanyFilter{Name: emust.SeedCustomerCompanies[1]})
	if err != nil || len(companies) != 1 {
		t.Fatalf("ListCompanies = %v, %v", companies, err)
	}
	companyID = companies[0].ID
	items, err := c.ListLibItems(ctx, api.LibItemFilter{Code: "PERSONAL"})
	if err != nil || len(items) != 1 {
		t.Fatalf("ListLibItems = %v, %v", items, err)
	}
	personalID = items[0].ID
	lines, err := c.ListServiceLines(ctx, api.ServiceLineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if l.Name == "Fire Alarm" {
			alarmID = l.ID
		}
	}
	if termsID == 0 || alarmID == 0 {
		t.Fatalf("seeded terms %q or service line Fire Alarm not found", emust.SeedTerms[0])
	}
	return termsID, companyID, personalID, alarmID
}

func TestQuoteTemplateLifecycle(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	termsID, companyID, _, _ := seedIDs(t, c)

	qt, err := c.CreateQuoteTemplate(ctx, api.QuoteTemplateInput{Name: "Quarterly Inspection", Description: "Inspect all the quarters"})
	if err != nil {
		t.Fatal(err)
	}
	if qt.ID <= 1<<32 || qt.CompanyID() != nil || qt.TermsID() != nil || len(qt.Items) != 0 || qt.Created == 0 ||
		!strings.HasSuffix(qt.URI, "/quotetemplate/"+strconv.FormatInt(qt.ID, 10)) {
		t.Errorf("created template = %+v", qt)
	}
	got, err := c.UpdateQuoteTemplate(ctx, qt.ID, api.QuoteTemplateInput{Name: "Quarterly", Description: "", CompanyID: &companyID, TermsID: &termsID})
	if err != nil || got.Name != "Quarterly" || got.Description != "" || *got.CompanyID() != companyID || *got.TermsID() != termsID || got.Terms.Name != emust.SeedTerms[0] {
		t.Fatalf("UpdateQuoteTemplate = %+v, %v", got, err)
	}
	// Terms in use cannot be deleted.
	if err := c.DeleteTerms(ctx, termsID); !api.IsConflict(err) {
		t.Errorf("DeleteTerms(used by a template) = %v, want a 409", err)
	}
	got, err = c.UpdateQuoteTemplate(ctx, qt.ID, api.QuoteTemplateInput{Name: "Quarterly"})
	if err != nil || got.CompanyID() != nil || got.TermsID() != nil {
		t.Fatalf("UpdateQuoteTemplate(nil ids) = %+v, %v; want company and terms cleared", got, err)
	}

	// Lists span pages (page size 2) and filter by name and company.
	for _, name := range []string{"Annual Flush", "Annual Flush West", "Semi-annual"} {
		if _, err := c.CreateQuoteTemplate(ctx, api.QuoteTemplateInput{Name: name, CompanyID: &companyID}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{})
	if err != nil || len(all) != 4 {
		t.Fatalf("ListQuoteTemplates() = %d, %v; want 4 across pages", len(all), err)
	}
	annual, err := c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{Name: "ANNUAL"})
	if err != nil || len(annual) != 3 {
		t.Fatalf("ListQuoteTemplates(name=ANNUAL) = %d, %v; want 3 (substring, any case)", len(annual), err)
	}
	byCompany, err := c.ListQuoteTemplates(ctx, api.QuoteTemplateFilter{CompanyIDs: []int64{companyID}})
	if err != nil || len(byCompany) != 3 {
		t.Fatalf("ListQuoteTemplates(companyIds) = %d, %v; want 3", len(byCompany), err)
	}

	if err := c.DeleteQuoteTemplate(ctx, qt.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetQuoteTemplate(ctx, qt.ID); !api.IsNotFound(err) {
		t.Errorf("GetQuoteTemplate after delete: %v, want not found", err)
	}
	if err := c.DeleteQuoteTemplate(ctx, qt.ID); !api.IsNotFound(err) {
		t.Errorf("second delete: %v, want not found", err)
	}
}

func TestQuoteTemplateItems(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	_, _, personalID, alarmID := seedIDs(t, c)
	qt, err := c.CreateQuoteTemplate(ctx, api.QuoteTemplateInput{Name: "Annual Flush"})
	if err != nil {
		t.Fatal(err)
	}

	// Server-side resolution: a description naming a lib item.
	flange, err := c.CreateQuoteTemplateItem(ctx, qt.ID, api.QuoteTemplateItemInput{Description: qtPtr("CCW Zirconium Flange"), Quantity: qtPtr(3.0)})
	if err != nil {
		t.Fatal(err)
	}
	if flange.LibItem == nil || flange.LibItem.Name != "CCW Zirconium Flange" || flange.LibItem.Type != "Part" || !flange.LibItem.Type.Is("part") ||
		flange.ServiceLine == nil || flange.ServiceLine.Abbr != "SUPP" || flange.Quantity != 3 || flange.TemplateID() != qt.ID ||
		!flange.OrderIndexKnown || flange.OrderIndex != nil {
		t.Errorf("created item = %+v", flange)
	}
	// A lib item without a service line needs one.
	_, err = c.CreateQuoteTemplateItem(ctx, qt.ID, api.QuoteTemplateItemInput{LibItemID: &personalID, Quantity: qtPtr(1.0)})
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || len(apiErr.Validation["serviceLineId"]) == 0 ||
		!strings.Contains(err.Error(), "parameters invalid") {
		t.Fatalf("item without service line: %v, want a 400 naming serviceLineId", err)
	}
	towel, err := c.CreateQuoteTemplateItem(ctx, qt.ID, api.QuoteTemplateItemInput{
		Description: qtPtr("Towel"), LibItemID: &personalID, ServiceLineID: &alarmID, Quantity: qtPtr(0.5), OrderIndex: qtPtr(int64(1)), SetOrderIndex: true,
	})
	if err != nil || towel.Description != "Towel" || *towel.LibItemID() != personalID || *towel.ServiceLineID() != alarmID || towel.OrderIndex == nil || *towel.OrderIndex != 1 {
		t.Fatalf("CreateQuoteTemplateItem(towel) = %+v, %v", towel, err)
	}
	if _, err := c.CreateQuoteTemplateItem(ctx, qt.ID, api.QuoteTemplateItemInput{Description: qtPtr("Misc"), ServiceLineID: &alarmID, Quantity: qtPtr(2.0)}); err != nil {
		t.Fatal(err)
	}

	// Ordered items (nulls last), across pages.
	items, err := c.ListQuoteTemplateItems(ctx, qt.ID)
	if err != nil || len(items) != 3 || items[0].ID != towel.ID || items[1].ID != flange.ID {
		t.Fatalf("ListQuoteTemplateItems = %+v, %v; want towel (orderIndex 1) first", items, err)
	}
	withItems, err := c.GetQuoteTemplate(ctx, qt.ID)
	if err != nil || len(withItems.Items) != 3 || withItems.Items[0].ID != towel.ID {
		t.Fatalf("GetQuoteTemplate items = %+v, %v", withItems, err)
	}

	// Partial update: quantity only, then clearing orderIndex.
	got, err := c.UpdateQuoteTemplateItem(ctx, qt.ID, towel.ID, api.QuoteTemplateItemInput{Quantity: qtPtr(4.25)})
	if err != nil || got.Quantity != 4.25 || got.Description != "Towel" || got.OrderIndex == nil {
		t.Fatalf("UpdateQuoteTemplateItem(quantity) = %+v, %v", got, err)
	}
	got, err = c.UpdateQuoteTemplateItem(ctx, qt.ID, towel.ID, api.QuoteTemplateItemInput{SetOrderIndex: true})
	if err != nil || got.OrderIndex != nil || got.Quantity != 4.25 {
		t.Fatalf("UpdateQuoteTemplateItem(orderIndex null) = %+v, %v", got, err)
	}
	if got, err = c.GetQuoteTemplateItem(ctx, flange.ID); err != nil || got.Description != "CCW Zirconium Flange" {
		t.Fatalf("GetQuoteTemplateItem = %+v, %v", got, err)
	}
	if _, err = c.GetQuoteTemplateItemOf(ctx, qt.ID+1000, flange.ID); !api.IsNotFound(err) {
		t.Errorf("GetQuoteTemplateItemOf(wrong template) = %v, want not found", err)
	}

	// The template cannot be deleted while it has items.
	err = c.DeleteQuoteTemplate(ctx, qt.ID)
	if !api.IsConflict(err) || !strings.Contains(err.Error(), "quotetemplate still has child items") {
		t.Fatalf("DeleteQuoteTemplate with items = %v, want a 409", err)
	}
	for _, it := range items {
		if err := c.DeleteQuoteTemplateItem(ctx, qt.ID, it.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.DeleteQuoteTemplateItem(ctx, qt.ID, flange.ID); !api.IsNotFound(err) {
		t.Errorf("second item delete: %v, want not found", err)
	}
	if err := c.DeleteQuoteTemplate(ctx, qt.ID); err != nil {
		t.Fatal(err)
	}
}

// The parent arrives as "quote" in the API's examples and as
// "quoteTemplate" in its field table; orderIndex may be absent.
func TestQuoteTemplateItemDecodesBothParentKeys(t *testing.T) {
	for _, body := range []string{
		`{"id":11,"description":"Towel","quantity":2,"quote":{"id":45,"name":"Quote #3230004-SQKY-CLN"},"libItem":{"id":408,"name":"Personal Item","type":"Part","code":"PERSONAL"}}`,
		`{"id":11,"description":"Towel","quantity":2,"quoteTemplate":{"id":45},"libItem":{"id":408,"type":"Part"}}`,
	} {
		var it api.QuoteTemplateItem
		if err := json.Unmarshal([]byte(body), &it); err != nil {
			t.Fatal(err)
		}
		if it.TemplateID() != 45 || *it.LibItemID() != 408 || it.ServiceLineID() != nil || it.OrderIndexKnown || it.Quantity != 2 {
			t.Errorf("%s decoded as %+v", body, it)
		}
	}
	var it api.QuoteTemplateItem
	if err := json.Unmarshal([]byte(`{"id":1,"orderIndex":null}`), &it); err != nil || !it.OrderIndexKnown || it.OrderIndex != nil || it.TemplateID() != 0 {
		t.Errorf("explicit null orderIndex decoded as %+v, %v", it, err)
	}
	b, err := json.Marshal(api.QuoteTemplateItemInput{Quantity: qtPtr(1.5), SetOrderIndex: true})
	if err != nil || string(b) != `{"orderIndex":null,"quantity":1.5}` {
		t.Errorf("input marshals as %s, %v; want only quantity and an explicit null orderIndex", b, err)
	}
}
