# The active users of your own company (ServiceTrade's default).
data "fieldservice_servicetrade_users" "active" {}

# Adopt them: one import block and one resource per user, keyed by id
# (import blocks with for_each need Terraform 1.7 or later). Imported users
# need no password: their password is left as it is.
locals {
  users = { for u in data.fieldservice_servicetrade_users.active.users : u.id => u }
}

import {
  for_each = local.users
  to       = fieldservice_servicetrade_user.adopted[each.key]
  id       = each.key
}

resource "fieldservice_servicetrade_user" "adopted" {
  for_each         = local.users
  username         = each.value.username
  first_name       = each.value.first_name
  last_name        = each.value.last_name
  email            = each.value.email
  company_id       = each.value.company_id
  location_id      = each.value.location_id
  phone            = each.value.phone
  details          = each.value.details
  is_sales         = each.value.is_sales
  timezone         = each.value.timezone
  service_line_ids = each.value.service_line_ids
}

# Users that were destroyed (deactivated) or retired in ServiceTrade;
# "pending" lists users not yet activated, "all" every user.
data "fieldservice_servicetrade_users" "inactive" {
  status = "inactive"
}
