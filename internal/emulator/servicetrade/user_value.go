package servicetrade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// userValue is a per-user setting (/user/{userId}/value/{valueId}, also
// /uservalue/{valueId}): a name from the reference's fixed set and a
// value, always stored and returned as a string.
type userValue struct {
	ID, UserID  int64
	Name, Value string
}

// The reference's fixed set of user value names. search-*-index stands
// for one name per list page; the reference names no page, so the
// emulator takes the narrowest reading (userValueSearchName), the one the
// provider validates.
var (
	userValueSettable = []string{"disableClock", "defaultWarehouse", "defaultEnRouteItem", "defaultJobPrepItem", "defaultOnSiteItem"}
	userValueReadOnly = []string{"lastLogin", "dismissedWelcome", "newQuotesUi"}
	// userValueSearchName is search-*-index, * a list page's name: words
	// of letters and digits joined by "-" or "_".
	userValueSearchName = regexp.MustCompile(`^search-[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*-index$`)
)

// SeedLastLogin is the lastLogin value (read-only, "Format: DateTime")
// seeded on the user the emulator's credentials authenticate as
// (Username), with dismissedWelcome "1" and disableClock "0" as in the
// reference's list example, so that imports and reads see values
// Terraform did not set.
const SeedLastLogin = "2024-05-01T17:45:00Z"

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.userValues = map[int64]*userValue{}
		mux.HandleFunc("/user/{id}/value", s.protected(s.userValueCollection))
		mux.HandleFunc("/user/{id}/value/{valueId}", s.protected(s.userValueItem))
		mux.HandleFunc("/uservalue", s.protected(s.userValueSearch))
		mux.HandleFunc("/uservalue/{id}", s.protected(s.userValueByID))
	})
	builtinSeeds = append(builtinSeeds, func(s *Server) {
		if u := s.userByUsername(Username); u != nil {
			for _, nv := range [][2]string{{"lastLogin", SeedLastLogin}, {"dismissedWelcome", "1"}, {"disableClock", "0"}} {
				v := &userValue{ID: s.newID(), UserID: u.ID, Name: nv[0], Value: nv[1]}
				s.userValues[v.ID] = v
			}
		}
	})
}

// userValueJSON renders a value; its uri is the /uservalue form, as in
// every example. Called with s.mu held.
func (s *Server) userValueJSON(r *http.Request, v *userValue) map[string]any {
	var owner map[string]any
	if u := s.users[v.UserID]; u != nil {
		owner = map[string]any{"id": u.ID, "uri": s.uri(r, "user", u.ID), "name": u.FirstName + " " + u.LastName}
	}
	return map[string]any{"id": v.ID, "uri": s.uri(r, "uservalue", v.ID), "name": v.Name, "value": v.Value, "user": owner}
}

// writeUserValues answers a list of the user's values. Called with s.mu
// held.
func (s *Server) writeUserValues(w http.ResponseWriter, r *http.Request, userID int64) {
	writeList(s, w, r, "uservalues", s.userValues, func(v *userValue) bool { return v.UserID == userID }, s.userValueJSON)
}

// /user/{id}/value: GET lists the user's values, POST sets one. 404 "user
// <id> not found" for an unknown user; PUT and DELETE are 405 (not
// documented on the collection).
func (s *Server) userValueCollection(w http.ResponseWriter, r *http.Request) {
	uid, ok := pathID(w, r, "user")
	if !ok {
		return
	}
	serveObject(s, w, r, byID(s.users, "user", uid), objectVerbs[user]{
		get:  func(u *user) { s.writeUserValues(w, r, u.ID) },
		post: func(u *user, fields map[string]json.RawMessage) { s.setUserValue(w, r, u, fields) },
	})
}

// /uservalue: GET needs userId ("userId must be specified when searching
// for user values", 404), POST takes it in the body.
func (s *Server) userValueSearch(w http.ResponseWriter, r *http.Request) {
	s.serveCollection(w, r, collectionVerbs{
		list: func() {
			raw := r.URL.Query().Get("userId")
			if raw == "" {
				writeError(w, http.StatusNotFound, "userId must be specified when searching for user values")
				return
			}
			// An unknown (or malformed) userId: the user is not found.
			uid, _ := strconv.ParseInt(raw, 10, 64)
			if s.users[uid] == nil {
				writeError(w, http.StatusNotFound, fmt.Sprintf("user %s not found", raw))
				return
			}
			s.writeUserValues(w, r, uid)
		},
		create: func(fields map[string]json.RawMessage) {
			var uid int64
			if err := json.Unmarshal(fields["userId"], &uid); err != nil || uid <= 0 {
				writeValidation(w, map[string][]string{"userId": {"userId is required"}})
				return
			}
			u := s.users[uid]
			if u == nil {
				writeError(w, http.StatusNotFound, fmt.Sprintf("user %d not found", uid))
				return
			}
			s.setUserValue(w, r, u, fields)
		},
	})
}

// /user/{id}/value/{valueId}: GET, PUT and DELETE; 404 "user <uid> not
// found, or user value <id> not found on user <uid>".
func (s *Server) userValueItem(w http.ResponseWriter, r *http.Request) {
	uid, ok := pathID(w, r, "user")
	if !ok {
		return
	}
	vid, err := strconv.ParseInt(r.PathValue("valueId"), 10, 64)
	if err != nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("user %d not found, or user value %s not found on user %d", uid, r.PathValue("valueId"), uid))
		return
	}
	find := func() (*userValue, string) {
		if v := s.userValues[vid]; s.users[uid] != nil && v != nil && v.UserID == uid {
			return v, ""
		}
		return nil, fmt.Sprintf("user %d not found, or user value %d not found on user %d", uid, vid, uid)
	}
	serveObject(s, w, r, find, objectVerbs[userValue]{
		get: func(v *userValue) { writeData(w, s.userValueJSON(r, v)) },
		put: func(v *userValue, fields map[string]json.RawMessage) { s.changeUserValue(w, r, v, fields) },
		delete: func(v *userValue) {
			// Values that are not settable cannot be deleted; DELETE
			// documents 403, 404 and 204 only.
			if !userValueNameSettable(v.Name) {
				writeError(w, http.StatusForbidden, fmt.Sprintf("do not have permission to modify user %d: user value %s is not settable", uid, v.Name))
				return
			}
			delete(s.userValues, v.ID)
			w.WriteHeader(http.StatusNoContent)
		},
	})
}

// /uservalue/{id}: GET and PUT ("user value <id> not found"). DELETE is
// documented on /user/{uid}/value/{id} only: here it is a 405.
func (s *Server) userValueByID(w http.ResponseWriter, r *http.Request) {
	serveByID(s, w, r, "user value", s.userValues, objectVerbs[userValue]{
		get: func(v *userValue) { writeData(w, s.userValueJSON(r, v)) },
		put: func(v *userValue, fields map[string]json.RawMessage) { s.changeUserValue(w, r, v, fields) },
	})
}

// setUserValue is POST: it sets the named value of u. A name the user
// already has is silently updated (same id, 200), as the reference's "Set
// a uservalue" example shows (it returns the existing id 11). Called with
// s.mu held.
func (s *Server) setUserValue(w http.ResponseWriter, r *http.Request, u *user, fields map[string]json.RawMessage) {
	v := map[string][]string{}
	sameUser(fields, v, u.ID)
	var name string
	if requiredString(fields, v, "name", true, &name) {
		checkUserValueName(v, name)
	}
	value, sent := userValueText(fields, v)
	if !sent {
		v["value"] = append(v["value"], "value is required")
	}
	if len(v) == 0 {
		checkUserValueFormat(s, v, name, value)
	}
	if problems(v) != nil {
		writeInvalid(w, "parameters invalid", v)
		return
	}
	for _, existing := range s.userValues {
		if existing.UserID == u.ID && existing.Name == name {
			existing.Value = value
			writeData(w, s.userValueJSON(r, existing))
			return
		}
	}
	created := &userValue{ID: s.newID(), UserID: u.ID, Name: name, Value: value}
	s.userValues[created.ID] = created
	writeData(w, s.userValueJSON(r, created))
}

// changeUserValue is PUT: only the value changes. A value that is not
// settable cannot be edited (400); name and userId, when sent, must be
// the value's own (the reference does not say that PUT moves or renames a
// value). A PUT without a value changes nothing. Called with s.mu held.
func (s *Server) changeUserValue(w http.ResponseWriter, r *http.Request, uv *userValue, fields map[string]json.RawMessage) {
	v := map[string][]string{}
	sameUser(fields, v, uv.UserID)
	if raw, sent := fields["name"]; sent {
		var name string
		if json.Unmarshal(raw, &name) != nil || name != uv.Name {
			v["name"] = append(v["name"], "name cannot be changed")
		}
	}
	if !userValueNameSettable(uv.Name) {
		v["name"] = append(v["name"], fmt.Sprintf("%s is not settable", uv.Name))
	}
	value, sent := userValueText(fields, v)
	if sent && len(v) == 0 {
		checkUserValueFormat(s, v, uv.Name, value)
	}
	if problems(v) != nil {
		writeInvalid(w, "parameters invalid", v)
		return
	}
	if sent {
		uv.Value = value
	}
	writeData(w, s.userValueJSON(r, uv))
}

// sameUser checks a userId parameter, when sent, against the path's user.
func sameUser(fields map[string]json.RawMessage, v map[string][]string, userID int64) {
	raw, sent := fields["userId"]
	if !sent {
		return
	}
	var id int64
	if json.Unmarshal(raw, &id) != nil || id != userID {
		v["userId"] = append(v["userId"], fmt.Sprintf("userId must be %d, the user of the path", userID))
	}
}

// userValueText reads the value parameter: a string is kept as sent, a
// number becomes its text ({"value":1} is stored as "1", as documented);
// anything else (null, a boolean, an object) is invalid, and so is an
// empty string (the parameter is required). It reports whether the
// parameter was sent.
func userValueText(fields map[string]json.RawMessage, v map[string][]string) (string, bool) {
	raw, sent := fields["value"]
	if !sent {
		return "", false
	}
	raw = bytes.TrimSpace(raw)
	var text string
	switch {
	case len(raw) > 0 && raw[0] == '"':
		_ = json.Unmarshal(raw, &text)
	case len(raw) > 0 && (raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9')):
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			text = n.String()
		}
	}
	if text == "" {
		v["value"] = append(v["value"], "value must be a non-empty string")
	}
	return text, true
}

// userValueNameSettable reports whether name is one of the settable names.
func userValueNameSettable(name string) bool {
	return slices.Contains(userValueSettable, name) || userValueSearchName.MatchString(name)
}

// checkUserValueName refuses a name outside the fixed set, and a name that
// is not settable.
func checkUserValueName(v map[string][]string, name string) {
	switch {
	case slices.Contains(userValueReadOnly, name):
		v["name"] = append(v["name"], fmt.Sprintf("%s is not settable", name))
	case !userValueNameSettable(name):
		v["name"] = append(v["name"], fmt.Sprintf("%s is not a user value name", name))
	}
}

// checkUserValueFormat checks a value against its name's documented
// format: disableClock "1 or 0"; search-*-index "JSON object";
// defaultWarehouse "a warehouse id" (an existing warehouse). The labor
// items (defaultEnRouteItem, defaultJobPrepItem, defaultOnSiteItem) have
// no documented format: the emulator takes the least convenient reading,
// the id of an existing lib item of type labor. Called with s.mu held.
func checkUserValueFormat(s *Server, v map[string][]string, name, value string) {
	bad := func(msg string) { v["value"] = append(v["value"], msg) }
	id, idErr := strconv.ParseInt(value, 10, 64)
	switch {
	case name == "disableClock":
		if value != "0" && value != "1" {
			bad("disableClock must be 1 or 0")
		}
	case userValueSearchName.MatchString(name):
		var obj map[string]any
		if json.Unmarshal([]byte(value), &obj) != nil || obj == nil {
			bad(name + " must be a JSON object")
		}
	case name == "defaultWarehouse":
		if idErr != nil || s.warehouses[id] == nil {
			bad("defaultWarehouse must be the id of an existing warehouse")
		}
	case strings.HasPrefix(name, "default"):
		if li := s.libItems[id]; idErr != nil || li == nil || li.Type != "labor" {
			bad(name + " must be the id of an existing labor item")
		}
	}
}
