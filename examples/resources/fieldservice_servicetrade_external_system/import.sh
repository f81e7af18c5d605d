# An external system is imported by its numeric ServiceTrade id...
terraform import fieldservice_servicetrade_external_system.ledger 4294967303

# ...or by its exact name.
terraform import fieldservice_servicetrade_external_system.ledger acme-ledger
