# Every quote template.
list "fieldservice_servicetrade_quote_template" "all" {
  provider = fieldservice
}
