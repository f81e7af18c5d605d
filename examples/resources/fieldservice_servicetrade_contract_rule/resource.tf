data "fieldservice_servicetrade_lib_item" "labor" {
  code = "LAB-INSP"
}

data "fieldservice_servicetrade_service_line" "sprinkler" {
  abbreviation = "SPRK"
}

resource "fieldservice_servicetrade_contract" "standard" {
  type = "template"
  name = "Standard Price List"
}

# Inspection labor at 45.00 an hour for the first 8 hours.
resource "fieldservice_servicetrade_contract_rule" "labor" {
  contract_id  = fieldservice_servicetrade_contract.standard.id
  type         = "unit"
  name         = "Inspection labor, first 8 hours"
  price        = 45.00
  threshold    = 8
  lib_item_ids = [data.fieldservice_servicetrade_lib_item.labor.id]
}

# A 15% markup on parts costing up to 250.50.
resource "fieldservice_servicetrade_contract_rule" "parts_markup" {
  contract_id = fieldservice_servicetrade_contract.standard.id
  type        = "markup"
  name        = "Parts markup"
  price       = 15
  threshold   = 250.50
}

# An additional charge needs lib items and a service line.
resource "fieldservice_servicetrade_contract_rule" "trip_charge" {
  contract_id     = fieldservice_servicetrade_contract.standard.id
  type            = "additionalcharge"
  name            = "Sprinkler trip charge"
  price           = 25
  lib_item_ids    = [data.fieldservice_servicetrade_lib_item.labor.id]
  service_line_id = data.fieldservice_servicetrade_service_line.sprinkler.id
}
