package api

import "context"

// Warehouse is a stock location that job items take parts from
// (GET /warehouse/{id}).
type Warehouse struct {
	ID   int64  `json:"id"`
	URI  string `json:"uri"`
	Name string `json:"name"`
	// Status is "active" or "inactive".
	Status string `json:"status"`
	// Office is the office (a vendor location) that controls the
	// warehouse, or nil.
	Office      *Reference        `json:"office"`
	ExternalIDs map[string]string `json:"externalIds"`
	Created     int64             `json:"created"`
	Updated     int64             `json:"updated"`
}

// Active reports whether the warehouse is active.
func (w Warehouse) Active() bool { return w.Status == WarehouseActive }

// The warehouse statuses, and "all", which only the list filter takes.
const (
	WarehouseActive   = "active"
	WarehouseInactive = "inactive"
	WarehouseAll      = "all"
)

// WarehouseStatuses are the statuses a warehouse can have.
var WarehouseStatuses = []string{WarehouseActive, WarehouseInactive}

// WarehouseFilter narrows GET /warehouse. Status is "active" (the
// server's default when empty), "inactive" or "all"; OfficeID 0 means
// every office.
type WarehouseFilter struct {
	OfficeID int64
	Status   string
}

// warehouses are at /warehouse. The reference shows no list page: the key
// is assumed to be "warehouses", as every other collection names its
// objects in the plural, and "warehouse" is accepted too.
var warehouses = collection[Warehouse]{path: "/warehouse", listKey: "warehouses", altKeys: []string{"warehouse"}}

// GetWarehouse reads one warehouse, active or not; IsNotFound(err) when it
// does not exist.
func (c *Client) GetWarehouse(ctx context.Context, id int64) (*Warehouse, error) {
	return warehouses.get(ctx, c, id)
}

// ListWarehouses returns every warehouse matching f, across all pages.
func (c *Client) ListWarehouses(ctx context.Context, f WarehouseFilter) ([]Warehouse, error) {
	return warehouses.list(ctx, c, query{}.id("officeId", f.OfficeID).text("status", f.Status))
}

// ListAllWarehouses returns every warehouse, active and inactive.
func (c *Client) ListAllWarehouses(ctx context.Context) ([]Warehouse, error) {
	return c.ListWarehouses(ctx, WarehouseFilter{Status: WarehouseAll})
}

// WarehouseInput is the body of POST /warehouse and PUT /warehouse/{id}.
// Name is required on create; Status, when set, is one of
// WarehouseStatuses; OfficeID is the office's location id, and Null clears
// it. Fields left out keep their value (PUT) or take the API's defaults
// (POST: active, no office).
type WarehouseInput struct {
	Name     string          `json:"name,omitempty"`
	Status   string          `json:"status,omitempty"`
	OfficeID Nullable[int64] `json:"officeId,omitzero"`
}

// CreateWarehouse creates a warehouse and returns it as the API echoes it.
func (c *Client) CreateWarehouse(ctx context.Context, in WarehouseInput) (*Warehouse, error) {
	return warehouses.create(ctx, c, in)
}

// UpdateWarehouse changes the fields set in in and returns the warehouse
// as stored; IsNotFound(err) when it does not exist.
func (c *Client) UpdateWarehouse(ctx context.Context, id int64, in WarehouseInput) (*Warehouse, error) {
	return warehouses.update(ctx, c, id, in)
}

// DeactivateWarehouse sets status=inactive on a warehouse, which stands for
// the delete the API does not have (DELETE answers 405): the warehouse
// stays, hidden from the default list.
func (c *Client) DeactivateWarehouse(ctx context.Context, id int64) error {
	_, err := c.UpdateWarehouse(ctx, id, WarehouseInput{Status: WarehouseInactive})
	return err
}
