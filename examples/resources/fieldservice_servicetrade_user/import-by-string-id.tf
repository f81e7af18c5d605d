import {
  to = fieldservice_servicetrade_user.tech
  id = "4294967320"
}
