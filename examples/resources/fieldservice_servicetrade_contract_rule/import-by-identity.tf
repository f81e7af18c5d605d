import {
  to = fieldservice_servicetrade_contract_rule.labor
  identity = {
    contract_id = 4294967320
    id          = "4294967331"
  }
}
