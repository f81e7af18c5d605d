# Every tax group of the account, managed by Terraform or not.
data "fieldservice_servicetrade_tax_groups" "all" {}

# Only those of one state, or those that apply to one postal code (exact
# matches).
data "fieldservice_servicetrade_tax_groups" "new_york" {
  state = "NY"
}

data "fieldservice_servicetrade_tax_groups" "downtown" {
  postal_code = "10005"
}

# Adopt them all: one import block and one resource per tax group, keyed by
# id (import blocks with for_each need Terraform 1.7 or later).
locals {
  tax_groups = { for g in data.fieldservice_servicetrade_tax_groups.all.tax_groups : g.id => g }
}

import {
  for_each = local.tax_groups
  to       = fieldservice_servicetrade_tax_group.adopted[each.key]
  id       = each.key
}

resource "fieldservice_servicetrade_tax_group" "adopted" {
  for_each      = local.tax_groups
  code          = each.value.code
  name          = each.value.name
  state         = each.value.state
  combined_rate = each.value.combined_rate
  postal_codes  = each.value.postal_codes
}
