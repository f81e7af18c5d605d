import {
  to = fieldservice_servicetrade_external_system.ledger
  id = "4294967303"
}
