package servicetrade

import (
	"encoding/json"
	"slices"
	"strings"
)

// User values: one value per user and name, from the reference's fixed
// set of names, read-only ones included (lastLogin, ...: a seed sets what
// the API cannot). A value is a string, checked against its name's format
// as the API checks it (defaultWarehouse the id of a warehouse of the
// seed, ...).

// seedUserValue is a user value entry.
type seedUserValue struct {
	ID     int64  `json:"id"`
	UserID int64  `json:"userId"`
	Name   string `json:"name"`
	Value  string `json:"value"`
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "user_values", after: []string{"users", "warehouses", "lib_items"}, ids: true,
		load: loadUserValues,
		dump: func(s *Server) any {
			return dumpSorted(s.userValues, func(v *userValue) seedUserValue {
				return seedUserValue{ID: v.ID, UserID: v.UserID, Name: v.Name, Value: v.Value}
			})
		},
	})
}

func loadUserValues(l *seedLoader, raw json.RawMessage) {
	s := l.s
	for _, it := range seedEntries[seedUserValue](l, "user_values", raw, "name") {
		v := it.v
		requiredRef(it.seedEntry, "userId", v.UserID, s.users, "a user", "users")
		if it.required("name", v.Name) && !slices.Contains(userValueReadOnly, v.Name) && !userValueNameSettable(v.Name) {
			it.fail("name %q is not a user value name: one of %s, %s, or search-<page>-index", v.Name,
				strings.Join(userValueSettable, ", "), strings.Join(userValueReadOnly, ", "))
		}
		if it.required("value", v.Value) {
			problems := map[string][]string{}
			checkUserValueFormat(s, problems, v.Name, v.Value)
			for _, msg := range problems["value"] {
				it.fail("value %q: %s", v.Value, msg)
			}
		}
		for _, other := range s.userValues {
			if other.UserID == v.UserID && other.Name == v.Name && v.Name != "" {
				it.fail("user %d already has a value named %q (user value %d): one value per user and name", v.UserID, v.Name, other.ID)
			}
		}
		if id, ok := it.id(v.ID); ok {
			s.userValues[id] = &userValue{ID: id, UserID: v.UserID, Name: v.Name, Value: v.Value}
		}
	}
}
