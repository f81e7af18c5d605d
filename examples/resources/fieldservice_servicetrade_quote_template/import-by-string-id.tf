import {
  to = fieldservice_servicetrade_quote_template.quarterly
  id = "4294967301"
}
