package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// externalSystem is an accounting or other system ServiceTrade syncs with
// (/externalsystem). It has no "uri" and cannot be deleted (405).
type externalSystem struct {
	ID            int64
	Name          string
	Label         string
	Type          string
	SyncableTypes []string
	Created       int64
	Updated       int64
}

// ExternalSystemTypes are the documented system types; "standard" is the
// default.
var ExternalSystemTypes = []string{"standard", "quickbooks", "intacct", "nearbynow", "dcspectrum", "fattmerchant"}

// SeedExternalSystems are the systems every emulated account starts with,
// as in the reference's list example, so that imports and the plural data
// source see systems that Terraform did not create.
var SeedExternalSystems = []string{"peachtree", "timberline"}

// standardSyncableTypes are what a standard system may sync. The POST/PUT
// parameter says "May include: 'invoice'" while the returned element says
// "May include: 'invoice', 'job'"; the emulator accepts both values on
// standard systems (a plausible reading) and refuses anything else.
var standardSyncableTypes = []string{"invoice", "job"}

// computedSyncableTypes is what the server reports for non-standard
// systems, where syncableTypes is "computed based on the system type and
// configuration". The docs give no values: these are guesses (accounting
// integrations sync invoices, and QuickBooks and DC Spectrum jobs too; the
// field and payment integrations one kind each).
var computedSyncableTypes = map[string][]string{
	"quickbooks":   {"invoice", "job"},
	"intacct":      {"invoice"},
	"nearbynow":    {"job"},
	"dcspectrum":   {"invoice", "job"},
	"fattmerchant": {"invoice"},
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.externalSystems = map[int64]*externalSystem{}
		mux.HandleFunc("/externalsystem", s.protected(s.externalSystemCollection))
		mux.HandleFunc("/externalsystem/{id}", s.protected(s.externalSystemItem))
	})
	builtinSeeds = append(builtinSeeds, (*Server).seedExternalSystems)
}

// seedExternalSystems seeds the reference's list example, with its
// timestamps.
func (s *Server) seedExternalSystems() {
	s.seedExternalSystem(&externalSystem{Name: SeedExternalSystems[0], Label: "Peachtree", Type: "standard", SyncableTypes: []string{}, Created: 1555970058, Updated: 1555970058})
	s.seedExternalSystem(&externalSystem{Name: SeedExternalSystems[1], Label: "Sage Timberline", Type: "standard", SyncableTypes: []string{"invoice"}, Created: 1555970758, Updated: 1555970758})
}

func (s *Server) seedExternalSystem(es *externalSystem) {
	es.ID = s.newID()
	s.externalSystems[es.ID] = es
}

// RemoveExternalSystem deletes an external system behind the API's back, as
// only ServiceTrade support could (the API answers DELETE with 405). It is a
// test hook for "deleted out of band"; it reports whether the system existed.
func (s *Server) RemoveExternalSystem(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.externalSystems[id]
	delete(s.externalSystems, id)
	return ok
}

// externalSystemJSON renders a system. There is no "uri", and "properties"
// (read-only settings whose keys depend on the type) is absent from every
// example, so the emulator leaves it out too. (It takes the request, which
// it does not need, to render as every other resource does.)
func externalSystemJSON(_ *http.Request, es *externalSystem) map[string]any {
	types := es.SyncableTypes
	if types == nil {
		types = []string{}
	}
	return map[string]any{
		"id": es.ID, "name": es.Name, "label": es.Label, "type": es.Type,
		"syncableTypes": types, "created": es.Created, "updated": es.Updated,
	}
}

func (s *Server) externalSystemCollection(w http.ResponseWriter, r *http.Request) {
	s.serveCollection(w, r, collectionVerbs{
		// Quirk: the list is a bare array in "data", with no totalPages,
		// page or list key, and so is never paginated.
		list: func() { writeData(w, collect(r, s.externalSystems, nil, externalSystemJSON)) },
		create: func(fields map[string]json.RawMessage) {
			es := &externalSystem{Type: "standard"}
			v := map[string][]string{}
			if requiredString(fields, v, "name", true, &es.Name) {
				// Not documented: the name is the system's key in
				// /externalid/{entity}/{id}/{systemName}, so the emulator
				// keeps it unique, as the real API plausibly does.
				for _, other := range s.externalSystems {
					if other.Name == es.Name {
						v["name"] = append(v["name"], fmt.Sprintf("an external system named %q already exists", es.Name))
					}
				}
			}
			oneOf(fields, v, "type", false, ExternalSystemTypes, "type must be one of "+strings.Join(ExternalSystemTypes, ", "), &es.Type)
			applyExternalSystem(es, fields, v, true)
			if len(v) > 0 {
				writeValidation(w, v)
				return
			}
			if es.Type != "standard" {
				es.SyncableTypes = slices.Clone(computedSyncableTypes[es.Type])
			}
			es.ID, es.Created, es.Updated = s.newRecord()
			s.externalSystems[es.ID] = es
			writeData(w, externalSystemJSON(r, es))
		},
	})
}

func (s *Server) externalSystemItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "external system")
	if !ok {
		return
	}
	if r.Method == http.MethodDelete {
		// Documented: 405 "DELETE action not yet implemented", whether or
		// not the system exists.
		writeError(w, http.StatusMethodNotAllowed, "DELETE action not yet implemented")
		return
	}
	// A GET or PUT on an unknown system is not documented for this
	// resource; 404 like every other one.
	serveObject(s, w, r, byID(s.externalSystems, "external system", id), objectVerbs[externalSystem]{
		get: func(es *externalSystem) { writeData(w, externalSystemJSON(r, es)) },
		put: func(es *externalSystem, fields map[string]json.RawMessage) {
			// PUT is a partial update of label and syncableTypes. The type
			// "cannot be changed for existing systems": a different type is
			// a 400 (the same type is accepted as a no-op). The name is not
			// documented as immutable but it keys every external id; the
			// PUT example omits it, and the emulator treats it like the
			// type: a different name is refused with 400, the same name is
			// a no-op.
			v := map[string][]string{}
			for _, f := range []struct {
				key, current string
			}{{"name", es.Name}, {"type", es.Type}} {
				raw, sent := fields[f.key]
				if !sent {
					continue
				}
				var got string
				if err := json.Unmarshal(raw, &got); err != nil || got != f.current {
					v[f.key] = append(v[f.key], fmt.Sprintf("%s cannot be changed for existing systems", f.key))
				}
			}
			updated := *es
			applyExternalSystem(&updated, fields, v, false)
			if len(v) > 0 {
				writeValidation(w, v)
				return
			}
			// updated is a Unix time in seconds; it moves forward on every
			// PUT even within the same second, so that a change is always
			// visible.
			updated.Updated = max(time.Now().Unix(), es.Updated+1)
			*es = updated
			writeData(w, externalSystemJSON(r, es))
		},
	})
}

// applyExternalSystem copies label (required on create) and syncableTypes
// onto es (whose Type is already settled) and records validation errors.
// syncableTypes is writable for standard systems only; for the others it is
// "a read-only value", and sending it is refused with 400 rather than
// silently ignored.
func applyExternalSystem(es *externalSystem, f map[string]json.RawMessage, v map[string][]string, create bool) {
	requiredString(f, v, "label", create, &es.Label)
	raw, ok := f["syncableTypes"]
	if !ok {
		if es.SyncableTypes == nil {
			es.SyncableTypes = []string{}
		}
		return
	}
	if es.Type != "standard" {
		v["syncableTypes"] = append(v["syncableTypes"], "syncableTypes can only be set for 'standard' systems")
		return
	}
	var types []string
	if err := json.Unmarshal(raw, &types); err != nil {
		v["syncableTypes"] = append(v["syncableTypes"], "syncableTypes must be an array of strings")
		return
	}
	clean := []string{}
	for _, t := range types {
		if !slices.Contains(standardSyncableTypes, t) {
			v["syncableTypes"] = append(v["syncableTypes"], fmt.Sprintf("%q is not a syncable type (allowed: %s)", t, strings.Join(standardSyncableTypes, ", ")))
			continue
		}
		// Not documented: duplicates collapse, as in a set (plausible).
		if !slices.Contains(clean, t) {
			clean = append(clean, t)
		}
	}
	es.SyncableTypes = clean
}
