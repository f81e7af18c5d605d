# Kimoby: one webhook receiving every event, with its signing key kept in
# state (Kimoby returns the key at creation only).
resource "fieldservice_kimoby_webhook" "demo" {
  url = "https://hooks.example.com/fieldservice-demo/kimoby"
}

output "kimoby_webhook_id" {
  value = fieldservice_kimoby_webhook.demo.id
}
