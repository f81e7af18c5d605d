# Every webhook of the account, managed by Terraform or not.
data "fieldservice_servicetrade_webhooks" "all" {}

# Adopt them all: one import block and one resource per webhook, keyed by id
# (import blocks with for_each need Terraform 1.7 or later).
locals {
  webhooks = { for w in data.fieldservice_servicetrade_webhooks.all.webhooks : w.id => w }
}

import {
  for_each = local.webhooks
  to       = fieldservice_servicetrade_webhook.adopted[each.key]
  id       = each.key
}

resource "fieldservice_servicetrade_webhook" "adopted" {
  for_each           = local.webhooks
  hook_url           = each.value.hook_url
  enabled            = each.value.enabled
  include_changesets = each.value.include_changesets
}
