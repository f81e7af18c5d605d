import {
  to = fieldservice_servicetrade_lib_item.widget
  id = "4294967310"
}
