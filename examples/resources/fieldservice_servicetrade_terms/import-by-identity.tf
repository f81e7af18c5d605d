import {
  to = fieldservice_servicetrade_terms.quote
  identity = {
    id = "4294967302"
  }
}
