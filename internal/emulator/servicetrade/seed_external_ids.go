package servicetrade

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
)

// External ids: one value per entity and external system (by the system's
// name). They have no id of their own; the dump sorts them by entity type,
// entity id and system name. Only the entity types the emulator stores
// (company, location, user, libitem, contract) can have values, and the
// dump leaves out values whose entity or system was removed behind the
// API's back (a test hook), which no answer shows.

// seedExternalIDTypes are the entity types whose objects the emulator
// stores (externalIDEntityExists).
var seedExternalIDTypes = []string{"company", "contract", "libitem", "location", "user"}

// seedExternalID is an external id entry.
type seedExternalID struct {
	EntityType string `json:"entityType"`
	EntityID   int64  `json:"entityId"`
	SystemName string `json:"systemName"`
	Value      string `json:"value"`
}

func init() {
	registerSeedKind(seedKind{
		name:  "external_ids",
		after: []string{"companies", "locations", "users", "lib_items", "contracts", "external_systems"},
		load:  loadExternalIDs,
		dump: func(s *Server) any {
			out := []seedExternalID{}
			for k, v := range s.externalIDs {
				if s.externalIDEntityExists(k.Type, k.ID) && s.externalSystemNamed(k.System) != nil {
					out = append(out, seedExternalID{EntityType: k.Type, EntityID: k.ID, SystemName: k.System, Value: v})
				}
			}
			slices.SortFunc(out, func(a, b seedExternalID) int {
				return cmp.Or(cmp.Compare(a.EntityType, b.EntityType), cmp.Compare(a.EntityID, b.EntityID), cmp.Compare(a.SystemName, b.SystemName))
			})
			return out
		},
	})
}

func loadExternalIDs(l *seedLoader, raw json.RawMessage) {
	s := l.s
	for _, it := range seedEntries[seedExternalID](l, "external_ids", raw, "value") {
		v := it.v
		ok := it.required("value", v.Value)
		if it.required("entityType", v.EntityType) {
			switch {
			case !slices.Contains(seedExternalIDTypes, v.EntityType):
				ok = false
				if slices.Contains(ExternalIDEntityTypes, v.EntityType) {
					it.fail("entityType %q: the emulator has no %s objects; the types it stores are %s", v.EntityType, v.EntityType, strings.Join(seedExternalIDTypes, ", "))
				} else {
					it.oneOf("entityType", v.EntityType, "", seedExternalIDTypes)
				}
			case v.EntityID == 0:
				ok = false
				it.fail("entityId is required: the id of the %s", v.EntityType)
			case !s.externalIDEntityExists(v.EntityType, v.EntityID):
				ok = false
				it.fail("entityId %d is not a %s of this seed", v.EntityID, v.EntityType)
			}
		} else {
			ok = false
		}
		if it.required("systemName", v.SystemName) && s.externalSystemNamed(v.SystemName) == nil {
			ok = false
			it.fail("systemName %q is not the name of an external system of this seed", v.SystemName)
		}
		k := externalIDKey{v.EntityType, v.EntityID, v.SystemName}
		if _, dup := s.externalIDs[k]; dup {
			it.fail("%s %d already has a value in %q: one value per entity and system", v.EntityType, v.EntityID, v.SystemName)
			continue
		}
		if ok {
			s.externalIDs[k] = v.Value
		}
	}
}
