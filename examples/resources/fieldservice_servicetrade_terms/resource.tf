# Terms and conditions printed on quotes. The content is stored as written,
# line breaks included.
resource "fieldservice_servicetrade_terms" "quote" {
  name    = "Quote Terms"
  content = <<-EOT
    Quotes are valid for 30 days from the date of issue.
    Work is performed in accordance with NFPA standards.
  EOT
}

# Used by a quote template and a contract: Terraform updates or deletes
# them before it deletes the terms, which ServiceTrade refuses while any
# contract, quote template or account setting still uses them.
resource "fieldservice_servicetrade_quote_template" "quarterly" {
  name     = "Quarterly inspection"
  terms_id = fieldservice_servicetrade_terms.quote.id
}

# Terms are known by their name: creating terms whose name is taken fails
# with the way to import the existing ones, unless allow_duplicate is true
# (needed to replace them with create_before_destroy and the same name).
resource "fieldservice_servicetrade_terms" "job" {
  name            = "Job Terms"
  content         = "Payment is due upon completion unless otherwise agreed in writing."
  allow_duplicate = true

  lifecycle {
    create_before_destroy = true
  }
}
