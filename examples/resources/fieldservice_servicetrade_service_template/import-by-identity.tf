import {
  to = fieldservice_servicetrade_service_template.quarterly_alarm
  identity = {
    id = "4294967302"
  }
}
