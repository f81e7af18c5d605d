package servicetrade

import (
	"net/http"
)

// paymentTerms is read-only reference data (GET only; POST, PUT and DELETE
// are documented as 405).
type paymentTerms struct {
	ID         int64
	Name       string
	OrderIndex int
}

func (s *Server) seedPaymentTerms() {
	names := append(append([]string{}, SeedPaymentTerms...), DuplicatePaymentTerms, DuplicatePaymentTerms)
	for i, name := range names {
		p := &paymentTerms{ID: s.newID(), Name: name, OrderIndex: i + 1}
		s.paymentTerms[p.ID] = p
	}
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/paymentterms", s.protected(s.paymentTermsCollection))
		mux.HandleFunc("/paymentterms/{id}", s.protected(s.paymentTermsItem))
	})
}

func (s *Server) paymentTermsJSON(r *http.Request, p *paymentTerms) map[string]any {
	return map[string]any{"id": p.ID, "uri": s.uri(r, "paymentterms", p.ID), "name": p.Name, "orderIndex": p.OrderIndex}
}

func (s *Server) paymentTermsCollection(w http.ResponseWriter, r *http.Request) {
	if !s.getOnly(w, r) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// The field table names the list "paymentterms", but the reference's
	// example answers with "paymenttermss" (see the errata); the emulator
	// follows the example.
	writeList(s, w, r, "paymenttermss", s.paymentTerms, nil, s.paymentTermsJSON)
}

func (s *Server) paymentTermsItem(w http.ResponseWriter, r *http.Request) {
	getSeeded(s, w, r, "paymentterms", s.paymentTerms, s.paymentTermsJSON)
}
