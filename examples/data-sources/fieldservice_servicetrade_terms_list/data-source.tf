# Every set of terms of the account, managed by Terraform or not (the API
# cannot filter terms, so the list always holds them all).
data "fieldservice_servicetrade_terms_list" "all" {}

# Adopt them all: one import block and one resource per set of terms, keyed
# by id, since names need not be unique (import blocks with for_each need
# Terraform 1.7 or later). Once adopted, destroying the configuration
# deletes them; ServiceTrade refuses for terms still in use, such as the
# account's default terms.
locals {
  terms = { for t in data.fieldservice_servicetrade_terms_list.all.terms_list : t.id => t }
}

import {
  for_each = local.terms
  to       = fieldservice_servicetrade_terms.adopted[each.key]
  id       = each.key
}

resource "fieldservice_servicetrade_terms" "adopted" {
  for_each = local.terms
  name     = each.value.name
  content  = each.value.content
}

# Only some of them: filter in a for expression.
output "job_terms_ids" {
  value = [for t in data.fieldservice_servicetrade_terms_list.all.terms_list : t.id if startswith(t.name, "Job")]
}
