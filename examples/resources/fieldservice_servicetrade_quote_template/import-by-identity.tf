import {
  to = fieldservice_servicetrade_quote_template.quarterly
  identity = {
    id = "4294967301"
  }
}
