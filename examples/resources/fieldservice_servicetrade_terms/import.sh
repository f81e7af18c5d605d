# Terms are imported by their numeric ServiceTrade id (find it with the
# fieldservice_servicetrade_terms or fieldservice_servicetrade_terms_list
# data source).
terraform import fieldservice_servicetrade_terms.quote 4294967302
