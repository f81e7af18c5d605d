package servicetrade

import "encoding/json"

// Warehouses: an office (a location of the account company) may control
// one.

// seedWarehouse is a warehouse entry.
type seedWarehouse struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Status   string `json:"status"`
	OfficeID int64  `json:"officeId,omitempty"`
	seedStamp
	seedURI
}

func init() {
	registerSeedKind(seedKind{
		name: "warehouses", after: []string{"locations"}, ids: true,
		load: func(l *seedLoader, raw json.RawMessage) {
			for _, it := range seedEntries[seedWarehouse](l, "warehouses", raw, "name") {
				v := it.v
				it.required("name", v.Name)
				if v.OfficeID != 0 {
					l.checkOffice(it.seedEntry, "officeId", v.OfficeID)
				}
				wh := &warehouse{Name: v.Name, Status: it.oneOf("status", v.Status, "active", warehouseStatuses), OfficeID: v.OfficeID}
				wh.Created, wh.Updated = it.stamps(v.Created, v.Updated)
				if id, ok := it.id(v.ID); ok {
					wh.ID = id
					l.s.warehouses[id] = wh
				}
			}
		},
		dump: func(s *Server) any {
			return dumpSorted(s.warehouses, func(wh *warehouse) seedWarehouse {
				return seedWarehouse{ID: wh.ID, Name: wh.Name, Status: wh.Status, OfficeID: wh.OfficeID,
					seedStamp: seedStamp{ptr(wh.Created), ptr(wh.Updated)}}
			})
		},
	})
}
