package servicetrade

import (
	"encoding/json"
	"math"
	"unicode/utf8"
)

// Tax groups. combinedRate is kept to taxRateDecimals places, as the API
// keeps it.

// seedTaxGroup is a tax group entry.
type seedTaxGroup struct {
	ID           int64    `json:"id"`
	Code         string   `json:"code"`
	Name         string   `json:"name"`
	State        string   `json:"state"`
	CombinedRate *float64 `json:"combinedRate"`
	PostalCodes  []string `json:"postalCodes,omitempty"`
	seedStamp
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "tax_groups", ids: true,
		load: loadTaxGroups,
		dump: func(s *Server) any {
			return dumpSorted(s.taxGroups, func(tg *taxGroup) seedTaxGroup {
				return seedTaxGroup{ID: tg.ID, Code: tg.Code, Name: tg.Name, State: tg.State, CombinedRate: ptr(tg.CombinedRate),
					PostalCodes: tg.PostalCodes, seedStamp: seedStamp{ptr(tg.Created), ptr(tg.Updated)}}
			})
		},
	})
}

func loadTaxGroups(l *seedLoader, raw json.RawMessage) {
	for _, it := range seedEntries[seedTaxGroup](l, "tax_groups", raw, "code", "name") {
		v := it.v
		for _, f := range []struct {
			name, value string
			max         int
		}{{"code", v.Code, taxGroupCodeMax}, {"name", v.Name, taxGroupNameMax}, {"state", v.State, 0}} {
			if it.required(f.name, f.value) && f.max > 0 && utf8.RuneCountInString(f.value) > f.max {
				it.fail("%s is longer than %d characters", f.name, f.max)
			}
		}
		tg := &taxGroup{Code: v.Code, Name: v.Name, State: v.State, PostalCodes: orEmpty(v.PostalCodes)}
		if v.CombinedRate == nil {
			it.fail("combinedRate is required: a number (0.085 for 8.5 %%)")
		} else {
			scale := math.Pow10(taxRateDecimals)
			tg.CombinedRate = math.Round(*v.CombinedRate*scale) / scale
		}
		tg.Created, tg.Updated = it.stamps(v.Created, v.Updated)
		if id, ok := it.id(v.ID); ok {
			tg.ID = id
			l.s.taxGroups[id] = tg
		}
	}
}
