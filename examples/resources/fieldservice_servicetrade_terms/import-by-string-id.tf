import {
  to = fieldservice_servicetrade_terms.quote
  id = "4294967302"
}
