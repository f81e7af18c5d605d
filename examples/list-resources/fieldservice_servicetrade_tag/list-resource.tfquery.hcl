# Every tag whose name contains "Mall".
list "fieldservice_servicetrade_tag" "all" {
  provider = fieldservice

  config {
    name = "Mall"
  }
}
