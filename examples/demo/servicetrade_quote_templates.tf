# A quote template for annual sprinkler work, with two line items. Ids of
# the reference data are looked up by name.
data "fieldservice_servicetrade_terms" "standard" {
  name = "Standard Terms"
}

data "fieldservice_servicetrade_lib_item" "inspection_labor" {
  code = "LAB-INSP"
}

data "fieldservice_servicetrade_service_line" "sprinkler" {
  name = "Sprinkler"
}

resource "fieldservice_servicetrade_quote_template" "demo" {
  name        = "fieldservice-demo annual sprinkler service"
  description = "Annual sprinkler inspection with replacement parts"
  terms_id    = data.fieldservice_servicetrade_terms.standard.id
}

# Two hours of inspection labor: the service line comes from the lib item.
resource "fieldservice_servicetrade_quote_template_item" "labor" {
  quote_template_id = fieldservice_servicetrade_quote_template.demo.id
  lib_item_id       = data.fieldservice_servicetrade_lib_item.inspection_labor.id
  quantity          = 2
  order_index       = 1
}

# Only a description: ServiceTrade links the lib item of that name.
resource "fieldservice_servicetrade_quote_template_item" "flanges" {
  quote_template_id = fieldservice_servicetrade_quote_template.demo.id
  description       = "CCW Zirconium Flange"
  quantity          = 4
  order_index       = 2
}

output "servicetrade_quote_template_id" {
  value = fieldservice_servicetrade_quote_template.demo.id
}

output "servicetrade_quote_template_flange_lib_item_id" {
  description = "Filled in by ServiceTrade from the description."
  value       = fieldservice_servicetrade_quote_template_item.flanges.lib_item_id
}
