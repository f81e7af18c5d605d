import {
  to = fieldservice_servicetrade_tax_group.wake
  id = "4294967302"
}
