data "fieldservice_servicetrade_quote_template" "quarterly" {
  name = "Quarterly Inspection"
}

# By exact description within a template, or by id.
data "fieldservice_servicetrade_quote_template_item" "flange" {
  quote_template_id = data.fieldservice_servicetrade_quote_template.quarterly.id
  description       = "CCW Zirconium Flange"
}

output "flange_lib_item_id" {
  value = data.fieldservice_servicetrade_quote_template_item.flange.lib_item_id
}
