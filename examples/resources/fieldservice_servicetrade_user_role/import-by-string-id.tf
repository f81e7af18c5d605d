import {
  to = fieldservice_servicetrade_user_role.terry_manager
  id = "4294967297/4294967302"
}
