import {
  to = fieldservice_servicetrade_contract.hwy55
  id = "4294967320"
}
