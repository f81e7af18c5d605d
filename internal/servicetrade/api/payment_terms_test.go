package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestPaymentTermsListAndGet(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	all, err := c.ListPaymentTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(emust.SeedPaymentTerms) + 2; len(all) != want {
		t.Fatalf("ListPaymentTerms = %d entries, want %d (unique names plus two %q)", len(all), want, emust.DuplicatePaymentTerms)
	}
	if all[0].Name != emust.SeedPaymentTerms[0] || all[0].OrderIndex != 1 || all[0].ID <= 1<<32 {
		t.Errorf("first payment terms = %+v", all[0])
	}
	got, err := c.GetPaymentTerms(ctx, all[1].ID)
	if err != nil || *got != all[1] {
		t.Fatalf("GetPaymentTerms = %+v, %v; want %+v", got, err, all[1])
	}
	if _, err := c.GetPaymentTerms(ctx, 999); !api.IsNotFound(err) {
		t.Errorf("GetPaymentTerms(999) = %v, want not found", err)
	}
}

// The field table's list key "paymentterms" is accepted as well as the
// example's "paymenttermss".
func TestPaymentTermsAcceptBothListKeys(t *testing.T) {
	for _, key := range []string{"paymentterms", "paymenttermss"} {
		t.Run(key, func(t *testing.T) {
			mux := http.NewServeMux()
			mux.HandleFunc("/oauth2/token", func(w http.ResponseWriter, _ *http.Request) {
				_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "t", "token_type": "Bearer", "expires_in": 3600})
			})
			mux.HandleFunc("/paymentterms", func(w http.ResponseWriter, _ *http.Request) {
				_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"totalPages": 1, "page": 1,
					key: []map[string]any{{"id": 5, "uri": "https://x/api/paymentterms/5", "name": "Net 30", "orderIndex": 5}}}})
			})
			srv := httptest.NewServer(mux)
			defer srv.Close()
			c := newClient(t, api.Config{BaseURL: srv.URL, ClientID: "id", ClientSecret: "secret"})
			got, err := c.ListPaymentTerms(context.Background())
			if err != nil || len(got) != 1 || got[0].Name != "Net 30" || got[0].OrderIndex != 5 {
				t.Fatalf("ListPaymentTerms = %+v, %v", got, err)
			}
		})
	}
}
