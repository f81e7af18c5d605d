import {
  to = fieldservice_servicetrade_user_value.no_clock
  id = "4294967297/disableClock"
}
