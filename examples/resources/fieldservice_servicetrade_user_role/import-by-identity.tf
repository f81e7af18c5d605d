import {
  to = fieldservice_servicetrade_user_role.terry_manager
  identity = {
    user_id = 4294967297
    role_id = 4294967302
  }
}
