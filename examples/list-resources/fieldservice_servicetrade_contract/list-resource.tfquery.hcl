# The active contracts of one customer.
list "fieldservice_servicetrade_contract" "all" {
  provider = fieldservice

  config {
    customer_id = 4294967297
  }
}
