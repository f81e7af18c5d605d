import {
  to = fieldservice_servicetrade_tag.key_account
  id = "4294967302"
}

# A tag can also be imported by its name.
import {
  to = fieldservice_servicetrade_tag.mall
  id = "Mall"
}
