import {
  to = fieldservice_servicetrade_user.tech
  identity = {
    id = "4294967320"
  }
}
