package servicetrade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// tag is a label of the account (/tag). Names are unique, compared
// ignoring case. Attachments to entities are not modelled: the emulator
// answers the entity forms of the calls with 501 (writeNotEmulated).
type tag struct {
	ID   int64
	Name string
}

// SeedTags are the tags every emulated account starts with (the first two
// are the reference's examples), so that imports, the natural-key check
// and the plural data source see tags that Terraform did not create.
var SeedTags = []string{"Mall", "CallManagerFirst", "After Hours"}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.tags = map[int64]*tag{}
		mux.HandleFunc("/tag", s.protected(s.tagCollection))
		mux.HandleFunc("/tag/{id}", s.protected(s.tagItem))
		// Merge is documented but the provider never merges.
		mux.HandleFunc("/tag/{id}/merge", s.protected(writeNotEmulated))
	})
	builtinSeeds = append(builtinSeeds, func(s *Server) {
		for _, name := range SeedTags {
			s.InsertTag(name)
		}
	})
}

// InsertTag adds a tag named name whatever the names of the others, and
// returns its id. It seeds the account; tests use it to make what the API
// itself never makes here (two tags whose names differ only in case, as an
// account would have if ServiceTrade compared tag names case-sensitively,
// which the reference does not rule out).
func (s *Server) InsertTag(name string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := &tag{ID: s.newID(), Name: name}
	s.tags[t.ID] = t
	return t.ID
}

func (s *Server) tagJSON(r *http.Request, t *tag) map[string]any {
	// Nothing is attached to any tag here, so ?counts=1 adds nothing: the
	// reference's list example leaves "counts" out of such a tag.
	return map[string]any{"uri": s.uri(r, "tag", t.ID), "id": t.ID, "name": t.Name}
}

// tagNamed is the tag whose name is name ignoring case, or nil; except
// skips one tag (a rename of itself). Called with s.mu held.
func (s *Server) tagNamed(name string, except int64) *tag {
	for _, id := range sortedKeys(s.tags) {
		if t := s.tags[id]; id != except && strings.EqualFold(t.Name, name) {
			return t
		}
	}
	return nil
}

// entityParams reports whether the request names an entity (to attach a
// tag to, remove it from, or list the tags of), which the emulator does
// not model.
func entityParams(r *http.Request) bool {
	q := r.URL.Query()
	return q.Has("entityId") || q.Has("entityType")
}

// tagParams reads the parameters of a tag POST or DELETE: the query string
// (as every example of the section passes them) and, when the body is a
// JSON object, its members (as the API's other POSTs take them); the query
// wins when both give one. A malformed body is a 400 (ok false).
func tagParams(w http.ResponseWriter, r *http.Request) (map[string]string, bool) {
	params := map[string]string{}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "reading the request body failed")
		return nil, false
	}
	if len(bytes.TrimSpace(body)) > 0 {
		fields := map[string]json.RawMessage{}
		if err := json.Unmarshal(body, &fields); err != nil {
			writeError(w, http.StatusBadRequest, "malformed request body: "+err.Error())
			return nil, false
		}
		for k, raw := range fields {
			var str string
			if json.Unmarshal(raw, &str) == nil {
				params[k] = str
				continue
			}
			var n json.Number
			if json.Unmarshal(raw, &n) == nil {
				params[k] = n.String()
			}
		}
	}
	for k, v := range r.URL.Query() {
		if len(v) > 0 {
			params[k] = v[0]
		}
	}
	return params, true
}

func (s *Server) tagCollection(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		if entityParams(r) {
			writeNotEmulated(w, r)
			return
		}
		// "return tags with names containing this text": a substring match
		// ignoring case, as the reference's other name filters say.
		name := strings.ToLower(r.URL.Query().Get("name"))
		s.mu.Lock()
		defer s.mu.Unlock()
		writeList(s, w, r, "tags", s.tags, func(t *tag) bool { return strings.Contains(strings.ToLower(t.Name), name) }, s.tagJSON)
	case http.MethodPost:
		params, ok := tagParams(w, r)
		if !ok {
			return
		}
		if entityParams(r) || params["entityId"] != "" || params["entityType"] != "" {
			writeNotEmulated(w, r)
			return
		}
		if _, byID := params["id"]; byID {
			writeValidation(w, map[string][]string{"id": {"id applies a tag to an entity: entityId and entityType are required with it"}})
			return
		}
		name := strings.TrimSpace(params["name"])
		if name == "" {
			writeValidation(w, map[string][]string{"name": {"name is required"}})
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		// Documented: "if one by that name already exists it will be
		// returned without creating a duplicate". The match ignores case
		// (not documented; the least convenient reading), and the answer
		// is the same 200 either way.
		t := s.tagNamed(name, 0)
		if t == nil {
			t = &tag{ID: s.newID(), Name: name}
			s.tags[t.ID] = t
		}
		writeData(w, s.tagJSON(r, t))
	case http.MethodDelete:
		params, ok := tagParams(w, r)
		if !ok {
			return
		}
		if entityParams(r) || params["entityId"] != "" || params["entityType"] != "" {
			writeNotEmulated(w, r)
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		var t *tag
		switch {
		case params["id"] != "":
			id, err := strconv.ParseInt(params["id"], 10, 64)
			if err == nil {
				t = s.tags[id]
			}
			if t == nil {
				writeError(w, http.StatusNotFound, fmt.Sprintf("tag %s not found", params["id"]))
				return
			}
		case params["name"] != "":
			if t = s.tagNamed(params["name"], 0); t == nil {
				writeError(w, http.StatusNotFound, fmt.Sprintf("tag %q not found", params["name"]))
				return
			}
		default:
			writeValidation(w, map[string][]string{"id": {"id or name is required"}})
			return
		}
		s.deleteTag(w, t)
	default:
		// PUT on the collection: 405, as for every resource.
		s.methodNotAllowed(w, r)
	}
}

// deleteTag deletes t, which removes it from every entity. Called with
// s.mu held.
func (s *Server) deleteTag(w http.ResponseWriter, t *tag) {
	delete(s.tags, t.ID)
	// The response table says 204; the examples show a bare 200, which is
	// what the emulator answers (no body either way).
	w.WriteHeader(http.StatusOK)
}

func (s *Server) tagItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "tag")
	if !ok {
		return
	}
	switch r.Method {
	case http.MethodPost:
		// POST /tag/{id} applies the tag to an entity, which the emulator
		// does not model; without one it is an invalid request.
		if _, ok := tagParams(w, r); !ok {
			return
		}
		if entityParams(r) {
			writeNotEmulated(w, r)
			return
		}
		writeValidation(w, map[string][]string{"entityId": {"entityId and entityType are required"}})
		return
	case http.MethodDelete:
		if entityParams(r) {
			writeNotEmulated(w, r)
			return
		}
	}
	serveObject(s, w, r, func() (*tag, string) { return s.tags[id], fmt.Sprintf("tag %d not found", id) }, objectVerbs[tag]{
		get: func(t *tag) { writeData(w, s.tagJSON(r, t)) },
		put: func(t *tag, fields map[string]json.RawMessage) {
			// The PUT example sends a JSON body; a name in the query string
			// is not read.
			var name string
			v := map[string][]string{}
			if !requiredString(fields, v, "name", true, &name) {
				writeValidation(w, problems(v))
				return
			}
			name = strings.TrimSpace(name)
			if other := s.tagNamed(name, t.ID); other != nil {
				// Documented: 409 "new tag name already in use". Compared
				// ignoring case, like the get-or-create; a tag may change
				// the case of its own name.
				writeError(w, http.StatusConflict, "new tag name already in use")
				return
			}
			t.Name = name
			writeData(w, s.tagJSON(r, t))
		},
		delete: func(t *tag) { s.deleteTag(w, t) },
	})
}
