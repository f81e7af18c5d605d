import {
  to = fieldservice_servicetrade_warehouse.central
  identity = {
    id = "4294967320"
  }
}
