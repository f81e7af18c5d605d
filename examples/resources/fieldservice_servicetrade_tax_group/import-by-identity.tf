import {
  to = fieldservice_servicetrade_tax_group.wake
  identity = {
    id = "4294967302"
  }
}
