# A contract rule is imported as <contract_id>/<rule_id>.
terraform import fieldservice_servicetrade_contract_rule.labor 4294967320/4294967331
