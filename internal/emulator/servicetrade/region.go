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
	// PUT and DELETE on the collection are documented as 405.
	s.serveCollection(w, r, collectionVerbs{
		list: func() { s.listRegions(w, r) },
		create: func(fields map[string]json.RawMessage) {
			rg := &region{}
			if v := s.applyRegion(rg, fields, true); v != nil {
				writeValidation(w, v)
				return
			}
			rg.ID = s.newID()
			s.regions[rg.ID] = rg
			writeData(w, s.regionJSON(r, rg, true))
		},
	})
}

func (s *Server) regionItem(w http.ResponseWriter, r *http.Request) {
	serveByID(s, w, r, "region", s.regions, objectVerbs[region]{
		get: func(rg *region) { writeData(w, s.regionJSON(r, rg, true)) },
		put: func(rg *region, fields map[string]json.RawMessage) {
			// PUT is a partial update: only the fields sent change.
			updated := *rg
			if v := s.applyRegion(&updated, fields, false); v != nil {
				writeValidation(w, v)
				return
			}
			*rg = updated
			writeData(w, s.regionJSON(r, rg, true))
		},
		delete: func(rg *region) {
			delete(s.regions, rg.ID)
			// Documented as 200 "region deleted", not 204.
			writeSuccess(w, fmt.Sprintf("region %d deleted", rg.ID))
		},
	})
}

func (s *Server) regionCache(w http.ResponseWriter, r *http.Request) {
	serveByID(s, w, r, "region", s.regions, objectVerbs[region]{
		delete: func(*region) { writeSuccess(w, "region location cache recalculated") },
	})
}

// applyRegion copies POST/PUT fields onto rg and returns validation errors.
// Called with s.mu held.
func (s *Server) applyRegion(rg *region, f map[string]json.RawMessage, create bool) map[string][]string {
	v := map[string][]string{}
	requiredString(f, v, "name", create, &rg.Name)
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
	nullableString(f, v, "color", &rg.Color)
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
	return problems(v)
}

// listRegions is GET /region. Called with s.mu held.
func (s *Server) listRegions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	name := strings.ToLower(q.Get("name"))
	officeFilter := parseIDList(q.Get("officeIds"))
	lat, errLat := strconv.ParseFloat(q.Get("contains[lat]"), 64)
	lon, errLon := strconv.ParseFloat(q.Get("contains[lon]"), 64)
	filterPoint := errLat == nil && errLon == nil
	writeList(s, w, r, "regions", s.regions, func(rg *region) bool {
		switch {
		case name != "" && !strings.Contains(strings.ToLower(rg.Name), name),
			len(officeFilter) > 0 && !sharesAny(rg.OfficeIDs, officeFilter),
			filterPoint && !polygonContains(rg.Points, lat, lon):
			return false
		}
		return true
	}, func(r *http.Request, rg *region) map[string]any { return s.regionJSON(r, rg, false) })
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
