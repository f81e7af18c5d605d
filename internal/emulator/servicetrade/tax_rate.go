package servicetrade

import (
	"net/http"
	"slices"
	"strings"
)

// Tax rates (GET /taxrate/?postalCode=) are a look-up, not stored objects:
// the emulator answers, for a postal code, one rate per tax group
// (tax_group.go) whose postal codes include it, in tax group order, so that
// a postal code in two groups has two rates and one in none has an empty
// list (the reference's 99999 example). The reference's example answers a
// tax group code and name ("WAKECO", "WAKE COUNTY") and the combined rate;
// where the account's rates come from is not documented.

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		// The resource URL and the example have the slash, the response
		// codes table does not: both answer.
		mux.HandleFunc("/taxrate", s.protected(s.taxRates))
		mux.HandleFunc("/taxrate/{$}", s.protected(s.taxRates))
	})
}

func (s *Server) taxRates(w http.ResponseWriter, r *http.Request) {
	// Only GET is documented; other verbs are the API's 405.
	if !s.getOnly(w, r) {
		return
	}
	code := r.URL.Query().Get("postalCode")
	if strings.TrimSpace(code) == "" {
		// "(required)", with no documented answer when it is missing: a
		// 400 rather than every rate or an empty list.
		writeValidation(w, map[string][]string{"postalCode": {"postalCode is required"}})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// The postal code must equal one of the group's codes (not a prefix or
	// a substring, as the tax group list's postalCode filter is): "for
	// this postal code".
	rates := collect(r, s.taxGroups, func(tg *taxGroup) bool { return slices.Contains(tg.PostalCodes, code) },
		func(_ *http.Request, tg *taxGroup) map[string]any {
			return map[string]any{
				"taxGroupCode": tg.Code, "name": tg.Name,
				// "reserved for future use, and may not be populated"
				"stateRate": nil, "countyRate": nil, "cityRate": nil, "otherRate": nil,
				"combinedRate": tg.CombinedRate,
			}
		})
	writeData(w, page(s, r, "taxrates", rates, 0))
}
