import {
  to = fieldservice_servicetrade_quote_template_item.flange
  id = "4294967301/4294967302"
}
