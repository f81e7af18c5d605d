data "fieldservice_servicetrade_company" "hwy55" {
  name = "Hwy 55 Burgers"
}

# Every brand of the company, managed by Terraform or not.
data "fieldservice_servicetrade_brands" "all" {
  company_id = data.fieldservice_servicetrade_company.hwy55.id
}

# Only the brand of an exact name.
data "fieldservice_servicetrade_brands" "named" {
  company_id = data.fieldservice_servicetrade_company.hwy55.id
  name       = "Hwy 55 Burgers Shakes & Fries"
}

# Adopt them all: one import block and one resource per brand, keyed by id
# (import blocks with for_each need Terraform 1.7 or later).
locals {
  brands = { for b in data.fieldservice_servicetrade_brands.all.brands : b.id => b }
}

import {
  for_each = local.brands
  to       = fieldservice_servicetrade_brand.adopted[each.key]
  id       = each.value.import_id
}

resource "fieldservice_servicetrade_brand" "adopted" {
  for_each     = local.brands
  company_id   = each.value.company_id
  name         = each.value.name
  display_name = each.value.display_name
  web_site     = each.value.web_site
  details      = each.value.details
  logo_id      = each.value.logo_id
}
