# Templates whose name contains "inspection", case-insensitively
# (ServiceTrade's own filter). Omit name for every template.
data "fieldservice_servicetrade_service_templates" "inspections" {
  name = "inspection"
}

# Adopt every template of the account, keyed by id (import blocks with
# for_each need Terraform 1.7 or later). frequency, interval and
# repeat_weekday are left out: the resource then keeps ServiceTrade's values,
# including frequencies the API returns but does not take (quarterly,
# semiannually), so the adoption plans no change.
data "fieldservice_servicetrade_service_templates" "all" {}

locals {
  service_templates = { for t in data.fieldservice_servicetrade_service_templates.all.service_templates : t.id => t }
}

import {
  for_each = local.service_templates
  to       = fieldservice_servicetrade_service_template.adopted[each.key]
  id       = each.key
}

resource "fieldservice_servicetrade_service_template" "adopted" {
  for_each            = local.service_templates
  name                = each.value.name
  description         = each.value.description
  service_line_id     = each.value.service_line_id
  estimated_price     = each.value.estimated_price
  duration            = each.value.duration
  preferred_vendor_id = each.value.preferred_vendor_id
  # An empty set stays out of the configuration, as the resource reads it.
  preferred_tech_ids = length(each.value.preferred_tech_ids) > 0 ? each.value.preferred_tech_ids : null
}

output "inspection_template_names" {
  value = data.fieldservice_servicetrade_service_templates.inspections.service_templates[*].name
}
