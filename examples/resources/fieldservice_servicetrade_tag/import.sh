# A tag is imported by its numeric ServiceTrade id,
terraform import fieldservice_servicetrade_tag.key_account 4294967302

# or by its name (compared ignoring case).
terraform import fieldservice_servicetrade_tag.mall "Mall"
