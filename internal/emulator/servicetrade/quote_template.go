package servicetrade

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
)

// quoteTemplate is a reusable set of quote line items (/quotetemplate). Its
// items live in s.quoteTemplateItems (quote_template_item.go).
type quoteTemplate struct {
	ID   int64
	Name string
	// Description is nil until one is given: the reference only shows
	// templates created with a description, and null is the plausible
	// rendering of an optional string never set.
	Description      *string
	CompanyID        int64 // 0: applies to every company
	TermsID          int64 // 0: none ("defaults to null")
	Created, Updated int64
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.quoteTemplates = map[int64]*quoteTemplate{}
		s.quoteTemplateItems = map[int64]*quoteTemplateItem{}
		mux.HandleFunc("/quotetemplate", s.protected(s.quoteTemplateCollection))
		mux.HandleFunc("/quotetemplate/{id}", s.protected(s.quoteTemplateItemOrDelete))
	})
	// Terms used by a quote template cannot be deleted (409), as for
	// contracts.
	termsReferences = append(termsReferences, func(s *Server, termsID int64) bool {
		for _, qt := range s.quoteTemplates {
			if qt.TermsID == termsID {
				return true
			}
		}
		return false
	})
}

// quoteTemplateRef is the {id, uri, name} form nested in items (under the
// key "quote").
func (s *Server) quoteTemplateRef(r *http.Request, qt *quoteTemplate) map[string]any {
	return map[string]any{"id": qt.ID, "uri": s.uri(r, "quotetemplate", qt.ID), "name": qt.Name}
}

// quoteTemplateJSON renders a template with its items. "company" is in
// every example although the field table leaves it out. Called with s.mu
// held.
func (s *Server) quoteTemplateJSON(r *http.Request, qt *quoteTemplate) map[string]any {
	items := []map[string]any{}
	for _, it := range s.itemsOfTemplate(qt.ID) {
		items = append(items, s.quoteTemplateItemJSON(r, it))
	}
	var terms map[string]any
	if t := s.terms[qt.TermsID]; t != nil {
		terms = map[string]any{"id": t.ID, "uri": s.uri(r, "terms", t.ID), "name": t.Name}
	}
	return map[string]any{
		"id": qt.ID, "uri": s.uri(r, "quotetemplate", qt.ID), "name": qt.Name, "description": qt.Description,
		"company": s.companyRef(r, s.companies[qt.CompanyID]), "items": items, "terms": terms,
		"created": qt.Created, "updated": qt.Updated,
	}
}

func (s *Server) quoteTemplateCollection(w http.ResponseWriter, r *http.Request) {
	s.serveCollection(w, r, collectionVerbs{
		list: func() { s.listQuoteTemplates(w, r) },
		create: func(fields map[string]json.RawMessage) {
			qt := &quoteTemplate{}
			if v := s.applyQuoteTemplate(qt, fields, true); v != nil {
				writeQuoteTemplateInvalid(w, "quotetemplate not created: malformed data", v)
				return
			}
			qt.ID, qt.Created, qt.Updated = s.newRecord()
			s.quoteTemplates[qt.ID] = qt
			writeData(w, s.quoteTemplateJSON(r, qt))
		},
		// DELETE /quotetemplate is documented as 405 "not allowed"; PUT on
		// the collection is not documented and answers the same.
		refuse: func() { writeError(w, http.StatusMethodNotAllowed, "not allowed") },
	})
}

func (s *Server) quoteTemplateItemOrDelete(w http.ResponseWriter, r *http.Request) {
	serveByID(s, w, r, "quotetemplate", s.quoteTemplates, objectVerbs[quoteTemplate]{
		get: func(qt *quoteTemplate) { writeData(w, s.quoteTemplateJSON(r, qt)) },
		put: func(qt *quoteTemplate, fields map[string]json.RawMessage) {
			// PUT is a partial update; companyId and termsId take null to
			// clear.
			updated := *qt
			if v := s.applyQuoteTemplate(&updated, fields, false); v != nil {
				writeQuoteTemplateInvalid(w, "quotetemplate not updated: malformed data", v)
				return
			}
			updated.Updated = time.Now().Unix()
			*qt = updated
			writeData(w, s.quoteTemplateJSON(r, qt))
		},
		delete: func(qt *quoteTemplate) {
			if len(s.itemsOfTemplate(qt.ID)) > 0 {
				writeError(w, http.StatusConflict, "quotetemplate still has child items")
				return
			}
			delete(s.quoteTemplates, qt.ID)
			w.WriteHeader(http.StatusNoContent)
		},
	})
}

// writeQuoteTemplateInvalid is the documented 400 with the per-parameter
// validation messages every ServiceTrade 400 carries.
func writeQuoteTemplateInvalid(w http.ResponseWriter, msg string, v map[string][]string) {
	writeInvalid(w, msg, v)
}

// applyQuoteTemplate copies POST/PUT fields onto qt and returns validation
// errors. Called with s.mu held.
func (s *Server) applyQuoteTemplate(qt *quoteTemplate, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	requiredString(f, v, "name", create, &qt.Name)
	nullableString(f, v, "description", &qt.Description)
	nullableRef(f, v, "companyId", &qt.CompanyID, func(id int64) bool { return s.companies[id] != nil })
	nullableRef(f, v, "termsId", &qt.TermsID, func(id int64) bool { return s.terms[id] != nil })
	return problems(v)
}

// listQuoteTemplates is GET /quotetemplate. Called with s.mu held.
func (s *Server) listQuoteTemplates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	// "string to find in the quote template name": a case-insensitive
	// substring, like every ServiceTrade name filter.
	name := strings.ToLower(q.Get("name"))
	companyIDs := parseIDList(q.Get("companyIds"))
	writeList(s, w, r, "quoteTemplates", s.quoteTemplates, func(qt *quoteTemplate) bool {
		return (name == "" || strings.Contains(strings.ToLower(qt.Name), name)) &&
			(len(companyIDs) == 0 || slices.Contains(companyIDs, qt.CompanyID))
	}, s.quoteTemplateJSON)
}
