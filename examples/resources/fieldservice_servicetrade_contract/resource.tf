data "fieldservice_servicetrade_company" "vendor" {
  name = "Emulated Fire Pros, Inc."
}

data "fieldservice_servicetrade_company" "hwy55" {
  name = "Hwy 55 Burgers"
}

data "fieldservice_servicetrade_terms" "job" {
  name = "Net 30 Job Terms"
}

# A template whose rules every other contract inherits.
resource "fieldservice_servicetrade_contract" "standard" {
  type = "template"
  name = "Standard Price List"
}

# The vendor's contract with one customer. Dates are days: a date or an
# RFC 3339 timestamp (ServiceTrade keeps the day only).
resource "fieldservice_servicetrade_contract" "hwy55" {
  type         = "company"
  name         = "Hwy 55 Contract"
  vendor_id    = data.fieldservice_servicetrade_company.vendor.id
  customer_id  = data.fieldservice_servicetrade_company.hwy55.id
  parent_id    = fieldservice_servicetrade_contract.standard.id
  job_terms_id = data.fieldservice_servicetrade_terms.job.id

  starts_on  = "2026-01-01"
  expires_on = "2026-12-31"
  review_on  = "2026-11-01T09:00:00-05:00"

  customer_po          = "HWY55-2026"
  expected_revenue     = 250000
  expected_margin      = 22.5
  invoice_detail_level = ["public", "items_by_type"]
  invoice_notes        = "Thank you for being our loyal customer!"

  # ServiceTrade cannot delete contracts: destroying this deactivates it,
  # and also cancels its open jobs and quotes.
  cancel_jobs   = true
  cancel_quotes = true
}
