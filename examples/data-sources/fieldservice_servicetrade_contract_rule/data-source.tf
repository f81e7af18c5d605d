# By exact name among the contract's own rules, or by id.
data "fieldservice_servicetrade_contract_rule" "labor" {
  contract_id = 4294967319
  name        = "Inspection labor, first 8 hours"
}

output "labor_price" {
  value = data.fieldservice_servicetrade_contract_rule.labor.price
}
