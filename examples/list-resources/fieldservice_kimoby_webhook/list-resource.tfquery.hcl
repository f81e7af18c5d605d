# Every webhook whose URL contains hooks.example.com.
list "fieldservice_kimoby_webhook" "all" {
  provider = fieldservice

  config {
    url = "hooks.example.com"
  }
}
