# A tax group is imported by its numeric ServiceTrade id.
terraform import fieldservice_servicetrade_tax_group.wake 4294967302
