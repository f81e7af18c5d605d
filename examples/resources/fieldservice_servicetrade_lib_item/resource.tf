data "fieldservice_servicetrade_service_line" "suppression" {
  abbreviation = "SUPP"
}

# A part of the price book. Codes are unique in ServiceTrade (inactive items
# included); destroying the resource deactivates the item, which keeps its
# code.
resource "fieldservice_servicetrade_lib_item" "widget" {
  name            = "Widget, Left-handed"
  code            = "WDGT-L"
  type            = "part"
  cost            = 5.99
  service_line_id = data.fieldservice_servicetrade_service_line.suppression.id
}

# Labor that invoices do not tax by default, specific to one customer.
resource "fieldservice_servicetrade_lib_item" "after_hours" {
  name       = "After-hours labor (Acme)"
  code       = "LAB-AH-ACME"
  type       = "labor"
  taxable    = false
  company_id = 4294967299
}
