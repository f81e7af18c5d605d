data "fieldservice_servicetrade_company" "hwy55" {
  name = "Hwy 55 Burgers"
}

# A brand of the company. ServiceTrade cannot delete brands: destroying this
# resource only removes it from the state (with a warning).
resource "fieldservice_servicetrade_brand" "hwy55" {
  company_id   = data.fieldservice_servicetrade_company.hwy55.id
  name         = "Hwy 55 Burgers Shakes & Fries"
  display_name = "Hwy 55"
  web_site     = "https://www.hwy55.com"
  details      = "Diner-style restaurants across the Carolinas"
}
