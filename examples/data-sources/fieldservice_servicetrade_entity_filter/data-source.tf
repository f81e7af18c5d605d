# An entity filter (a named set of a customer's locations, made in
# ServiceTrade's web application) by exact, case-sensitive name, or by id.
data "fieldservice_servicetrade_entity_filter" "acme" {
  name = "Acme Sites"
}

output "acme_customer" {
  value = data.fieldservice_servicetrade_entity_filter.acme.company.name
}

# An empty list means every location of the company.
output "acme_location_ids" {
  value = [for l in data.fieldservice_servicetrade_entity_filter.acme.locations : l.id]
}
