# Every user of your own company, active, pending or inactive.
list "fieldservice_servicetrade_user" "all" {
  provider = fieldservice

  config {
    status = "all"
  }
}
