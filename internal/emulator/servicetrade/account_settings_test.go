package servicetrade

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

// GET answers the reference's settings, with the default terms and asset
// definitions of the emulated account; the other verbs are the documented
// 405, and an unauthenticated GET the documented 401.
func TestAccountSettings(t *testing.T) {
	s := New(Options{})
	code, env := hookSysRequest(t, s, http.MethodGet, "/accountsettings", "")
	if code != http.StatusOK {
		t.Fatalf("GET /accountsettings = %d %s", code, env["messages"])
	}
	var got struct {
		JobTypes, ItemTypes, CommentVisibility, InvoiceDetailLevel []string
		AssetDefinitions                                           []int64
		ChangeOrderTermsID                                         *int64 `json:"changeOrderTermsId"`
		JobTermsID                                                 *int64 `json:"jobTermsId"`
		QuoteTermsID                                               *int64 `json:"quoteTermsId"`
		InvoiceTermsID                                             *int64 `json:"invoiceTermsId"`
		SalesTaxSource                                             string
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(env["data"], &got); err != nil {
		t.Fatal(err)
	}
	_ = json.Unmarshal(env["data"], &raw)
	for _, key := range []string{"jobTypes", "itemTypes", "mobileJobTaskWorkflow", "mobileJobItemConfirmation", "assetDefinitions",
		"changeOrderTermsId", "jobTermsId", "quoteTermsId", "invoiceTermsId", "attachmentVisibility", "deficiencyVisibility",
		"commentVisibility", "jobItemVisibility", "quoteDetailLevel", "invoiceDetailLevel", "salesTaxSource"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("GET /accountsettings has no %q", key)
		}
	}
	if len(got.JobTypes) != 32 || got.JobTypes[0] != "service_call" || !slices.Contains(got.ItemTypes, "general_conditions") ||
		!slices.Equal(got.CommentVisibility, []string{"private", "tech", "schedule"}) ||
		!slices.Equal(got.InvoiceDetailLevel, []string{"public", "items_by_type", "type_detail"}) || got.SalesTaxSource != "taxgroup" {
		t.Errorf("settings = %+v; want the reference's example", got)
	}
	// The defaults are the seeded "Net 30 Job Terms"; the others null.
	var net30 int64
	for id, tm := range s.terms {
		if tm.Name == SeedTerms[1] {
			net30 = id
		}
	}
	if got.JobTermsID == nil || *got.JobTermsID != net30 || got.InvoiceTermsID == nil || *got.InvoiceTermsID != net30 ||
		got.QuoteTermsID != nil || got.ChangeOrderTermsID != nil {
		t.Errorf("terms ids = change order %v, job %v, quote %v, invoice %v; want job and invoice %d, the others null",
			got.ChangeOrderTermsID, got.JobTermsID, got.QuoteTermsID, got.InvoiceTermsID, net30)
	}
	// The asset definitions enabled in the account, and only those.
	var active []int64
	for _, id := range sortedKeys(s.assetDefinitions) {
		if s.assetDefinitions[id].Active {
			active = append(active, id)
		}
	}
	if len(active) == 0 || len(active) == len(s.assetDefinitions) || !slices.Equal(got.AssetDefinitions, active) {
		t.Errorf("assetDefinitions = %v; want the active definitions %v (of %d)", got.AssetDefinitions, active, len(s.assetDefinitions))
	}

	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		if code, env := hookSysRequest(t, s, method, "/accountsettings", `{}`); code != http.StatusMethodNotAllowed {
			t.Errorf("%s /accountsettings = %d %s, want 405", method, code, env["messages"])
		}
	}
	if code := statusWithoutCredentials(s, "/accountsettings"); code != http.StatusUnauthorized {
		t.Errorf("unauthenticated GET /accountsettings = %d, want 401", code)
	}
}

// statusWithoutCredentials is the status of a GET of path that carries no
// credentials.
func statusWithoutCredentials(s *Server, path string) int {
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code
}
