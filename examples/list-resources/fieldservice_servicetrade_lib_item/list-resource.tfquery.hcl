# The active labor items of the price book.
list "fieldservice_servicetrade_lib_item" "all" {
  provider = fieldservice

  config {
    type = "labor"
  }
}
