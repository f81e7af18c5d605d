# Every webhook.
list "fieldservice_servicetrade_webhook" "all" {
  provider = fieldservice
}
