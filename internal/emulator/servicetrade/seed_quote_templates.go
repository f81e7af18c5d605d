package servicetrade

import (
	"encoding/json"
	"strings"
)

// Quote templates and their items. An item is stored as given: the
// server-side resolution a POST does (a description naming a lib item, the
// service line taken from the lib item) is the API's, not the seed's; the
// API's rules on the result apply (a description or a lib item; a service
// line, or a lib item that has one).

// seedQuoteTemplate is a quote template entry.
type seedQuoteTemplate struct {
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description,omitempty"`
	CompanyID   int64   `json:"companyId,omitempty"`
	TermsID     int64   `json:"termsId,omitempty"`
	seedStamp
	seedURI
}

// seedQuoteTemplateItem is a quote template item entry.
type seedQuoteTemplateItem struct {
	ID              int64    `json:"id"`
	QuoteTemplateID int64    `json:"quoteTemplateId"`
	Quantity        *float64 `json:"quantity"`
	Description     *string  `json:"description,omitempty"`
	LibItemID       int64    `json:"libItemId,omitempty"`
	ServiceLineID   int64    `json:"serviceLineId,omitempty"`
	OrderIndex      *int64   `json:"orderIndex,omitempty"`
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "quote_templates", after: []string{"companies", "terms"}, ids: true,
		load: func(l *seedLoader, raw json.RawMessage) {
			s := l.s
			for _, it := range seedEntries[seedQuoteTemplate](l, "quote_templates", raw, "name") {
				v := it.v
				it.required("name", v.Name)
				ref(it.seedEntry, "companyId", v.CompanyID, s.companies, "a company", "companies")
				ref(it.seedEntry, "termsId", v.TermsID, s.terms, "terms", "terms")
				qt := &quoteTemplate{Name: v.Name, Description: v.Description, CompanyID: v.CompanyID, TermsID: v.TermsID}
				qt.Created, qt.Updated = it.stamps(v.Created, v.Updated)
				if id, ok := it.id(v.ID); ok {
					qt.ID = id
					s.quoteTemplates[id] = qt
				}
			}
		},
		dump: func(s *Server) any {
			return dumpSorted(s.quoteTemplates, func(qt *quoteTemplate) seedQuoteTemplate {
				return seedQuoteTemplate{ID: qt.ID, Name: qt.Name, Description: qt.Description, CompanyID: qt.CompanyID,
					TermsID: qt.TermsID, seedStamp: seedStamp{ptr(qt.Created), ptr(qt.Updated)}}
			})
		},
	})
	registerSeedKind(seedKind{
		name: "quote_template_items", after: []string{"quote_templates", "lib_items", "service_lines"}, ids: true,
		load: loadQuoteTemplateItems,
		dump: func(s *Server) any {
			return dumpSorted(s.quoteTemplateItems, func(it *quoteTemplateItem) seedQuoteTemplateItem {
				return seedQuoteTemplateItem{ID: it.ID, QuoteTemplateID: it.TemplateID, Quantity: ptr(it.Quantity),
					Description: it.Description, LibItemID: it.LibItemID, ServiceLineID: it.ServiceLineID, OrderIndex: it.OrderIndex}
			})
		},
	})
}

func loadQuoteTemplateItems(l *seedLoader, raw json.RawMessage) {
	s := l.s
	for _, it := range seedEntries[seedQuoteTemplateItem](l, "quote_template_items", raw, "description") {
		v := it.v
		requiredRef(it.seedEntry, "quoteTemplateId", v.QuoteTemplateID, s.quoteTemplates, "a quote template", "quote_templates")
		item := &quoteTemplateItem{TemplateID: v.QuoteTemplateID, Description: v.Description, LibItemID: v.LibItemID,
			ServiceLineID: v.ServiceLineID, OrderIndex: v.OrderIndex}
		switch {
		case v.Quantity == nil:
			it.fail("quantity is required: a number greater than 0")
		case *v.Quantity <= 0:
			it.fail("quantity %v is not greater than 0", *v.Quantity)
		default:
			item.Quantity = *v.Quantity
		}
		libOK := ref(it.seedEntry, "libItemId", v.LibItemID, s.libItems, "a lib item", "lib_items")
		slOK := ref(it.seedEntry, "serviceLineId", v.ServiceLineID, s.serviceLines, "a service line", "service_lines")
		li := s.libItems[v.LibItemID]
		if (v.Description == nil || strings.TrimSpace(*v.Description) == "") && li == nil && libOK {
			it.fail("description is required when no libItemId is given")
		}
		if v.ServiceLineID == 0 && (li == nil || li.ServiceLineID == 0) && libOK && slOK {
			it.fail("serviceLineId is required when no libItemId is given, or the lib item has no service line")
		}
		if id, ok := it.id(v.ID); ok {
			item.ID = id
			s.quoteTemplateItems[id] = item
		}
	}
}
