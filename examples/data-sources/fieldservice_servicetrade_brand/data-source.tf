data "fieldservice_servicetrade_company" "hwy55" {
  name = "Hwy 55 Burgers"
}

# A brand of the company, by its exact name...
data "fieldservice_servicetrade_brand" "hwy55" {
  company_id = data.fieldservice_servicetrade_company.hwy55.id
  name       = "Hwy 55 Burgers Shakes & Fries"
}

# ...or by its id.
data "fieldservice_servicetrade_brand" "by_id" {
  company_id = data.fieldservice_servicetrade_company.hwy55.id
  id         = "4294967310"
}
