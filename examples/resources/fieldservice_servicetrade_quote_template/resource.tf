data "fieldservice_servicetrade_company" "customer" {
  name = "Hwy 55 Burgers"
}

data "fieldservice_servicetrade_terms" "standard" {
  name = "Standard Terms"
}

resource "fieldservice_servicetrade_quote_template" "quarterly" {
  name        = "Quarterly Inspection"
  description = "Inspect all the quarters, and make sure they are shiny"

  # Optional: only for quotes to this customer, with these terms.
  company_id = data.fieldservice_servicetrade_company.customer.id
  terms_id   = data.fieldservice_servicetrade_terms.standard.id

  # Also delete line items added outside Terraform when destroying the
  # template (ServiceTrade refuses to delete a template that has items).
  force_delete = true
}
