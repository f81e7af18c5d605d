import {
  to = fieldservice_servicetrade_webhook.accounting
  identity = {
    id = "4294967302"
  }
}
