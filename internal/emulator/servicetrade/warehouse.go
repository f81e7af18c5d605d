package servicetrade

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// warehouse is a stock location (/warehouse): seeded ones, and those
// clients create with POST. The API cannot delete warehouses (DELETE
// answers 405): they are deactivated with PUT status=inactive.
type warehouse struct {
	ID       int64
	Name     string
	Status   string // "active" or "inactive"
	OfficeID int64  // 0: none
	Created  int64
	Updated  int64
}

// warehouseStatuses are the statuses a warehouse can have; the list filter
// also takes "all".
var warehouseStatuses = []string{"active", "inactive"}

// SeedWarehouse is a warehouse every emulated account starts with.
type SeedWarehouse struct {
	Name string
	// Office says whether the account's first office controls it.
	Office bool
	Status string
}

// SeedWarehouses are the account's warehouses before any test runs: one
// active with an office, one inactive without, so that imports, the
// natural-key check and the data sources see warehouses Terraform did not
// create.
var SeedWarehouses = []SeedWarehouse{
	{Name: "Central Parts Warehouse", Office: true, Status: "active"},
	{Name: "Old Annex Storage", Status: "inactive"},
}

func init() {
	routes = append(routes, func(s *Server, mux *http.ServeMux) {
		s.warehouses = map[int64]*warehouse{}
		mux.HandleFunc("/warehouse", s.protected(s.warehouseCollection))
		mux.HandleFunc("/warehouse/{id}", s.protected(s.warehouseItem))
	})
	builtinSeeds = append(builtinSeeds, func(s *Server) {
		office := s.firstOffice()
		for _, sw := range SeedWarehouses {
			wh := &warehouse{ID: s.newID(), Name: sw.Name, Status: sw.Status, Created: seedTime, Updated: seedTime}
			if sw.Office {
				wh.OfficeID = office
			}
			s.warehouses[wh.ID] = wh
		}
	})
}

// firstOffice is the id of the account's first office (a vendor
// location), or 0.
func (s *Server) firstOffice() int64 {
	for _, id := range sortedKeys(s.locations) {
		if s.locations[id].IsVendor {
			return id
		}
	}
	return 0
}

// isOffice reports whether id is an office: a vendor location. Called with
// s.mu held.
func (s *Server) isOffice(id int64) bool {
	l := s.locations[id]
	return l != nil && l.IsVendor
}

// warehouseJSON renders a warehouse as GET does. The office is a Location
// in the short form of the reference's PUT example (with its primary
// contact). externalIds is "only returned if account has external
// integrations defined": it is when the account has external systems.
// Called with s.mu held.
func (s *Server) warehouseJSON(r *http.Request, wh *warehouse) map[string]any {
	var office any
	if l := s.locations[wh.OfficeID]; l != nil {
		ref := s.locationRef(r, l)
		ref["primaryContact"] = s.locationJSON(r, l)["primaryContact"]
		office = ref
	}
	out := map[string]any{
		"uri": s.uri(r, "warehouse", wh.ID), "id": wh.ID, "name": wh.Name, "office": office, "status": wh.Status,
		"created": wh.Created, "updated": wh.Updated,
	}
	if len(s.externalSystems) > 0 {
		out["externalIds"] = map[string]any{}
	}
	return out
}

// warehouseCreatedJSON renders a warehouse as the POST echo does: the
// reference's example has only id, uri, name, office and status.
func (s *Server) warehouseCreatedJSON(r *http.Request, wh *warehouse) map[string]any {
	m := s.warehouseJSON(r, wh)
	delete(m, "externalIds")
	delete(m, "created")
	delete(m, "updated")
	return m
}

func (s *Server) warehouseCollection(w http.ResponseWriter, r *http.Request) {
	// PUT and DELETE on /warehouse are 405 (DELETE is documented so).
	s.serveCollection(w, r, collectionVerbs{
		list: func() { s.listWarehouses(w, r) },
		create: func(fields map[string]json.RawMessage) {
			wh := &warehouse{Status: "active"}
			v := map[string][]string{}
			s.applyWarehouse(wh, fields, v, true)
			if len(v) > 0 {
				writeValidation(w, v)
				return
			}
			wh.ID, wh.Created, wh.Updated = s.newRecord()
			s.warehouses[wh.ID] = wh
			writeData(w, s.warehouseCreatedJSON(r, wh))
		},
	})
}

// listWarehouses answers GET /warehouse. Called with s.mu held.
func (s *Server) listWarehouses(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := map[string][]string{}
	// status "defaults to "active""; a value outside the documented ones
	// is a 400.
	status := q.Get("status")
	if status == "" {
		status = "active"
	}
	if status != "all" && !slices.Contains(warehouseStatuses, status) {
		v["status"] = []string{`status must be one of "active", "inactive", "all"`}
	}
	var officeID int64
	if raw := q.Get("officeId"); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			v["officeId"] = []string{"officeId must be an integer"}
		}
		officeID = id
	}
	window := readTimeWindow(q, v, "createdBefore", "createdAfter", "updatedBefore", "updatedAfter")
	if len(v) > 0 {
		writeValidation(w, v)
		return
	}
	// The reference shows no list page: the key is "warehouses", like
	// every other collection's plural.
	writeList(s, w, r, "warehouses", s.warehouses, func(wh *warehouse) bool {
		switch {
		case status != "all" && wh.Status != status,
			officeID != 0 && wh.OfficeID != officeID,
			!window.holds(wh.Created, wh.Updated):
			return false
		}
		return true
	}, s.warehouseJSON)
}

func (s *Server) warehouseItem(w http.ResponseWriter, r *http.Request) {
	// The documented verbs are GET, POST and PUT; DELETE (documented as 405
	// on the collection) is a 405 here too, whether or not the warehouse
	// exists. A single GET returns inactive warehouses too.
	if r.Method == http.MethodDelete {
		s.methodNotAllowed(w, r)
		return
	}
	serveByID(s, w, r, "warehouse", s.warehouses, objectVerbs[warehouse]{
		get: func(wh *warehouse) { writeData(w, s.warehouseJSON(r, wh)) },
		put: func(wh *warehouse, fields map[string]json.RawMessage) {
			// A partial update, answered as GET renders the warehouse (the
			// reference's PUT example has externalIds).
			updated := *wh
			v := map[string][]string{}
			s.applyWarehouse(&updated, fields, v, false)
			if len(v) > 0 {
				writeValidation(w, v)
				return
			}
			updated.Updated = max(time.Now().Unix(), wh.Updated+1)
			*wh = updated
			writeData(w, s.warehouseJSON(r, wh))
		},
	})
}

// applyWarehouse copies the POST/PUT parameters onto wh and records what
// is wrong in v. Names are not unique (the reference does not say they
// are, so the API is assumed to accept a second warehouse of one name).
func (s *Server) applyWarehouse(wh *warehouse, f map[string]json.RawMessage, v map[string][]string, create bool) {
	requiredString(f, v, "name", create, &wh.Name)
	oneOf(f, v, "status", false, warehouseStatuses, `status must be one of "active", "inactive"`, &wh.Status)
	// officeId is "locationId of office or null": null clears it, and the
	// id of a location that is not an office (a customer location) is
	// refused like one that does not exist.
	if raw, sent := f["officeId"]; sent && !isNull(raw) {
		var id int64
		if err := json.Unmarshal(raw, &id); err == nil && id > 0 && !s.isOffice(id) {
			v["officeId"] = append(v["officeId"], fmt.Sprintf("%d is not an office", id))
			return
		}
	}
	contractRef(f, v, "officeId", "office", &wh.OfficeID, s.isOffice)
}

// RemoveWarehouse deletes a warehouse behind the API's back, as only
// ServiceTrade support could (the API answers DELETE with 405). It is a
// test hook for "deleted out of band"; it reports whether it existed.
func (s *Server) RemoveWarehouse(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.warehouses[id]
	delete(s.warehouses, id)
	return ok
}
