package servicetrade

import (
	"encoding/json"
	"slices"
	"strings"
)

// External systems. Names are unique (they key the external ids).
// syncableTypes defaults to none for a standard system and to what the
// server computes for the others (computedSyncableTypes); a seed may set
// it for either, from the documented values.

// seedExternalSystem is an external system entry.
type seedExternalSystem struct {
	ID            int64    `json:"id"`
	Name          string   `json:"name"`
	Label         string   `json:"label"`
	Type          string   `json:"type"`
	SyncableTypes []string `json:"syncableTypes"`
	seedStamp
}

func init() {
	registerSeedKind(seedKind{
		name: "external_systems", ids: true,
		load: loadExternalSystems,
		dump: func(s *Server) any {
			return dumpSorted(s.externalSystems, func(es *externalSystem) seedExternalSystem {
				return seedExternalSystem{ID: es.ID, Name: es.Name, Label: es.Label, Type: es.Type,
					SyncableTypes: orEmpty(es.SyncableTypes), seedStamp: seedStamp{ptr(es.Created), ptr(es.Updated)}}
			})
		},
	})
}

func loadExternalSystems(l *seedLoader, raw json.RawMessage) {
	s := l.s
	for _, it := range seedEntries[seedExternalSystem](l, "external_systems", raw, "name", "label") {
		v := it.v
		if it.required("name", v.Name) {
			if other := s.externalSystemNamed(v.Name); other != nil {
				it.fail("name %q is already external system %d's: names are unique", v.Name, other.ID)
			}
		}
		it.required("label", v.Label)
		es := &externalSystem{Name: v.Name, Label: v.Label, Type: it.oneOf("type", v.Type, "standard", ExternalSystemTypes)}
		es.SyncableTypes = slices.Clone(computedSyncableTypes[es.Type])
		if v.SyncableTypes != nil {
			es.SyncableTypes = v.SyncableTypes
		}
		es.SyncableTypes = orEmpty(es.SyncableTypes)
		for i, t := range v.SyncableTypes {
			switch {
			case slices.Contains(v.SyncableTypes[:i], t):
				it.fail("syncableTypes[%d] %q is given twice", i, t)
			case !slices.Contains(standardSyncableTypes, t):
				it.fail("syncableTypes[%d] %q is not one of %s", i, t, strings.Join(standardSyncableTypes, ", "))
			}
		}
		es.Created, es.Updated = it.stamps(v.Created, v.Updated)
		if id, ok := it.id(v.ID); ok {
			es.ID = id
			s.externalSystems[id] = es
		}
	}
}
