# By exact name, the key of the system's external ids.
data "fieldservice_servicetrade_external_system" "timberline" {
  name = "timberline"
}

# Or by id.
data "fieldservice_servicetrade_external_system" "by_id" {
  id = "4294967303"
}

output "timberline_syncs" {
  value = data.fieldservice_servicetrade_external_system.timberline.syncable_types
}
