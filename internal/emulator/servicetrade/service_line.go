package servicetrade

import (
	"net/http"
	"strconv"
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
	if r.Method != http.MethodGet {
		s.methodNotAllowed(w, r)
		return
	}
	q := r.URL.Query()
	trade := strings.ToLower(q.Get("tradeName"))
	showAll := boolParam(q.Get("showAll"))
	s.mu.Lock()
	var out []map[string]any
	for _, id := range sortedKeys(s.serviceLines) {
		sl := s.serviceLines[id]
		if !showAll && !sl.Provided {
			continue
		}
		// "a trade name that matches this string (case insensitive)": the
		// example (tradeName=Basket matches "Underwater Basket Weaving")
		// shows a substring match.
		if trade != "" && !strings.Contains(strings.ToLower(sl.Trade), trade) {
			continue
		}
		out = append(out, s.serviceLineJSON(r, sl))
	}
	s.mu.Unlock()
	writeData(w, page(s, r, "servicelines", out, 0))
}

func (s *Server) serviceLineItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "service line")
	if !ok {
		return
	}
	if r.Method != http.MethodGet {
		s.methodNotAllowed(w, r)
		return
	}
	s.mu.Lock()
	var out map[string]any
	// A single GET finds any service line, provided or not.
	if sl := s.serviceLines[id]; sl != nil {
		out = s.serviceLineJSON(r, sl)
	}
	s.mu.Unlock()
	if out == nil {
		writeError(w, http.StatusNotFound, "service line "+strconv.FormatInt(id, 10)+" not found")
		return
	}
	writeData(w, out)
}
