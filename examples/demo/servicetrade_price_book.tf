# The price book and commercial settings of the demo account: one object of
# each kind, tied together where ServiceTrade ties them.

# A part, recorded in the demo ledger under its accounting code. ServiceTrade
# cannot delete lib items: destroying this one deactivates it.
resource "fieldservice_servicetrade_lib_item" "demo" {
  name            = "Sprinkler head, pendent, 155°F"
  code            = "FS-DEMO-SPK-155"
  type            = "part"
  cost            = 7.45
  service_line_id = data.fieldservice_servicetrade_service_line.sprinkler.id
}

resource "fieldservice_servicetrade_external_id" "demo" {
  entity_type = "libitem"
  entity_id   = fieldservice_servicetrade_lib_item.demo.id
  system_name = fieldservice_servicetrade_external_system.demo.name
  value       = "5100-SPK-155"
}

resource "fieldservice_servicetrade_terms" "demo" {
  name    = "Demo Inspection Terms"
  content = "Inspections follow NFPA 25. Deficiencies found are quoted separately."
}

resource "fieldservice_servicetrade_tax_group" "demo" {
  code          = "FS-DEMO-DURHAM"
  name          = "Durham County"
  state         = "NC"
  combined_rate = 0.075
  postal_codes  = ["27701", "27703", "27705"]
}

resource "fieldservice_servicetrade_tag" "demo" {
  name = "Fieldservice Demo"
}

# A sprinkler inspection on the same weekday of every third month.
resource "fieldservice_servicetrade_service_template" "demo" {
  name            = "Quarterly Sprinkler Inspection (demo)"
  description     = "Inspect risers, gauges, heads and the fire department connection"
  service_line_id = data.fieldservice_servicetrade_service_line.sprinkler.id
  frequency       = "monthly"
  interval        = 3
  repeat_weekday  = true
  duration        = 5400
  estimated_price = 275
}
