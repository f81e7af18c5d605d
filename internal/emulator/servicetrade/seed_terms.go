package servicetrade

import (
	"encoding/json"
	"slices"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// Terms, payment terms, and the account settings. account_settings is one
// object, not a list: the account has one set of settings. Of what GET
// /accountsettings shows, the emulator stores only the default terms ids
// (the rest is the reference's example, or derived: assetDefinitions are
// the active asset definitions); terms that are a default cannot be
// deleted through the API.

// seedTerms is a terms entry.
type seedTerms struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Content string `json:"content"`
	seedURI
}

// seedPaymentTerms is a payment terms entry.
type seedPaymentTerms struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	OrderIndex int    `json:"orderIndex"`
	seedURI
}

// accountTermsKeys are the account settings naming default terms.
var accountTermsKeys = []string{"changeOrderTermsId", "jobTermsId", "quoteTermsId", "invoiceTermsId"}

// seedAccountSettings is the account_settings object.
type seedAccountSettings struct {
	ChangeOrderTermsID *int64 `json:"changeOrderTermsId"`
	JobTermsID         *int64 `json:"jobTermsId"`
	QuoteTermsID       *int64 `json:"quoteTermsId"`
	InvoiceTermsID     *int64 `json:"invoiceTermsId"`
}

// byKey pairs each setting with its accountTermsKeys name.
func (a *seedAccountSettings) byKey() map[string]**int64 {
	return map[string]**int64{"changeOrderTermsId": &a.ChangeOrderTermsID, "jobTermsId": &a.JobTermsID,
		"quoteTermsId": &a.QuoteTermsID, "invoiceTermsId": &a.InvoiceTermsID}
}

func init() {
	registerSeedKind(seedKind{
		name: "terms", ids: true,
		load: func(l *seedLoader, raw json.RawMessage) {
			for _, it := range seedEntries[seedTerms](l, "terms", raw, "name") {
				v := it.v
				it.required("name", v.Name)
				it.required("content", v.Content)
				if id, ok := it.id(v.ID); ok {
					l.s.terms[id] = &terms{ID: id, Name: v.Name, Content: v.Content}
				}
			}
		},
		dump: func(s *Server) any {
			return dumpSorted(s.terms, func(t *terms) seedTerms { return seedTerms{ID: t.ID, Name: t.Name, Content: t.Content} })
		},
	})
	registerSeedKind(seedKind{
		name: "payment_terms", ids: true,
		load: func(l *seedLoader, raw json.RawMessage) {
			for _, it := range seedEntries[seedPaymentTerms](l, "payment_terms", raw, "name") {
				v := it.v
				it.required("name", v.Name)
				if id, ok := it.id(v.ID); ok {
					l.s.paymentTerms[id] = &paymentTerms{ID: id, Name: v.Name, OrderIndex: v.OrderIndex}
				}
			}
		},
		dump: func(s *Server) any {
			return dumpSorted(s.paymentTerms, func(p *paymentTerms) seedPaymentTerms {
				return seedPaymentTerms{ID: p.ID, Name: p.Name, OrderIndex: p.OrderIndex}
			})
		},
	})
	registerSeedKind(seedKind{
		name: "account_settings", after: []string{"terms"},
		load: loadAccountSettings,
		dump: func(s *Server) any {
			var out seedAccountSettings
			for key, dst := range out.byKey() {
				for _, id := range sortedKeys(s.terms) {
					if slices.Contains(s.terms[id].AccountDefaults, key) {
						*dst = ptr(id)
						break
					}
				}
			}
			return out
		},
	})
}

func loadAccountSettings(l *seedLoader, raw json.RawMessage) {
	if raw == nil {
		return
	}
	path := seedSection + ".account_settings"
	v, ok := seedfile.Decode[seedAccountSettings](raw, path, &l.errs)
	if !ok {
		return
	}
	e := seedEntry{l: l, path: path}
	settings := v.byKey()
	for _, key := range accountTermsKeys {
		id := *settings[key]
		if id == nil || *id == 0 || !ref(e, key, *id, l.s.terms, "terms", "terms") {
			continue
		}
		t := l.s.terms[*id]
		t.AccountDefaults = append(t.AccountDefaults, key)
	}
}
