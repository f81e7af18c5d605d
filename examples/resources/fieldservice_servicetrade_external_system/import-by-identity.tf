import {
  to = fieldservice_servicetrade_external_system.ledger
  identity = {
    id = "4294967303"
  }
}
