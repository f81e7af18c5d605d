# The tax groups of North Carolina.
list "fieldservice_servicetrade_tax_group" "all" {
  provider = fieldservice

  config {
    state = "NC"
  }
}
