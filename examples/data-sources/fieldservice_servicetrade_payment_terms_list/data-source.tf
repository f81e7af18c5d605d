# Every payment terms entry of the account (the API cannot filter them).
data "fieldservice_servicetrade_payment_terms_list" "all" {}

# Ids by name; names need not be unique, so keep the first of each.
locals {
  payment_terms_ids = {
    for name, ids in { for p in data.fieldservice_servicetrade_payment_terms_list.all.payment_terms_list : p.name => p.id... } :
    name => ids[0]
  }
}

output "net_30_id" {
  value = local.payment_terms_ids["Net 30"]
}
