# Templates whose name contains "inspection", case-insensitively
# (ServiceTrade's own filter). Omit name for every template.
data "fieldservice_servicetrade_quote_templates" "inspections" {
  name = "inspection"
}

# Adopt every template of the account, keyed by id (import blocks with
# for_each need Terraform 1.7 or later). Their line items are listed in
# item_ids and import as "<template id>/<item id>".
data "fieldservice_servicetrade_quote_templates" "all" {}

locals {
  templates = { for t in data.fieldservice_servicetrade_quote_templates.all.quote_templates : t.id => t }
}

import {
  for_each = local.templates
  to       = fieldservice_servicetrade_quote_template.adopted[each.key]
  id       = each.key
}

resource "fieldservice_servicetrade_quote_template" "adopted" {
  for_each    = local.templates
  name        = each.value.name
  description = each.value.description
  company_id  = each.value.company_id
  terms_id    = each.value.terms_id
}

output "inspection_template_names" {
  value = data.fieldservice_servicetrade_quote_templates.inspections.quote_templates[*].name
}
