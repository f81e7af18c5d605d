# The X-Kimoby-Signature header a receiver should expect for a delivery body:
# base64(HMAC-SHA1(authentication_key, url + body)). Requires Terraform 1.8.
resource "fieldservice_kimoby_webhook" "events" {
  url = "https://hooks.example.com/kimoby/events"
}

output "expected_signature" {
  value = provider::fieldservice::kimoby_webhook_signature(
    fieldservice_kimoby_webhook.events.authentication_key,
    fieldservice_kimoby_webhook.events.url,
    jsonencode({ event_name = "message_created", data = { id = 345634563 } }),
  )
  # The result is as secret as the key.
  sensitive = true
}
