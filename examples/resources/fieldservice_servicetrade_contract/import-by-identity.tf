import {
  to = fieldservice_servicetrade_contract.hwy55
  identity = {
    id = "4294967320"
  }
}
