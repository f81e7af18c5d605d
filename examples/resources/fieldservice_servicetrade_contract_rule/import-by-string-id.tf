import {
  to = fieldservice_servicetrade_contract_rule.labor
  id = "4294967320/4294967331"
}
