# What to adopt: one list block per kind. A list block without config lists
# every object of its kind (up to limit, 100 by default); config narrows it
# with the filters each kind documents.

variable "brand_company_id" {
  description = "Id of the company whose brands are adopted."
  type        = number
}

list "fieldservice_servicetrade_region" "all" {
  provider = fieldservice
  limit    = 1000
}

list "fieldservice_servicetrade_webhook" "all" {
  provider = fieldservice
}

list "fieldservice_servicetrade_quote_template" "all" {
  provider = fieldservice
}

list "fieldservice_servicetrade_external_system" "all" {
  provider = fieldservice
}

list "fieldservice_servicetrade_terms" "all" {
  provider = fieldservice
}

list "fieldservice_servicetrade_tax_group" "all" {
  provider = fieldservice
}

list "fieldservice_servicetrade_tag" "all" {
  provider = fieldservice
}

list "fieldservice_servicetrade_service_template" "all" {
  provider = fieldservice
}

# Brands belong to a company: the list needs its id.
list "fieldservice_servicetrade_brand" "of_company" {
  provider = fieldservice
  config {
    company_id = var.brand_company_id
  }
}
