# Every tag of the account, managed by Terraform or not.
data "fieldservice_servicetrade_tags" "all" {}

# Only the tags whose name contains "region" (ignoring case).
data "fieldservice_servicetrade_tags" "regional" {
  name = "region"
}

# Adopt them all, keyed by name (import blocks with for_each need
# Terraform 1.7 or later). The configuration repeats each tag's name, so the
# first plan only imports. Once adopted, destroying one of these resources
# deletes the tag and removes it from every entity.
locals {
  tags = { for t in data.fieldservice_servicetrade_tags.all.tags : t.name => t }
}

import {
  for_each = local.tags
  to       = fieldservice_servicetrade_tag.adopted[each.key]
  id       = each.value.id
}

resource "fieldservice_servicetrade_tag" "adopted" {
  for_each = local.tags
  name     = each.value.name
}
