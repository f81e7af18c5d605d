# The account's settings, which only ServiceTrade's web application changes.
data "fieldservice_servicetrade_account_settings" "this" {}

data "fieldservice_servicetrade_company" "vendor" {
  name = "Emulated Fire Pros, Inc."
}

# Use the account's default job terms for a contract, and check a job type
# against the ones the account uses.
resource "fieldservice_servicetrade_contract" "annual" {
  name         = "Annual inspection agreement"
  type         = "default"
  vendor_id    = data.fieldservice_servicetrade_company.vendor.id
  job_type     = "inspection"
  job_terms_id = data.fieldservice_servicetrade_account_settings.this.job_terms_id

  lifecycle {
    precondition {
      condition     = contains(data.fieldservice_servicetrade_account_settings.this.job_types, "inspection")
      error_message = "The account does not use the inspection job type."
    }
  }
}

# Tax groups apply only when the account takes its sales tax from them.
output "uses_tax_groups" {
  value = data.fieldservice_servicetrade_account_settings.this.sales_tax_source == "taxgroup"
}
