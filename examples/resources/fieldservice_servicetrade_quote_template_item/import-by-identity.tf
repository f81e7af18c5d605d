import {
  to = fieldservice_servicetrade_quote_template_item.flange
  identity = {
    quote_template_id = 4294967301
    id                = "4294967302"
  }
}
