import {
  to = fieldservice_servicetrade_region.triangle
  id = "4294967301"
}
