package servicetrade

import (
	"net/http"
	"strings"
)

// serviceLine is read-only reference data (GET only; the API answers 405 to
// every other verb).
type serviceLine struct {
	ID                int64
	Name, Abbr, Trade string
	// Provided: the vendor company provides it, so it is listed without
	// showAll=true.
	Provided bool
}

func (s *Server) seedServiceLines() {
	for _, sl := range SeedServiceLines {
		l := &serviceLine{ID: s.newID(), Name: sl.Name, Abbr: sl.Abbr, Trade: sl.Trade, Provided: sl.Provided}
		s.serviceLines[l.ID] = l
	}
}

// serviceLineByAbbr returns the service line with that abbreviation.
// Called with s.mu held or during seeding.
func (s *Server) serviceLineByAbbr(abbr string) *serviceLine {
	for _, id := range sortedKeys(s.serviceLines) {
		if s.serviceLines[id].Abbr == abbr {
			return s.serviceLines[id]
		}
	}
	return nil
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/serviceline", s.protected(s.serviceLineCollection))
		// The reference's own example requests "/serviceline/?tradeName=".
		mux.HandleFunc("/serviceline/{$}", s.protected(s.serviceLineCollection))
		mux.HandleFunc("/serviceline/{id}", s.protected(s.serviceLineItem))
	})
}

// serviceLineJSON renders a service line as the reference's examples do:
// no uri, and "trade" a string although the field table documents an
// object {name}.
func (s *Server) serviceLineJSON(r *http.Request, sl *serviceLine) map[string]any {
	return map[string]any{
		"id": sl.ID, "name": sl.Name, "trade": sl.Trade, "abbr": sl.Abbr,
		"icon": strings.TrimSuffix(s.baseURL(r), "/api") + "/image/icons/service_lines/32/" + sl.Abbr + ".png",
	}
}

func (s *Server) serviceLineCollection(w http.ResponseWriter, r *http.Request) {
	if !s.getOnly(w, r) {
		return
	}
	q := r.URL.Query()
	trade := strings.ToLower(q.Get("tradeName"))
	showAll := boolParam(q.Get("showAll"))
	s.mu.Lock()
	defer s.mu.Unlock()
	writeList(s, w, r, "servicelines", s.serviceLines, func(sl *serviceLine) bool {
		// "a trade name that matches this string (case insensitive)": the
		// example (tradeName=Basket matches "Underwater Basket Weaving")
		// shows a substring match.
		return (showAll || sl.Provided) && (trade == "" || strings.Contains(strings.ToLower(sl.Trade), trade))
	}, s.serviceLineJSON)
}

func (s *Server) serviceLineItem(w http.ResponseWriter, r *http.Request) {
	// A single GET finds any service line, provided or not.
	getSeeded(s, w, r, "service line", s.serviceLines, s.serviceLineJSON)
}
