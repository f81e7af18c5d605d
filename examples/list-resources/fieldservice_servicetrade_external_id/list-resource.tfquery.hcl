# The external ids of one company, one per external system.
list "fieldservice_servicetrade_external_id" "all" {
  provider = fieldservice

  config {
    entity_type = "company"
    entity_id   = 4294967297
  }
}
