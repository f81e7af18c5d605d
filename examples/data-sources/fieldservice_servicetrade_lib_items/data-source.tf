# The account's active parts (global items and your own company's).
data "fieldservice_servicetrade_lib_items" "parts" {
  type = "part"
}

# Adopt them: one import block and one resource per item, keyed by id
# (import blocks with for_each need Terraform 1.7 or later).
locals {
  parts = { for i in data.fieldservice_servicetrade_lib_items.parts.lib_items : i.id => i }
}

import {
  for_each = local.parts
  to       = fieldservice_servicetrade_lib_item.adopted[each.key]
  id       = each.key
}

resource "fieldservice_servicetrade_lib_item" "adopted" {
  for_each        = local.parts
  name            = each.value.name
  code            = each.value.code
  type            = each.value.type
  cost            = each.value.cost
  service_line_id = each.value.service_line_id
  company_id      = each.value.company_id
  taxable         = each.value.taxable
}

# Items that were destroyed (deactivated) or retired in ServiceTrade.
data "fieldservice_servicetrade_lib_items" "inactive" {
  active = false
}
