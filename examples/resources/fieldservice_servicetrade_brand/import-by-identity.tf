import {
  to = fieldservice_servicetrade_brand.hwy55
  identity = {
    company_id = 4294967298
    id         = "4294967310"
  }
}
