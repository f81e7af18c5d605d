# A contract is imported by its numeric ServiceTrade id.
terraform import fieldservice_servicetrade_contract.hwy55 4294967320
