# Every active employee (set active = false in config for the inactive ones).
list "fieldservice_kickserv_employee" "all" {
  provider = fieldservice
}
