# A quote template is imported by its numeric ServiceTrade id. Its line
# items are imported separately as fieldservice_servicetrade_quote_template_item.
terraform import fieldservice_servicetrade_quote_template.quarterly 4294967301
