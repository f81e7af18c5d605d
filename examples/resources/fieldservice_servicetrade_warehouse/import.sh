# A warehouse is imported by its numeric ServiceTrade id. Importing an
# inactive warehouse with status = "active" (the default) in the
# configuration reactivates it.
terraform import fieldservice_servicetrade_warehouse.central 4294967320
