# By abbreviation (unique), or by name when the name is unique.
data "fieldservice_servicetrade_service_line" "suppression" {
  abbreviation = "SUPP"
}

data "fieldservice_servicetrade_service_line" "alarm" {
  name = "Fire Alarm"
}

output "suppression_trade" {
  value = data.fieldservice_servicetrade_service_line.suppression.trade
}
