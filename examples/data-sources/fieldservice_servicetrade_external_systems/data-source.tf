# Every external system of the account, those Terraform did not create
# included.
data "fieldservice_servicetrade_external_systems" "all" {}

# Adopt them all, keyed by name (import blocks with for_each need
# Terraform 1.7 or later). The configuration repeats what ServiceTrade has,
# so the first plan only imports. syncable_types is set for standard
# systems only: ServiceTrade computes it for the other types.
locals {
  systems = { for s in data.fieldservice_servicetrade_external_systems.all.external_systems : s.name => s }
}

import {
  for_each = local.systems
  to       = fieldservice_servicetrade_external_system.adopted[each.key]
  id       = each.value.id
}

resource "fieldservice_servicetrade_external_system" "adopted" {
  for_each       = local.systems
  name           = each.value.name
  label          = each.value.label
  type           = each.value.type
  syncable_types = each.value.type == "standard" ? each.value.syncable_types : null
}
