import {
  to = fieldservice_servicetrade_user_value.no_clock
  identity = {
    user_id = 4294967297
    name    = "disableClock"
  }
}
