package servicetrade

import (
	"encoding/json"
	"strings"
)

// Tags. Names are unique ignoring case, as the API keeps them (InsertTag,
// a test hook, can make two that differ in case; a seed cannot).

// seedTag is a tag entry.
type seedTag struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "tags", ids: true,
		load: func(l *seedLoader, raw json.RawMessage) {
			for _, it := range seedEntries[seedTag](l, "tags", raw, "name") {
				v := it.v
				if it.required("name", v.Name) {
					if other := l.s.tagNamed(v.Name, 0); other != nil {
						it.fail("name %q is already tag %d's (%q): tag names are unique, ignoring case", v.Name, other.ID, other.Name)
					} else if strings.TrimSpace(v.Name) != v.Name {
						it.fail("name %q has spaces around it, which the API trims", v.Name)
					}
				}
				if id, ok := it.id(v.ID); ok {
					l.s.tags[id] = &tag{ID: id, Name: v.Name}
				}
			}
		},
		dump: func(s *Server) any {
			return dumpSorted(s.tags, func(t *tag) seedTag { return seedTag{ID: t.ID, Name: t.Name} })
		},
	})
}
