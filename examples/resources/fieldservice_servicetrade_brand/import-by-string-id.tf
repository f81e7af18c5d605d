import {
  to = fieldservice_servicetrade_brand.hwy55
  id = "4294967298/4294967310"
}
