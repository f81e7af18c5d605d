# The service lines your company provides (ServiceTrade's default).
data "fieldservice_servicetrade_service_lines" "provided" {}

# Every service line of the Fire Protection trade, provided or not.
data "fieldservice_servicetrade_service_lines" "fire" {
  trade_name = "Fire Protection"
  show_all   = true
}

# Ids by abbreviation (unique), for lib items, contract rules and service
# templates.
locals {
  service_line_ids = { for sl in data.fieldservice_servicetrade_service_lines.fire.service_lines : sl.abbreviation => sl.id }
}

resource "fieldservice_servicetrade_lib_item" "suppression_inspection" {
  name            = "Suppression System Inspection"
  type            = "inspection"
  service_line_id = local.service_line_ids["SUPP"]
}
