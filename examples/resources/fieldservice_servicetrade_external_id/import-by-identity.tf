import {
  to = fieldservice_servicetrade_external_id.hwy55
  identity = {
    entity_type = "company"
    entity_id   = 4294967297
    system_name = "peachtree"
  }
}
