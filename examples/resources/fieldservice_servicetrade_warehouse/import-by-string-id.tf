import {
  to = fieldservice_servicetrade_warehouse.central
  id = "4294967320"
}
