# The account's active warehouses (ServiceTrade's default).
data "fieldservice_servicetrade_warehouses" "active" {}

# Adopt them: one import block and one resource per warehouse, keyed by id
# (import blocks with for_each need Terraform 1.7 or later).
locals {
  warehouses = { for w in data.fieldservice_servicetrade_warehouses.active.warehouses : w.id => w }
}

import {
  for_each = local.warehouses
  to       = fieldservice_servicetrade_warehouse.adopted[each.key]
  id       = each.key
}

resource "fieldservice_servicetrade_warehouse" "adopted" {
  for_each  = local.warehouses
  name      = each.value.name
  office_id = each.value.office_id
}

# Warehouses that were destroyed (deactivated) or retired in ServiceTrade;
# status = "all" lists both.
data "fieldservice_servicetrade_warehouses" "inactive" {
  status = "inactive"
}

# The warehouses of one office.
data "fieldservice_servicetrade_warehouses" "raleigh" {
  office_id = 4294967300
}
