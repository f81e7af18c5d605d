# Every set of terms.
list "fieldservice_servicetrade_terms" "all" {
  provider = fieldservice
}
