# The asset types enabled in the account.
data "fieldservice_servicetrade_asset_definitions" "enabled" {
  active = true
}

# Keyed by type, with the service line each applies to.
output "asset_types" {
  value = {
    for d in data.fieldservice_servicetrade_asset_definitions.enabled.asset_definitions :
    d.type => { display = d.display, service_line_id = d.service_line_id }
  }
}

# Every asset definition of the system, enabled in the account or not.
data "fieldservice_servicetrade_asset_definitions" "all" {}

output "disabled_asset_types" {
  value = [for d in data.fieldservice_servicetrade_asset_definitions.all.asset_definitions : d.type if !d.active]
}
