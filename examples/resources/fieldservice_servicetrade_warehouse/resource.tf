data "fieldservice_servicetrade_location" "office" {
  name        = "Raleigh Office"
  office_only = true
}

# A warehouse controlled by an office. ServiceTrade cannot delete warehouses:
# destroying the resource deactivates the warehouse, which keeps its name.
resource "fieldservice_servicetrade_warehouse" "central" {
  name      = "Central Parts Warehouse"
  office_id = data.fieldservice_servicetrade_location.office.id
}

# A technician's van stock, without an office.
resource "fieldservice_servicetrade_warehouse" "van_12" {
  name = "Van 12"
}
