package servicetrade

import (
	"encoding/json"
	"net/http"
)

// terms is a set of terms and conditions (job, quote, invoice terms).
type terms struct {
	ID            int64
	Name, Content string
	// AccountDefaults names the account settings (/accountsettings
	// changeOrderTermsId, jobTermsId, quoteTermsId, invoiceTermsId) whose
	// default these terms are. Account settings are read-only in the API
	// (POST, PUT and DELETE 405), so only the seed sets them.
	AccountDefaults []string
}

// seedAccountDefaults are the account settings that point at the second
// seeded terms ("Net 30 Job Terms"): a real account has default terms, and
// the API cannot change them, so those terms can never be deleted through
// it (409).
var seedAccountDefaults = []string{"jobTermsId", "invoiceTermsId"}

var seedTermsContent = []string{
	"Work is performed in accordance with NFPA standards. Payment is due upon completion unless otherwise agreed in writing.",
	"Payment is due within 30 days of the invoice date. Late payments accrue interest at 1.5% per month.",
}

func (s *Server) seedTerms() {
	for i, name := range SeedTerms {
		t := &terms{ID: s.newID(), Name: name, Content: seedTermsContent[i%len(seedTermsContent)]}
		if i == 1 {
			t.AccountDefaults = seedAccountDefaults
		}
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
	// Terms that are one of the account's defaults cannot be deleted
	// either: [ST] lists account settings among what refers to terms, and
	// its 409 does not say which entity refers to them.
	termsReferences = append(termsReferences, func(s *Server, termsID int64) bool {
		t := s.terms[termsID]
		return t != nil && len(t.AccountDefaults) > 0
	})
}

func (s *Server) termsJSON(r *http.Request, t *terms) map[string]any {
	return map[string]any{"id": t.ID, "uri": s.uri(r, "terms", t.ID), "name": t.Name, "content": t.Content}
}

func (s *Server) termsCollection(w http.ResponseWriter, r *http.Request) {
	s.serveCollection(w, r, collectionVerbs{
		// "No query parameters are supported. An index call will return
		// all terms in your account."
		list: func() { writeList(s, w, r, "terms", s.terms, nil, s.termsJSON) },
		create: func(fields map[string]json.RawMessage) {
			t := &terms{}
			if v := applyTerms(t, fields, true); v != nil {
				writeValidation(w, v)
				return
			}
			t.ID = s.newID()
			s.terms[t.ID] = t
			writeData(w, s.termsJSON(r, t))
		},
		refuse: func() {
			if r.Method != http.MethodDelete {
				s.methodNotAllowed(w, r)
				return
			}
			// Documented as 403 "not allowed", not 405.
			writeError(w, http.StatusForbidden, "not allowed")
		},
	})
}

func (s *Server) termsItem(w http.ResponseWriter, r *http.Request) {
	update := func(t *terms, fields map[string]json.RawMessage) {
		updated := *t
		if v := applyTerms(&updated, fields, false); v != nil {
			writeValidation(w, v)
			return
		}
		*t = updated
		writeData(w, s.termsJSON(r, t))
	}
	serveByID(s, w, r, "terms", s.terms, objectVerbs[terms]{
		get: func(t *terms) { writeData(w, s.termsJSON(r, t)) },
		// The reference's "Modify terms with PUT" example sends POST
		// /terms/{id} and gets 200: both verbs update.
		put:  update,
		post: update,
		delete: func(t *terms) {
			for _, referenced := range termsReferences {
				if referenced(s, t.ID) {
					writeError(w, http.StatusConflict, "terms is referenced by other entities")
					return
				}
			}
			delete(s.terms, t.ID)
			w.WriteHeader(http.StatusNoContent)
		},
	})
}

// applyTerms copies POST/PUT fields onto t: on POST name and content are
// both required; on PUT each is optional but may not be blanked.
func applyTerms(t *terms, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	requiredString(f, v, "name", create, &t.Name)
	requiredString(f, v, "content", create, &t.Content)
	return problems(v)
}
