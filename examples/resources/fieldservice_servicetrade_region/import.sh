# A region is imported by its numeric ServiceTrade id.
terraform import fieldservice_servicetrade_region.triangle 4294967301
