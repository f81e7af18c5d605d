import {
  to = fieldservice_servicetrade_tag.key_account
  identity = {
    id = "4294967302"
  }
}
