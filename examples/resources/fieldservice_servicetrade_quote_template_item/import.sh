# A quote template item is imported as "<quote_template_id>/<item_id>":
# ServiceTrade deletes items through their template.
terraform import fieldservice_servicetrade_quote_template_item.flange 4294967301/4294967302
