# Every service template.
list "fieldservice_servicetrade_service_template" "all" {
  provider = fieldservice
}
