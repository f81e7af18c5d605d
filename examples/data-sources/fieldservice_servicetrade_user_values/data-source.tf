# The values of one user, adopted as user value resources: only the ones
# Terraform can manage (import blocks with for_each need Terraform 1.7 or
# later).
data "fieldservice_servicetrade_user" "terry" {
  username = "ttech"
}

data "fieldservice_servicetrade_user_values" "terry" {
  user_id = data.fieldservice_servicetrade_user.terry.id
}

locals {
  terry_values = {
    for v in data.fieldservice_servicetrade_user_values.terry.user_values : v.name => v if v.settable
  }
}

import {
  for_each = local.terry_values
  to       = fieldservice_servicetrade_user_value.terry[each.key]
  id       = each.value.id
}

resource "fieldservice_servicetrade_user_value" "terry" {
  for_each = local.terry_values
  user_id  = data.fieldservice_servicetrade_user.terry.id
  name     = each.key
  value    = each.value.value
}
