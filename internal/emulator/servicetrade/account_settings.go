package servicetrade

import (
	"net/http"
	"slices"
)

// The account settings (GET /accountsettings) are read-only: POST, PUT and
// DELETE are documented as 405. The emulator answers the reference's
// example, except where the settings point at other objects: the default
// terms ids are those of the seeded terms marked as account defaults
// (terms.go), and the asset definitions those enabled in the account
// (active, asset_definition.go), rather than the example's ids 9, 16 and
// 17, which name nothing here.

// Account setting values from the reference's example.
var (
	accountJobTypes = []string{
		"service_call", "priority_service_call", "urgent_service_call", "emergency_service_call", "cleaning",
		"construction", "delivery", "pickup", "exchange", "inspection", "priority_inspection", "reinspection",
		"installation", "retrofit", "preventative_maintenance", "planned_maintenance", "quality_assurance", "repair",
		"inspection_repair", "sales", "survey", "upgrade", "warranty", "replacement", "design", "buildout", "hookup",
		"testing", "consultation", "training", "administrative", "unknown",
	}
	accountItemTypes = []string{
		"part", "material", "labor", "equipment", "inspection", "service", "subcontractor", "fee",
		"general_conditions", "other",
	}
)

// AccountSalesTaxSource is the emulated account's salesTaxSource: its tax
// groups (tax_group.go) are what applies.
const AccountSalesTaxSource = "taxgroup"

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/accountsettings", s.protected(s.accountSettings))
	})
}

func (s *Server) accountSettings(w http.ResponseWriter, r *http.Request) {
	if !s.getOnly(w, r) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	assets := []int64{}
	for _, id := range sortedKeys(s.assetDefinitions) {
		if s.assetDefinitions[id].Active {
			assets = append(assets, id)
		}
	}
	data := map[string]any{
		"jobTypes":                  slices.Clone(accountJobTypes),
		"itemTypes":                 slices.Clone(accountItemTypes),
		"mobileJobTaskWorkflow":     []string{"comment", "attachment", "deficiency"},
		"mobileJobItemConfirmation": []string{"jobs", "projects"},
		"assetDefinitions":          assets,
		"attachmentVisibility":      []string{"private"},
		"deficiencyVisibility":      []string{"private"},
		"commentVisibility":         []string{"private", "tech", "schedule"},
		"jobItemVisibility":         []string{"public"},
		"quoteDetailLevel":          []string{"public", "items", "time_and_materials"},
		"invoiceDetailLevel":        []string{"public", "items_by_type", "type_detail"},
		"salesTaxSource":            AccountSalesTaxSource,
	}
	// Each default terms id is that of the terms marked as the account's
	// default of that kind, or null (the reference's example has a null
	// quoteTermsId).
	for _, key := range []string{"changeOrderTermsId", "jobTermsId", "quoteTermsId", "invoiceTermsId"} {
		data[key] = nil
		for _, id := range sortedKeys(s.terms) {
			if slices.Contains(s.terms[id].AccountDefaults, key) {
				data[key] = id
				break
			}
		}
	}
	writeData(w, data)
}
