# A contract with one customer, priced by two rules. Every reference is
# looked up by name in the account's reference data.
data "fieldservice_servicetrade_company" "vendor" {
  name = "Emulated Fire Pros, Inc."
}

data "fieldservice_servicetrade_company" "hwy55" {
  name = "Hwy 55 Burgers"
}

data "fieldservice_servicetrade_user" "sales" {
  username = "ssales"
}

data "fieldservice_servicetrade_terms" "job" {
  name = "Net 30 Job Terms"
}

data "fieldservice_servicetrade_payment_terms" "net30" {
  name = "Net 30"
}

data "fieldservice_servicetrade_lib_item" "contract_labor" {
  code = "LAB-INSP"
}

data "fieldservice_servicetrade_service_line" "contract_sprinkler" {
  abbreviation = "SPRK"
}

resource "fieldservice_servicetrade_contract" "hwy55" {
  type             = "company"
  name             = "Hwy 55 Burgers 2026"
  vendor_id        = data.fieldservice_servicetrade_company.vendor.id
  customer_id      = data.fieldservice_servicetrade_company.hwy55.id
  sales_id         = data.fieldservice_servicetrade_user.sales.id
  job_terms_id     = data.fieldservice_servicetrade_terms.job.id
  payment_terms_id = data.fieldservice_servicetrade_payment_terms.net30.id
  starts_on        = "2026-01-01"
  expires_on       = "2026-12-31T17:00:00Z"
  customer_po      = "HWY55-2026"
  expected_revenue = 48000
}

resource "fieldservice_servicetrade_contract_rule" "labor" {
  contract_id  = fieldservice_servicetrade_contract.hwy55.id
  type         = "unit"
  name         = "Inspection labor, first 8 hours"
  price        = 45.00
  threshold    = 8
  lib_item_ids = [data.fieldservice_servicetrade_lib_item.contract_labor.id]
}

resource "fieldservice_servicetrade_contract_rule" "trip_charge" {
  contract_id     = fieldservice_servicetrade_contract.hwy55.id
  type            = "additionalcharge"
  name            = "Sprinkler trip charge"
  price           = 25
  lib_item_ids    = [data.fieldservice_servicetrade_lib_item.contract_labor.id]
  service_line_id = data.fieldservice_servicetrade_service_line.contract_sprinkler.id
}

output "servicetrade_contract_id" {
  value = fieldservice_servicetrade_contract.hwy55.id
}
