package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestGetAccountSettings(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[1].cfg(base))
	ctx := context.Background()
	s, err := c.GetAccountSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.JobTypes) == 0 || s.JobTypes[0] != "service_call" || len(s.ItemTypes) == 0 || len(s.MobileJobTaskWorkflow) == 0 ||
		len(s.MobileJobItemConfirmation) == 0 || len(s.AttachmentVisibility) == 0 || len(s.DeficiencyVisibility) == 0 ||
		len(s.CommentVisibility) != 3 || len(s.JobItemVisibility) == 0 || len(s.QuoteDetailLevel) == 0 ||
		len(s.InvoiceDetailLevel) == 0 || s.SalesTaxSource != "taxgroup" || len(s.AssetDefinitions) == 0 {
		t.Errorf("settings = %+v", s)
	}
	// The job and invoice terms are the seeded defaults; there are no
	// quote or change order terms (null).
	if s.JobTermsID == nil || s.InvoiceTermsID == nil || *s.JobTermsID != *s.InvoiceTermsID || s.QuoteTermsID != nil || s.ChangeOrderTermsID != nil {
		t.Errorf("terms ids = %v %v %v %v", s.ChangeOrderTermsID, s.JobTermsID, s.QuoteTermsID, s.InvoiceTermsID)
	}
	terms, err := c.GetTerms(ctx, *s.JobTermsID)
	if err != nil {
		t.Fatalf("the default job terms %d: %v", *s.JobTermsID, err)
	}
	if terms.Name == "" {
		t.Errorf("default terms = %+v", terms)
	}
	for _, id := range s.AssetDefinitions {
		if id <= 1<<32 {
			t.Errorf("asset definition id %d does not look like an emulator id", id)
		}
	}
}

// The reference's example decodes: integers in assetDefinitions, a null
// quoteTermsId.
func TestAccountSettingsDecodeReferenceExample(t *testing.T) {
	c := fixedAnswer(t, "/accountsettings", `{"data":{"jobTypes":["service_call","unknown"],"itemTypes":["part"],
		"mobileJobTaskWorkflow":["comment","attachment","deficiency"],"mobileJobItemConfirmation":["jobs","projects"],
		"assetDefinitions":[9,16,17],"changeOrderTermsId":2,"jobTermsId":3,"quoteTermsId":null,"invoiceTermsId":4,
		"attachmentVisibility":["private"],"deficiencyVisibility":["private"],"commentVisibility":["private","tech","schedule"],
		"jobItemVisibility":["public"],"quoteDetailLevel":["public","items","time_and_materials"],
		"invoiceDetailLevel":["public","items_by_type","type_detail"],"salesTaxSource":"taxgroup"}}`)
	s, err := c.GetAccountSettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.AssetDefinitions, []int64{9, 16, 17}) || *s.ChangeOrderTermsID != 2 || *s.JobTermsID != 3 || s.QuoteTermsID != nil ||
		*s.InvoiceTermsID != 4 || !slices.Equal(s.QuoteDetailLevel, []string{"public", "items", "time_and_materials"}) || s.SalesTaxSource != "taxgroup" {
		t.Errorf("decoded = %+v", s)
	}
}

// fixedAnswer is a client of a server that answers GET path (whatever the
// query) with body, after an OAuth2 token.
func fixedAnswer(t *testing.T, path, body string) *api.Client {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/oauth2/token", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "t", "token_type": "Bearer", "expires_in": 3600})
	})
	mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			http.Error(w, "unexpected "+r.Method, http.StatusMethodNotAllowed)
			return
		}
		_, _ = w.Write([]byte(body))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return newClient(t, api.Config{BaseURL: srv.URL, ClientID: "id", ClientSecret: "secret"})
}
