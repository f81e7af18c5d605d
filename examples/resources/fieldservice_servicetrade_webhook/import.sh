# A webhook is imported by its numeric ServiceTrade id.
terraform import fieldservice_servicetrade_webhook.accounting 4294967302
