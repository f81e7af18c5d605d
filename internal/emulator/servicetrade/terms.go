package servicetrade

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// terms is a set of terms and conditions (job, quote, invoice terms).
type terms struct {
	ID            int64
	Name, Content string
}

var seedTermsContent = []string{
	"Work is performed in accordance with NFPA standards. Payment is due upon completion unless otherwise agreed in writing.",
	"Payment is due within 30 days of the invoice date. Late payments accrue interest at 1.5% per month.",
}

func (s *Server) seedTerms() {
	for i, name := range SeedTerms {
		t := &terms{ID: s.newID(), Name: name, Content: seedTermsContent[i%len(seedTermsContent)]}
		s.terms[t.ID] = t
	}
}

// termsReferences lets resources that reference terms (contracts, quote
// templates, ...) refuse the deletion of terms in use: each function, called
// with s.mu held, returns whether the terms with that id are referenced.
// Register one from the referencing resource's init().
var termsReferences []func(s *Server, termsID int64) bool

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/terms", s.protected(s.termsCollection))
		mux.HandleFunc("/terms/{id}", s.protected(s.termsItem))
	})
}

func (s *Server) termsJSON(r *http.Request, t *terms) map[string]any {
	return map[string]any{"id": t.ID, "uri": s.uri(r, "terms", t.ID), "name": t.Name, "content": t.Content}
}

func (s *Server) termsCollection(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		// "No query parameters are supported. An index call will return
		// all terms in your account."
		s.mu.Lock()
		var out []map[string]any
		for _, id := range sortedKeys(s.terms) {
			out = append(out, s.termsJSON(r, s.terms[id]))
		}
		s.mu.Unlock()
		writeData(w, page(s, r, "terms", out, 0))
	case http.MethodPost:
		fields, ok := decodeBody(w, r)
		if !ok {
			return
		}
		t := &terms{}
		if v := applyTerms(t, fields, true); v != nil {
			writeValidation(w, v)
			return
		}
		s.mu.Lock()
		t.ID = s.newID()
		s.terms[t.ID] = t
		out := s.termsJSON(r, t)
		s.mu.Unlock()
		writeData(w, out)
	case http.MethodDelete:
		// Documented as 403 "not allowed", not 405.
		writeError(w, http.StatusForbidden, "not allowed")
	default:
		s.methodNotAllowed(w, r)
	}
}

func (s *Server) termsItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "terms")
	if !ok {
		return
	}
	notFound := func() { writeError(w, http.StatusNotFound, "terms "+strconv.FormatInt(id, 10)+" not found") }
	switch r.Method {
	case http.MethodGet:
		s.mu.Lock()
		var out map[string]any
		if t := s.terms[id]; t != nil {
			out = s.termsJSON(r, t)
		}
		s.mu.Unlock()
		if out == nil {
			notFound()
			return
		}
		writeData(w, out)
	case http.MethodPut, http.MethodPost:
		// The reference's "Modify terms with PUT" example sends POST
		// /terms/{id} and gets 200: both verbs update.
		fields, ok := decodeBody(w, r)
		if !ok {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		t := s.terms[id]
		if t == nil {
			notFound()
			return
		}
		updated := *t
		if v := applyTerms(&updated, fields, false); v != nil {
			writeValidation(w, v)
			return
		}
		*t = updated
		writeData(w, s.termsJSON(r, t))
	case http.MethodDelete:
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.terms[id] == nil {
			notFound()
			return
		}
		for _, referenced := range termsReferences {
			if referenced(s, id) {
				writeError(w, http.StatusConflict, "terms is referenced by other entities")
				return
			}
		}
		delete(s.terms, id)
		w.WriteHeader(http.StatusNoContent)
	default:
		s.methodNotAllowed(w, r)
	}
}

// applyTerms copies POST/PUT fields onto t: on POST name and content are
// both required; on PUT each is optional but may not be blanked.
func applyTerms(t *terms, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	for _, field := range []struct {
		key string
		dst *string
	}{{"name", &t.Name}, {"content", &t.Content}} {
		raw, present := f[field.key]
		if !present && !create {
			continue
		}
		var val string
		if err := json.Unmarshal(raw, &val); err != nil || strings.TrimSpace(val) == "" {
			v[field.key] = append(v[field.key], field.key+" is required")
			continue
		}
		*field.dst = val
	}
	if len(v) > 0 {
		return v
	}
	return nil
}
