# Regions whose name contains "carolina", case-insensitively (ServiceTrade's
# own filter). Omit name for every region.
data "fieldservice_servicetrade_regions" "carolinas" {
  name = "carolina"
}

# Adopt every region of the account, keyed by id (import blocks with
# for_each need Terraform 1.7 or later).
data "fieldservice_servicetrade_regions" "all" {}

locals {
  regions = { for r in data.fieldservice_servicetrade_regions.all.regions : r.id => r }
}

import {
  for_each = local.regions
  to       = fieldservice_servicetrade_region.adopted[each.key]
  id       = each.key
}

resource "fieldservice_servicetrade_region" "adopted" {
  for_each   = local.regions
  name       = each.value.name
  color      = each.value.color
  points     = each.value.points
  office_ids = length(each.value.office_ids) > 0 ? each.value.office_ids : null
}

output "carolina_region_names" {
  value = data.fieldservice_servicetrade_regions.carolinas.regions[*].name
}
