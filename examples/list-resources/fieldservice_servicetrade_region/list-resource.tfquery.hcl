# Every region.
list "fieldservice_servicetrade_region" "all" {
  provider = fieldservice
}
