package servicetrade

import "encoding/json"

// Brands, each of one company. displayName defaults to the name, as POST
// does; logo is always null (the emulator has no attachments).

// seedBrand is a brand entry.
type seedBrand struct {
	ID          int64   `json:"id"`
	CompanyID   int64   `json:"companyId"`
	Name        string  `json:"name"`
	DisplayName string  `json:"displayName"`
	WebSite     *string `json:"webSite,omitempty"`
	Details     *string `json:"details,omitempty"`
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "brands", after: []string{"companies"}, ids: true,
		load: func(l *seedLoader, raw json.RawMessage) {
			for _, it := range seedEntries[seedBrand](l, "brands", raw, "name") {
				v := it.v
				it.required("name", v.Name)
				requiredRef(it.seedEntry, "companyId", v.CompanyID, l.s.companies, "a company", "companies")
				b := &brand{CompanyID: v.CompanyID, Name: v.Name, DisplayName: v.DisplayName, WebSite: v.WebSite, Details: v.Details}
				if b.DisplayName == "" {
					b.DisplayName = v.Name
				}
				if id, ok := it.id(v.ID); ok {
					b.ID = id
					l.s.brands[id] = b
				}
			}
		},
		dump: func(s *Server) any {
			return dumpSorted(s.brands, func(b *brand) seedBrand {
				return seedBrand{ID: b.ID, CompanyID: b.CompanyID, Name: b.Name, DisplayName: b.DisplayName, WebSite: b.WebSite, Details: b.Details}
			})
		},
	})
}
