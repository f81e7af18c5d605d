# The settable values of one user.
list "fieldservice_servicetrade_user_value" "all" {
  provider = fieldservice

  config {
    user_id = 4294967297
  }
}
