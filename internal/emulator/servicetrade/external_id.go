package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
)

// External ids (/externalid) map a ServiceTrade entity to its id in an
// external system, by the system's name: one value per (entity type,
// entity id, system name). The reference's rough edges, reproduced:
//
//   - /externalid and /externalid/{known type} answer 405, an unknown type
//     404 "invalid entity type";
//   - there is no DELETE (405); a PUT of the empty string removes a value;
//   - POST and PUT both "set" the value: POST replaces an existing one
//     without a word;
//   - the entity types are string path segments, and /externalid/{type}/
//     {a}/{b} is either {entityId}/{systemName} or {systemName}/{value}.

// ExternalIDEntityTypes are the documented entity types.
var ExternalIDEntityTypes = []string{"asset", "company", "contact", "contract", "deficiency", "location", "job", "jobitem", "libitem", "quote", "user"}

// externalIDKey is where a value is kept. It names the system by name: the
// system is looked up at each request, so that a system removed out of
// band makes its values unreachable (404) rather than orphaned.
type externalIDKey struct {
	Type   string
	ID     int64
	System string
}

// SeedExternalID is a value every emulated account starts with, so that
// imports and data sources see external ids that Terraform did not set.
type SeedExternalID struct {
	// Type is the entity type; Entity the seeded object's name (a company's
	// or a lib item's).
	Type, Entity, System, Value string
}

// SeedExternalIDs are the seeded values: the reference's company example
// value, in the seeded Peachtree system, and an accounting code for a lib
// item in Sage Timberline.
var SeedExternalIDs = []SeedExternalID{
	{Type: "company", Entity: SeedCustomerCompanies[0], System: SeedExternalSystems[0], Value: "AB-376"},
	{Type: "libitem", Entity: SeedLibItems[0].Name, System: SeedExternalSystems[1], Value: "CCW-ZF-1001"},
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.externalIDs = map[externalIDKey]string{}
		mux.HandleFunc("/externalid", s.protected(s.methodNotAllowed))
		mux.HandleFunc("/externalid/{type}", s.protected(s.externalIDType))
		mux.HandleFunc("/externalid/{type}/{a}", s.protected(s.externalIDEntity))
		mux.HandleFunc("/externalid/{type}/{a}/{rest...}", s.protected(s.externalIDItem))
	})
	builtinSeeds = append(builtinSeeds, (*Server).seedExternalIDs)
}

// seedExternalIDs seeds SeedExternalIDs. Companies and lib items are
// seeded before; the systems are named, not looked up (see externalIDKey),
// since external_system.go seeds later.
func (s *Server) seedExternalIDs() {
	for _, seed := range SeedExternalIDs {
		var id int64
		switch seed.Type {
		case "company":
			id = s.companyByName(seed.Entity).ID
		case "libitem":
			for _, li := range s.libItems {
				if li.Name == seed.Entity && (id == 0 || li.ID < id) {
					id = li.ID
				}
			}
		}
		s.externalIDs[externalIDKey{seed.Type, id, seed.System}] = seed.Value
	}
}

// RemoveExternalID removes a value behind Terraform's back (as a user of
// the ServiceTrade web app would), reporting whether there was one. A test
// hook; through the API, a PUT of "" does the same.
func (s *Server) RemoveExternalID(entityType string, entityID int64, systemName string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := externalIDKey{entityType, entityID, systemName}
	_, ok := s.externalIDs[k]
	delete(s.externalIDs, k)
	return ok
}

// externalIDType answers /externalid/{type}: 405 for a documented type,
// whatever the verb (the reference lists GET; the emulator refuses the
// others the same way), 404 for another.
func (s *Server) externalIDType(w http.ResponseWriter, r *http.Request) {
	if !slices.Contains(ExternalIDEntityTypes, r.PathValue("type")) {
		writeError(w, http.StatusNotFound, "invalid entity type")
		return
	}
	writeError(w, http.StatusMethodNotAllowed, "not allowed")
}

// externalIDEntity answers /externalid/{type}/{id}: GET returns every
// value of the entity, by system name. Other verbs are 405 (POST and PUT
// need a system name). Not documented: a non-numeric id is a 404 like an
// unknown entity; an entity without values answers "values": [] (PHP's
// empty array), not {}.
func (s *Server) externalIDEntity(w http.ResponseWriter, r *http.Request) {
	typ := r.PathValue("type")
	if !slices.Contains(ExternalIDEntityTypes, typ) {
		writeError(w, http.StatusNotFound, "invalid entity type")
		return
	}
	if r.Method != http.MethodGet {
		writeError(w, http.StatusMethodNotAllowed, "not allowed")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id, err := strconv.ParseInt(r.PathValue("a"), 10, 64)
	if err != nil || !s.externalIDEntityExists(typ, id) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s %s not found", typ, r.PathValue("a")))
		return
	}
	values := s.externalIDValues(typ, id)
	if len(values) == 0 {
		writeData(w, map[string]any{"values": []any{}})
		return
	}
	writeData(w, map[string]any{"values": values})
}

// externalIDItem answers /externalid/{type}/{a}/{rest}. A numeric a is an
// entity id and rest a system name; otherwise a is a system name and rest
// the value to look up, which the query's value gives when rest is empty
// (/externalid/{type}/{system}/?value=…). Not documented: how the API tells
// the two forms apart; the emulator goes by whether a is a whole number, so
// a system whose name is a number cannot be used in the path form of the
// reverse look-up.
func (s *Server) externalIDItem(w http.ResponseWriter, r *http.Request) {
	typ, a, rest := r.PathValue("type"), r.PathValue("a"), r.PathValue("rest")
	if id, err := strconv.ParseInt(a, 10, 64); err == nil && rest != "" {
		s.externalIDValue(w, r, typ, id, rest)
		return
	}
	value := rest
	if rest == "" {
		value = r.URL.Query().Get("value")
	}
	s.externalIDLookup(w, r, typ, a, value)
}

// externalIDValue answers /externalid/{type}/{id}/{system}: GET reads the
// value, POST and PUT set it, DELETE is 405.
func (s *Server) externalIDValue(w http.ResponseWriter, r *http.Request, typ string, id int64, system string) {
	switch r.Method {
	case http.MethodGet, http.MethodPost, http.MethodPut:
	default:
		// Documented: DELETE is 405 "not allowed", value or not.
		writeError(w, http.StatusMethodNotAllowed, "not allowed")
		return
	}
	if !slices.Contains(ExternalIDEntityTypes, typ) {
		writeError(w, http.StatusNotFound, "invalid entity type")
		return
	}
	var fields map[string]json.RawMessage
	if r.Method != http.MethodGet {
		var ok bool
		if fields, ok = decodeBody(w, r); !ok {
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.externalIDEntityExists(typ, id) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s %d not found", typ, id))
		return
	}
	if s.externalSystemNamed(system) == nil {
		writeError(w, http.StatusNotFound, "no external system with that name was found")
		return
	}
	k := externalIDKey{typ, id, system}
	if r.Method == http.MethodGet {
		// Not documented: an entity without a value in the system answers
		// 200 with "value": null (the entity and the system exist; only
		// the value does not), not 404.
		writeExternalIDValue(w, s.externalIDs, k)
		return
	}
	// The body's value; entityType, entityId and systemName are the
	// path's, and a copy of them in the body is ignored. syncId links the
	// value to an externalSync record, which the emulator does not have:
	// it is checked to be a whole number and otherwise ignored.
	v := map[string][]string{}
	var value string
	raw, sent := fields["value"]
	if !sent || json.Unmarshal(raw, &value) != nil {
		// Not documented: "value" is "Required: No", yet without it there
		// is nothing to set; the emulator refuses it (400) rather than
		// guess a removal.
		v["value"] = append(v["value"], "value must be a string")
	} else if value == "" && r.Method == http.MethodPost {
		// Documented for PUT only: "If an empty string is given for a PUT,
		// the existing value will be removed". The emulator refuses an
		// empty value on POST (400) rather than remove.
		v["value"] = append(v["value"], "value is required")
	}
	if raw, ok := fields["syncId"]; ok {
		var syncID int64
		if json.Unmarshal(raw, &syncID) != nil {
			v["syncId"] = append(v["syncId"], "syncId must be an integer")
		}
	}
	if len(v) > 0 {
		writeValidation(w, v)
		return
	}
	if value == "" {
		delete(s.externalIDs, k)
	} else {
		s.externalIDs[k] = value
	}
	writeExternalIDValue(w, s.externalIDs, k)
}

func writeExternalIDValue(w http.ResponseWriter, values map[externalIDKey]string, k externalIDKey) {
	if v, ok := values[k]; ok {
		writeData(w, map[string]any{"value": v})
		return
	}
	writeData(w, map[string]any{"value": nil})
}

// externalIDLookup answers /externalid/{type}/{system}/{value}: GET returns
// the entity the system identifies by value, as its own GET shows it, with
// its externalIds; POST, PUT and DELETE are 405. Not documented: values
// are compared exactly (case and spaces); the API does not say that a
// value is unique to one entity, and when several entities carry it the
// emulator returns the one with the lowest id, without a word (the
// reverse look-up cannot tell that others exist); an unknown system is
// "no external system with that name was found" as on the other paths;
// an empty value matches nothing.
func (s *Server) externalIDLookup(w http.ResponseWriter, r *http.Request, typ, system, value string) {
	if r.Method != http.MethodGet {
		writeError(w, http.StatusMethodNotAllowed, "not allowed")
		return
	}
	if !slices.Contains(ExternalIDEntityTypes, typ) {
		writeError(w, http.StatusNotFound, "invalid entity type")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.externalSystemNamed(system) == nil {
		writeError(w, http.StatusNotFound, "no external system with that name was found")
		return
	}
	var found int64
	for k, v := range s.externalIDs {
		if k.Type == typ && k.System == system && v == value && value != "" && s.externalIDEntityExists(typ, k.ID) && (found == 0 || k.ID < found) {
			found = k.ID
		}
	}
	if found == 0 {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no %s object was found in %s identified by '%s'", typ, system, value))
		return
	}
	obj := s.externalIDEntityJSON(r, typ, found)
	obj["externalIds"] = s.externalIDValues(typ, found)
	writeData(w, obj)
}

// externalIDValues are the entity's values by system name, for systems
// that exist. Called with s.mu held.
func (s *Server) externalIDValues(typ string, id int64) map[string]string {
	out := map[string]string{}
	for k, v := range s.externalIDs {
		if k.Type == typ && k.ID == id && s.externalSystemNamed(k.System) != nil {
			out[k.System] = v
		}
	}
	return out
}

func (s *Server) externalSystemNamed(name string) *externalSystem {
	for _, es := range s.externalSystems {
		if es.Name == name {
			return es
		}
	}
	return nil
}

// externalIDEntityExists reports whether the entity exists. The emulator
// keeps companies, locations, users, lib items and contracts; it has no
// assets, contacts, deficiencies, jobs, job items or quotes, so for those
// types every id is an unknown entity (404), as in an account that has
// none. Inactive and deactivated objects exist. Called with s.mu held.
func (s *Server) externalIDEntityExists(typ string, id int64) bool {
	switch typ {
	case "company":
		return s.companies[id] != nil
	case "location":
		return s.locations[id] != nil
	case "user":
		return s.users[id] != nil
	case "libitem":
		return s.libItems[id] != nil
	case "contract":
		return s.contracts[id] != nil
	}
	return false
}

// externalIDEntityJSON renders an existing entity as its own GET does.
func (s *Server) externalIDEntityJSON(r *http.Request, typ string, id int64) map[string]any {
	switch typ {
	case "company":
		return s.companyJSON(r, s.companies[id])
	case "location":
		return s.locationJSON(r, s.locations[id])
	case "user":
		return s.userJSON(r, s.users[id])
	case "libitem":
		return s.libItemJSON(r, s.libItems[id])
	case "contract":
		return s.contractJSON(r, s.contracts[id])
	}
	return map[string]any{"id": id}
}
