# By exact name: active warehouses only, unless include_inactive = true.
data "fieldservice_servicetrade_warehouse" "central" {
  name = "Central Parts Warehouse"
}

data "fieldservice_servicetrade_warehouse" "annex" {
  name             = "Old Annex Storage"
  include_inactive = true
}

# By id: any warehouse, active or not.
data "fieldservice_servicetrade_warehouse" "by_id" {
  id = "4294967320"
}
