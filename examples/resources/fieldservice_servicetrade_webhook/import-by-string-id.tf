import {
  to = fieldservice_servicetrade_webhook.accounting
  id = "4294967302"
}
