# The roles one user holds.
list "fieldservice_servicetrade_user_role" "all" {
  provider = fieldservice

  config {
    user_id = 4294967297
  }
}
