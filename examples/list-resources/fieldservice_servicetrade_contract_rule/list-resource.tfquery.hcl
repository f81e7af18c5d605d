# The rules of one contract.
list "fieldservice_servicetrade_contract_rule" "all" {
  provider = fieldservice

  config {
    contract_id = 4294967320
  }
}
