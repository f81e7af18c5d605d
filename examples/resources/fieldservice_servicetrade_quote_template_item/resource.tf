resource "fieldservice_servicetrade_quote_template" "annual" {
  name = "Annual Flush"
}

# Only a description: ServiceTrade links the lib item of that name and its
# service line, and records them in lib_item_id and service_line_id.
resource "fieldservice_servicetrade_quote_template_item" "flange" {
  quote_template_id = fieldservice_servicetrade_quote_template.annual.id
  description       = "CCW Zirconium Flange"
  quantity          = 3
}

# A lib item with a description of its own. This lib item has no service
# line, so the line needs one.
data "fieldservice_servicetrade_lib_item" "personal" {
  code = "PERSONAL"
}

data "fieldservice_servicetrade_service_line" "suppression" {
  abbreviation = "SUPP"
}

resource "fieldservice_servicetrade_quote_template_item" "towels" {
  quote_template_id = fieldservice_servicetrade_quote_template.annual.id
  lib_item_id       = data.fieldservice_servicetrade_lib_item.personal.id
  service_line_id   = data.fieldservice_servicetrade_service_line.suppression.id
  description       = "Towel"
  quantity          = 2.5
  order_index       = 1
}
