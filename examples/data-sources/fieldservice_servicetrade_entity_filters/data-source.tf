# Every entity filter of the account, or those whose name contains a text
# (ignoring case). The list has each filter's id, name and type only.
data "fieldservice_servicetrade_entity_filters" "all" {}

data "fieldservice_servicetrade_entity_filters" "deli" {
  name = "deli"
}

# The company and locations of each filter come from the singular data
# source, read by id.
data "fieldservice_servicetrade_entity_filter" "each" {
  for_each = { for f in data.fieldservice_servicetrade_entity_filters.all.entity_filters : f.id => f }
  id       = each.key
}

# Keyed by id: entity filter names need not be unique.
output "locations_by_filter" {
  value = { for id, f in data.fieldservice_servicetrade_entity_filter.each : id => {
    name      = f.name
    customer  = f.company.name
    locations = [for l in f.locations : l.name]
  } }
}
