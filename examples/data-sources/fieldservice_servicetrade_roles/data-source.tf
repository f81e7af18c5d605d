# Every role of the account.
data "fieldservice_servicetrade_roles" "all" {}

# The roles one user holds, adopted as user role resources (import blocks
# with for_each need Terraform 1.7 or later).
data "fieldservice_servicetrade_user" "terry" {
  username = "ttech"
}

data "fieldservice_servicetrade_roles" "terry" {
  user_id = data.fieldservice_servicetrade_user.terry.id
}

locals {
  terry_roles = { for r in data.fieldservice_servicetrade_roles.terry.roles : r.id => r.name }
}

import {
  for_each = local.terry_roles
  to       = fieldservice_servicetrade_user_role.terry[each.key]
  id       = "${data.fieldservice_servicetrade_user.terry.id}/${each.key}"
}

resource "fieldservice_servicetrade_user_role" "terry" {
  for_each = local.terry_roles
  user_id  = data.fieldservice_servicetrade_user.terry.id
  role_id  = each.key
}
