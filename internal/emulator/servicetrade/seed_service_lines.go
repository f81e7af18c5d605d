package servicetrade

import "encoding/json"

// Service lines. provided is the emulator's own member: whether the
// account company provides the line (it is then in the company's
// serviceLinesProvided and listed without showAll=true).

// seedServiceLine is a service line entry.
type seedServiceLine struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Abbr     string `json:"abbr"`
	Trade    string `json:"trade,omitempty"`
	Provided bool   `json:"provided,omitempty"`
	// Icon is derived from abbr: accepted and ignored.
	Icon json.RawMessage `json:"icon,omitempty"`
}

func init() {
	registerSeedKind(seedKind{
		name: "service_lines", ids: true,
		load: func(l *seedLoader, raw json.RawMessage) {
			for _, it := range seedEntries[seedServiceLine](l, "service_lines", raw, "name", "abbr") {
				v := it.v
				it.required("name", v.Name)
				it.required("abbr", v.Abbr)
				if id, ok := it.id(v.ID); ok {
					l.s.serviceLines[id] = &serviceLine{ID: id, Name: v.Name, Abbr: v.Abbr, Trade: v.Trade, Provided: v.Provided}
				}
			}
		},
		dump: func(s *Server) any {
			return dumpSorted(s.serviceLines, func(sl *serviceLine) seedServiceLine {
				return seedServiceLine{ID: sl.ID, Name: sl.Name, Abbr: sl.Abbr, Trade: sl.Trade, Provided: sl.Provided}
			})
		},
	})
}
