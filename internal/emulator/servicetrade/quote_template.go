package servicetrade

import (
	"encoding/json"
	"fmt"
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
	switch r.Method {
	case http.MethodGet:
		s.listQuoteTemplates(w, r)
	case http.MethodPost:
		fields, ok := decodeBody(w, r)
		if !ok {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		qt := &quoteTemplate{}
		if v := s.applyQuoteTemplate(qt, fields, true); v != nil {
			writeQuoteTemplateInvalid(w, "quotetemplate not created: malformed data", v)
			return
		}
		qt.ID = s.newID()
		qt.Created = time.Now().Unix()
		qt.Updated = qt.Created
		s.quoteTemplates[qt.ID] = qt
		writeData(w, s.quoteTemplateJSON(r, qt))
	default:
		// DELETE /quotetemplate is documented as 405 "not allowed"; PUT on
		// the collection is not documented and answers the same.
		writeError(w, http.StatusMethodNotAllowed, "not allowed")
	}
}

func (s *Server) quoteTemplateItemOrDelete(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "quotetemplate")
	if !ok {
		return
	}
	var fields map[string]json.RawMessage
	if r.Method == http.MethodPut {
		if fields, ok = decodeBody(w, r); !ok {
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	qt := s.quoteTemplates[id]
	if qt == nil && (r.Method == http.MethodGet || r.Method == http.MethodPut || r.Method == http.MethodDelete) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("quotetemplate %d not found", id))
		return
	}
	switch r.Method {
	case http.MethodGet:
		writeData(w, s.quoteTemplateJSON(r, qt))
	case http.MethodPut:
		// PUT is a partial update; companyId and termsId take null to clear.
		updated := *qt
		if v := s.applyQuoteTemplate(&updated, fields, false); v != nil {
			writeQuoteTemplateInvalid(w, "quotetemplate not updated: malformed data", v)
			return
		}
		updated.Updated = time.Now().Unix()
		*qt = updated
		writeData(w, s.quoteTemplateJSON(r, qt))
	case http.MethodDelete:
		if len(s.itemsOfTemplate(id)) > 0 {
			writeError(w, http.StatusConflict, "quotetemplate still has child items")
			return
		}
		delete(s.quoteTemplates, id)
		w.WriteHeader(http.StatusNoContent)
	default:
		s.methodNotAllowed(w, r)
	}
}

// writeQuoteTemplateInvalid is the documented 400 with the per-parameter
// validation messages every ServiceTrade 400 carries.
func writeQuoteTemplateInvalid(w http.ResponseWriter, msg string, v map[string][]string) {
	writeJSON(w, http.StatusBadRequest, map[string]any{"messages": messages{Error: []string{msg}, Validation: v}})
}

// applyQuoteTemplate copies POST/PUT fields onto qt and returns validation
// errors. Called with s.mu held.
func (s *Server) applyQuoteTemplate(qt *quoteTemplate, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	if raw, ok := f["name"]; ok || create {
		var name string
		if err := json.Unmarshal(raw, &name); err != nil || strings.TrimSpace(name) == "" {
			v["name"] = append(v["name"], "name is required")
		} else {
			qt.Name = name
		}
	}
	if raw, ok := f["description"]; ok {
		var d *string
		if err := json.Unmarshal(raw, &d); err != nil {
			v["description"] = append(v["description"], "description must be a string")
		} else {
			qt.Description = d
		}
	}
	for _, ref := range []struct {
		key    string
		dst    *int64
		exists func(int64) bool
	}{
		{"companyId", &qt.CompanyID, func(id int64) bool { return s.companies[id] != nil }},
		{"termsId", &qt.TermsID, func(id int64) bool { return s.terms[id] != nil }},
	} {
		raw, ok := f[ref.key]
		if !ok {
			continue
		}
		var id *int64
		if err := json.Unmarshal(raw, &id); err != nil {
			v[ref.key] = append(v[ref.key], ref.key+" must be an integer or null")
			continue
		}
		if id == nil {
			*ref.dst = 0
			continue
		}
		if !ref.exists(*id) {
			v[ref.key] = append(v[ref.key], fmt.Sprintf("%s %d does not exist", ref.key, *id))
			continue
		}
		*ref.dst = *id
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

func (s *Server) listQuoteTemplates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	// "string to find in the quote template name": a case-insensitive
	// substring, like every ServiceTrade name filter.
	name := strings.ToLower(q.Get("name"))
	companyIDs := parseIDList(q.Get("companyIds"))
	s.mu.Lock()
	var out []map[string]any
	for _, id := range sortedKeys(s.quoteTemplates) {
		qt := s.quoteTemplates[id]
		if name != "" && !strings.Contains(strings.ToLower(qt.Name), name) {
			continue
		}
		if len(companyIDs) > 0 && !slices.Contains(companyIDs, qt.CompanyID) {
			continue
		}
		out = append(out, s.quoteTemplateJSON(r, qt))
	}
	s.mu.Unlock()
	writeData(w, page(s, r, "quoteTemplates", out, 0))
}
