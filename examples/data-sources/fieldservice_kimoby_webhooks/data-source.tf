# Every webhook of the Kimoby account, oldest first.
data "fieldservice_kimoby_webhooks" "all" {}

output "kimoby_webhook_urls" {
  value = [for w in data.fieldservice_kimoby_webhooks.all.webhooks : w.url]
}
