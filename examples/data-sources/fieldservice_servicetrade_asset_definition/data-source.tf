# By type, as ServiceTrade names asset types.
data "fieldservice_servicetrade_asset_definition" "alarm" {
  type = "alarm"
}

# The properties an alarm system asset carries, and those it must have.
output "alarm_properties" {
  value = keys(data.fieldservice_servicetrade_asset_definition.alarm.properties)
}

output "alarm_required_properties" {
  value = [for name, p in data.fieldservice_servicetrade_asset_definition.alarm.properties : name if p.required]
}

# Every modifier of every property, as the API returns them.
output "alarm_properties_raw" {
  value = jsondecode(data.fieldservice_servicetrade_asset_definition.alarm.properties_json)
}
