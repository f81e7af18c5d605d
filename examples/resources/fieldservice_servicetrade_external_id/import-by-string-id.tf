import {
  to = fieldservice_servicetrade_external_id.hwy55
  id = "company/4294967297/peachtree"
}
