import {
  to = fieldservice_servicetrade_region.triangle
  identity = {
    id = "4294967301"
  }
}
