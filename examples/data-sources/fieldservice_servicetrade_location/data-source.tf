# An office (a location of your own company), as regions and contracts
# reference them.
data "fieldservice_servicetrade_location" "raleigh" {
  name        = "Raleigh Office"
  office_only = true
}

# A customer location, and the offices that serve it.
data "fieldservice_servicetrade_location" "acme" {
  name = "Acme Tower"
}

output "acme_offices" {
  value = data.fieldservice_servicetrade_location.acme.office_ids
}

output "raleigh_address" {
  value = data.fieldservice_servicetrade_location.raleigh.address
}
