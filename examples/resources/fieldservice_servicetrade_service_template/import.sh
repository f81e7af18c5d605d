# A service template is imported by its numeric ServiceTrade id.
terraform import fieldservice_servicetrade_service_template.quarterly_alarm 4294967302
