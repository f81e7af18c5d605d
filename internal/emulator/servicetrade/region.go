package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

type region struct {
	ID        int64
	Name      string
	Color     *string
	Points    [][2]float64
	OfficeIDs []int64
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		mux.HandleFunc("/region", s.protected(s.regionCollection))
		mux.HandleFunc("/region/{id}", s.protected(s.regionItem))
		mux.HandleFunc("/region/{id}/cache", s.protected(s.regionCache))
	})
}

// regionJSON renders a region. withOffices is false for list entries: the
// reference shows "offices": [] in lists even for regions that have offices.
func (s *Server) regionJSON(r *http.Request, rg *region, withOffices bool) map[string]any {
	offices := []map[string]any{}
	if withOffices {
		for _, id := range rg.OfficeIDs {
			if l := s.locations[id]; l != nil {
				offices = append(offices, s.locationJSON(r, l))
			}
		}
	}
	points := rg.Points
	if points == nil {
		points = [][2]float64{}
	}
	return map[string]any{
		"id": rg.ID, "uri": s.uri(r, "region", rg.ID), "name": rg.Name, "color": rg.Color,
		"points": points, "offices": offices,
	}
}

func (s *Server) regionCollection(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		s.listRegions(w, r)
	case http.MethodPost:
		fields, ok := decodeBody(w, r)
		if !ok {
			return
		}
		rg := &region{}
		s.mu.Lock()
		defer s.mu.Unlock()
		if v := s.applyRegion(rg, fields, true); v != nil {
			writeValidation(w, v)
			return
		}
		rg.ID = s.newID()
		s.regions[rg.ID] = rg
		writeData(w, s.regionJSON(r, rg, true))
	default:
		// PUT and DELETE on the collection are documented as 405.
		s.methodNotAllowed(w, r)
	}
}

func (s *Server) regionItem(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "region")
	if !ok {
		return
	}
	var fields map[string]json.RawMessage
	if r.Method == http.MethodPut {
		if fields, ok = decodeBody(w, r); !ok {
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rg := s.regions[id]
	if rg == nil && (r.Method == http.MethodGet || r.Method == http.MethodPut || r.Method == http.MethodDelete) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("region %d not found", id))
		return
	}
	switch r.Method {
	case http.MethodGet:
		writeData(w, s.regionJSON(r, rg, true))
	case http.MethodPut:
		// PUT is a partial update: only the fields sent change.
		updated := *rg
		if v := s.applyRegion(&updated, fields, false); v != nil {
			writeValidation(w, v)
			return
		}
		*rg = updated
		writeData(w, s.regionJSON(r, rg, true))
	case http.MethodDelete:
		delete(s.regions, id)
		// Documented as 200 "region deleted", not 204.
		writeSuccess(w, http.StatusOK, fmt.Sprintf("region %d deleted", id))
	default:
		s.methodNotAllowed(w, r)
	}
}

func (s *Server) regionCache(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "region")
	if !ok {
		return
	}
	if r.Method != http.MethodDelete {
		s.methodNotAllowed(w, r)
		return
	}
	s.mu.Lock()
	_, exists := s.regions[id]
	s.mu.Unlock()
	if !exists {
		writeError(w, http.StatusNotFound, fmt.Sprintf("region %d not found", id))
		return
	}
	writeSuccess(w, http.StatusOK, "region location cache recalculated")
}

// applyRegion copies POST/PUT fields onto rg and returns validation errors.
// Called with s.mu held.
func (s *Server) applyRegion(rg *region, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	if raw, ok := f["name"]; ok || create {
		var name string
		if err := json.Unmarshal(raw, &name); err != nil || strings.TrimSpace(name) == "" {
			v["name"] = append(v["name"], "name is required")
		} else {
			rg.Name = name
		}
	}
	if raw, ok := f["points"]; ok || create {
		var points [][]float64
		if err := json.Unmarshal(raw, &points); err != nil || len(points) == 0 {
			v["points"] = append(v["points"], "points must be an array of [latitude, longitude] pairs")
		} else {
			rg.Points = rg.Points[:0:0]
			for _, p := range points {
				if len(p) != 2 {
					v["points"] = append(v["points"], "each point must be a 2-element array of [latitude, longitude]")
					break
				}
				rg.Points = append(rg.Points, [2]float64{p[0], p[1]})
			}
		}
	}
	if raw, ok := f["color"]; ok {
		var color *string
		if err := json.Unmarshal(raw, &color); err != nil {
			v["color"] = append(v["color"], "color must be a string")
		} else {
			rg.Color = color
		}
	}
	if raw, ok := f["officeIds"]; ok {
		var ids []int64
		if err := json.Unmarshal(raw, &ids); err != nil {
			v["officeIds"] = append(v["officeIds"], "officeIds must be an array of integers")
		} else {
			for _, id := range ids {
				if l := s.locations[id]; l == nil || !l.IsVendor {
					v["officeIds"] = append(v["officeIds"], fmt.Sprintf("%d is not an office", id))
				}
			}
			rg.OfficeIDs = ids
		}
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

func (s *Server) listRegions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	name := strings.ToLower(q.Get("name"))
	var officeFilter []int64
	for _, part := range strings.Split(q.Get("officeIds"), ",") {
		if id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64); err == nil {
			officeFilter = append(officeFilter, id)
		}
	}
	lat, errLat := strconv.ParseFloat(q.Get("contains[lat]"), 64)
	lon, errLon := strconv.ParseFloat(q.Get("contains[lon]"), 64)
	filterPoint := errLat == nil && errLon == nil

	s.mu.Lock()
	var out []map[string]any
	for _, id := range sortedKeys(s.regions) {
		rg := s.regions[id]
		if name != "" && !strings.Contains(strings.ToLower(rg.Name), name) {
			continue
		}
		if len(officeFilter) > 0 && !sharesAny(rg.OfficeIDs, officeFilter) {
			continue
		}
		if filterPoint && !polygonContains(rg.Points, lat, lon) {
			continue
		}
		out = append(out, s.regionJSON(r, rg, false))
	}
	s.mu.Unlock()
	writeData(w, page(s, r, "regions", out, 0))
}

func sharesAny(a, b []int64) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// polygonContains is the even-odd ray casting test on [lat, lon] points.
func polygonContains(poly [][2]float64, lat, lon float64) bool {
	inside := false
	for i, j := 0, len(poly)-1; i < len(poly); j, i = i, i+1 {
		yi, xi := poly[i][0], poly[i][1]
		yj, xj := poly[j][0], poly[j][1]
		if (yi > lat) != (yj > lat) && lon < (xj-xi)*(lat-yi)/(yj-yi)+xi {
			inside = !inside
		}
	}
	return inside
}
