# The items of one quote template.
list "fieldservice_servicetrade_quote_template_item" "all" {
  provider = fieldservice

  config {
    quote_template_id = 4294967301
  }
}
