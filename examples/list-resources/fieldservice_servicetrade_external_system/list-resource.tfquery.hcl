# Every external system.
list "fieldservice_servicetrade_external_system" "all" {
  provider = fieldservice
}
