# A lib item is imported by its numeric ServiceTrade id. Importing an inactive
# item with active = true in the configuration reactivates it.
terraform import fieldservice_servicetrade_lib_item.widget 4294967310
