# The brands of one company.
list "fieldservice_servicetrade_brand" "all" {
  provider = fieldservice

  config {
    company_id = 4294967298
  }
}
