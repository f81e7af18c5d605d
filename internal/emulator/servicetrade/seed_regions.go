package servicetrade

import "encoding/json"

// Regions: a polygon of [latitude, longitude] points (at least one, as
// POST requires) and the offices in it.

// seedRegion is a region entry.
type seedRegion struct {
	ID        int64       `json:"id"`
	Name      string      `json:"name"`
	Color     *string     `json:"color,omitempty"`
	Points    [][]float64 `json:"points"`
	OfficeIDs []int64     `json:"officeIds,omitempty"`
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "regions", after: []string{"locations"}, ids: true,
		load: loadRegions,
		dump: func(s *Server) any {
			return dumpSorted(s.regions, func(rg *region) seedRegion {
				points := [][]float64{}
				for _, p := range rg.Points {
					points = append(points, []float64{p[0], p[1]})
				}
				return seedRegion{ID: rg.ID, Name: rg.Name, Color: rg.Color, Points: points, OfficeIDs: rg.OfficeIDs}
			})
		},
	})
}

func loadRegions(l *seedLoader, raw json.RawMessage) {
	for _, it := range seedEntries[seedRegion](l, "regions", raw, "name") {
		v := it.v
		it.required("name", v.Name)
		rg := &region{Name: v.Name, Color: v.Color, OfficeIDs: v.OfficeIDs}
		if len(v.Points) == 0 {
			it.fail("points is required: a list of [latitude, longitude] pairs")
		}
		for i, p := range v.Points {
			if len(p) != 2 {
				it.fail("points[%d] has %d numbers: each point is [latitude, longitude]", i, len(p))
				continue
			}
			rg.Points = append(rg.Points, [2]float64{p[0], p[1]})
		}
		it.refList("officeIds", v.OfficeIDs, func(field string, id int64) bool { return l.checkOffice(it.seedEntry, field, id) })
		if id, ok := it.id(v.ID); ok {
			rg.ID = id
			l.s.regions[id] = rg
		}
	}
}
