# Every warehouse, active or not.
list "fieldservice_servicetrade_warehouse" "all" {
  provider = fieldservice

  config {
    status = "all"
  }
}
