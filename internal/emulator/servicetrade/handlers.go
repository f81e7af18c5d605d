package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// The shapes the resource handlers share: which verbs a path answers, how a
// path finds the object it names (or answers 404), and how a collection
// lists. Each resource file keeps only what is its own: its fields, how it
// renders, what it validates, and the quirks of its section of the
// reference.

// getOnly answers every verb but GET on a path of read-only reference data,
// and reports whether the request is a GET: the verbs in notEmulated are
// documented but never used by the provider (501, see writeNotEmulated);
// any other verb is the API's 405.
func (s *Server) getOnly(w http.ResponseWriter, r *http.Request, notEmulated ...string) bool {
	switch {
	case r.Method == http.MethodGet:
		return true
	case slices.Contains(notEmulated, r.Method):
		writeNotEmulated(w, r)
	default:
		s.methodNotAllowed(w, r)
	}
	return false
}

// getSeeded answers /<kind>/{id} of read-only reference data: a
// non-numeric id is a 404 whatever the verb, other verbs than GET go to
// getOnly, and a GET answers the object as render shows it, or 404 "<what>
// <id> not found".
func getSeeded[T any](s *Server, w http.ResponseWriter, r *http.Request, what string, objects map[int64]*T, render func(*http.Request, *T) map[string]any, notEmulated ...string) {
	id, ok := pathID(w, r, what)
	if !ok || !s.getOnly(w, r, notEmulated...) {
		return
	}
	serveObject(s, w, r, byID(objects, what, id), objectVerbs[T]{
		get: func(obj *T) { writeData(w, render(r, obj)) },
	})
}

// collectionVerbs is what a collection that clients add to does: list
// answers GET and create a POST, both with s.mu held (a POST's body is
// decoded first: malformed, 400). Any other verb goes to refuse, or is the
// API's 405 when refuse is nil.
type collectionVerbs struct {
	list   func()
	create func(fields map[string]json.RawMessage)
	refuse func()
}

// serveCollection answers a request on a collection as verbs says.
func (s *Server) serveCollection(w http.ResponseWriter, r *http.Request, verbs collectionVerbs) {
	switch r.Method {
	case http.MethodGet:
		s.mu.Lock()
		defer s.mu.Unlock()
		verbs.list()
	case http.MethodPost:
		fields, ok := decodeBody(w, r)
		if !ok {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		verbs.create(fields)
	default:
		if verbs.refuse != nil {
			verbs.refuse()
		} else {
			s.methodNotAllowed(w, r)
		}
	}
}

// objectVerbs is what a path naming one object does with each verb. Each
// function is called with s.mu held, once the object is found; a verb
// without one is the API's 405.
type objectVerbs[T any] struct {
	get    func(obj *T)
	put    func(obj *T, fields map[string]json.RawMessage)
	post   func(obj *T, fields map[string]json.RawMessage)
	delete func(obj *T)
}

// serveObject answers a request on the object a path names, in the order
// every such path checks: a verb the path does not take is a 405; a PUT or
// POST body is decoded next (malformed: 400, before any 404); then, with
// s.mu held, find gives the object, or the message of the 404 when there is
// none, and the verb's function answers.
func serveObject[T any](s *Server, w http.ResponseWriter, r *http.Request, find func() (*T, string), verbs objectVerbs[T]) {
	var plain func(*T)
	var withBody func(*T, map[string]json.RawMessage)
	switch r.Method {
	case http.MethodGet:
		plain = verbs.get
	case http.MethodDelete:
		plain = verbs.delete
	case http.MethodPut:
		withBody = verbs.put
	case http.MethodPost:
		withBody = verbs.post
	}
	if plain == nil && withBody == nil {
		s.methodNotAllowed(w, r)
		return
	}
	var fields map[string]json.RawMessage
	if withBody != nil {
		var ok bool
		if fields, ok = decodeBody(w, r); !ok {
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	obj, notFound := find()
	if obj == nil {
		writeError(w, http.StatusNotFound, notFound)
		return
	}
	if withBody != nil {
		withBody(obj, fields)
	} else {
		plain(obj)
	}
}

// serveByID is serveObject for /<kind>/{id}: a non-numeric id is a 404
// whatever the verb (pathID), an unknown one "<what> <id> not found".
func serveByID[T any](s *Server, w http.ResponseWriter, r *http.Request, what string, objects map[int64]*T, verbs objectVerbs[T]) {
	if id, ok := pathID(w, r, what); ok {
		serveObject(s, w, r, byID(objects, what, id), verbs)
	}
}

// byID is the find function of serveObject for objects[id], whose 404 says
// "<what> <id> not found".
func byID[T any](objects map[int64]*T, what string, id int64) func() (*T, string) {
	return func() (*T, string) { return objects[id], fmt.Sprintf("%s %d not found", what, id) }
}

// collect renders the objects that keep accepts (all of them when keep is
// nil) in ascending id order, which is creation order and the order of
// every list. It never returns nil. Called with s.mu held.
func collect[T any](r *http.Request, objects map[int64]*T, keep func(*T) bool, render func(*http.Request, *T) map[string]any) []map[string]any {
	out := []map[string]any{}
	for _, id := range sortedKeys(objects) {
		if obj := objects[id]; keep == nil || keep(obj) {
			out = append(out, render(r, obj))
		}
	}
	return out
}

// writeList answers GET on a collection: what collect finds, cut into the
// page asked for, under listKey. Called with s.mu held.
func writeList[T any](s *Server, w http.ResponseWriter, r *http.Request, listKey string, objects map[int64]*T, keep func(*T) bool, render func(*http.Request, *T) map[string]any) {
	writeData(w, page(s, r, listKey, collect(r, objects, keep, render), 0))
}

func sortedKeys[V any](m map[int64]V) []int64 {
	keys := make([]int64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// boolParam reads a boolean query parameter the way the API documents them
// ("true" or "1").
func boolParam(v string) bool { return v == "true" || v == "1" }

// parseIDList reads a comma-delimited list of ids, skipping what is not a
// number.
func parseIDList(v string) []int64 {
	var ids []int64
	for _, part := range strings.Split(v, ",") {
		if id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// splitList reads a comma-delimited list of lowercase words.
func splitList(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		if p := strings.ToLower(strings.TrimSpace(part)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// timeWindow is the createdAfter, createdBefore, updatedAfter and
// updatedBefore filters of a list, each bound inclusive, nil when not
// given.
type timeWindow struct{ createdAfter, createdBefore, updatedAfter, updatedBefore *int64 }

// readTimeWindow reads those of the window's parameters that names lists
// (a list documents some of them); one that is not an integer is a
// validation problem added to v.
func readTimeWindow(q url.Values, v map[string][]string, names ...string) timeWindow {
	var tw timeWindow
	bounds := map[string]**int64{"createdAfter": &tw.createdAfter, "createdBefore": &tw.createdBefore, "updatedAfter": &tw.updatedAfter, "updatedBefore": &tw.updatedBefore}
	for _, name := range names {
		raw := q.Get(name)
		if raw == "" {
			continue
		}
		ts, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			v[name] = []string{name + " must be a Unix timestamp"}
			continue
		}
		*bounds[name] = &ts
	}
	return tw
}

// holds reports whether a record created and last updated at these times
// is within the window.
func (tw timeWindow) holds(created, updated int64) bool {
	return (tw.createdAfter == nil || created >= *tw.createdAfter) &&
		(tw.createdBefore == nil || created <= *tw.createdBefore) &&
		(tw.updatedAfter == nil || updated >= *tw.updatedAfter) &&
		(tw.updatedBefore == nil || updated <= *tw.updatedBefore)
}

// empty reports whether the window has no bound.
func (tw timeWindow) empty() bool { return tw == timeWindow{} }
