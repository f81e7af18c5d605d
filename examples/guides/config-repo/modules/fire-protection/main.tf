# The configuration every account of the company shares: sales regions,
# the webhook that feeds the integration, the tags dispatchers use, and the
# annual inspection quote template. What differs between accounts comes in
# as variables (here, where the webhook points); the reference data it
# needs (terms, lib items) is looked up by the names people know, so the
# same module works in every account.
terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}

variable "hook_url" {
  description = "Where ServiceTrade sends this account's change notifications."
  type        = string
}

# The sales regions are the same in every account.
locals {
  regions = {
    "Triangle" = {
      color = "#ff9000"
      points = [
        { lat = 36.10, lon = -79.10 },
        { lat = 36.10, lon = -78.40 },
        { lat = 35.60, lon = -78.40 },
        { lat = 35.60, lon = -79.10 },
      ]
    }
    "Charlotte Metro" = {
      color = null
      points = [
        { lat = 35.50, lon = -81.10 },
        { lat = 35.50, lon = -80.50 },
        { lat = 35.00, lon = -80.50 },
        { lat = 35.00, lon = -81.10 },
      ]
    }
  }
}

resource "fieldservice_servicetrade_region" "sales" {
  for_each = local.regions

  name   = each.key
  color  = each.value.color
  points = each.value.points
}

resource "fieldservice_servicetrade_webhook" "integration" {
  hook_url           = var.hook_url
  include_changesets = true
}

resource "fieldservice_servicetrade_tag" "dispatch" {
  for_each = toset(["After Hours Access", "Key Account"])

  name = each.key
}

data "fieldservice_servicetrade_terms" "standard" {
  name = "Standard Terms"
}

data "fieldservice_servicetrade_lib_item" "inspection_labor" {
  code = "LAB-INSP"
}

resource "fieldservice_servicetrade_quote_template" "annual_inspection" {
  name        = "Annual sprinkler inspection"
  description = "Yearly NFPA 25 inspection of a wet sprinkler system"
  terms_id    = data.fieldservice_servicetrade_terms.standard.id
}

resource "fieldservice_servicetrade_quote_template_item" "labor" {
  quote_template_id = fieldservice_servicetrade_quote_template.annual_inspection.id
  lib_item_id       = data.fieldservice_servicetrade_lib_item.inspection_labor.id
  quantity          = 2
  order_index       = 1
}

output "region_ids" {
  description = "Region ids by name."
  value       = { for name, r in fieldservice_servicetrade_region.sales : name => r.id }
}
