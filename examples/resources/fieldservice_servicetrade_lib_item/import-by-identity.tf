import {
  to = fieldservice_servicetrade_lib_item.widget
  identity = {
    id = "4294967310"
  }
}
