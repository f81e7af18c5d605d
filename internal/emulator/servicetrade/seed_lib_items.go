package servicetrade

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// Lib items (the price book). type is the lowercase form requests send
// ("part"), not GET's "Part". The per-technician costs a PUT with techId
// sets are not part of a seed: no answer shows them.

// seedLibItem is a lib item entry.
type seedLibItem struct {
	ID            int64    `json:"id"`
	Name          string   `json:"name"`
	Code          string   `json:"code,omitempty"`
	Type          string   `json:"type"`
	Cost          *float64 `json:"cost,omitempty"`
	ServiceLineID int64    `json:"serviceLineId,omitempty"`
	CompanyID     int64    `json:"companyId,omitempty"`
	Active        *bool    `json:"active"`
	Taxable       *bool    `json:"taxable"`
	IsGeneric     bool     `json:"isGeneric,omitempty"`
	seedStamp
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "lib_items", after: []string{"service_lines", "companies"}, ids: true,
		load: loadLibItems,
		dump: func(s *Server) any {
			return dumpSorted(s.libItems, func(li *libItem) seedLibItem {
				return seedLibItem{ID: li.ID, Name: li.Name, Code: li.Code, Type: li.Type, Cost: li.Cost,
					ServiceLineID: li.ServiceLineID, CompanyID: li.CompanyID, Active: ptr(li.Active), Taxable: ptr(li.Taxable),
					IsGeneric: li.IsGeneric, seedStamp: seedStamp{ptr(li.Created), ptr(li.Updated)}}
			})
		},
	})
}

func loadLibItems(l *seedLoader, raw json.RawMessage) {
	s := l.s
	codes := map[string]string{} // lowercase code -> the entry that has it
	for _, it := range seedEntries[seedLibItem](l, "lib_items", raw, "name", "code") {
		v := it.v
		it.required("name", v.Name)
		if it.required("type", v.Type) {
			it.oneOf("type", v.Type, "", LibItemTypes)
		}
		// Codes are unique ignoring case, as the API keeps them.
		switch key := strings.ToLower(v.Code); {
		case v.Code == "":
		case utf8.RuneCountInString(v.Code) > maxLibItemCode:
			it.fail("code is longer than %d characters", maxLibItemCode)
		case codes[key] != "":
			it.fail("code %q is already the code of %s: codes are unique, ignoring case", v.Code, codes[key])
		default:
			codes[key] = it.String()
		}
		ref(it.seedEntry, "serviceLineId", v.ServiceLineID, s.serviceLines, "a service line", "service_lines")
		ref(it.seedEntry, "companyId", v.CompanyID, s.companies, "a company", "companies")
		li := &libItem{Name: v.Name, Code: v.Code, Type: v.Type, Cost: v.Cost, ServiceLineID: v.ServiceLineID, CompanyID: v.CompanyID,
			Active: v.Active == nil || *v.Active, Taxable: v.Taxable == nil || *v.Taxable, IsGeneric: v.IsGeneric}
		li.Created, li.Updated = it.stamps(v.Created, v.Updated)
		if id, ok := it.id(v.ID); ok {
			li.ID = id
			s.libItems[id] = li
		}
	}
}
